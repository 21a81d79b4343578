import { isInt, max, min } from 'class-validator';
import { scaleOf, scalePoints } from '../../question-scale';
import { answerValues } from '../../survey.types';
import { fieldName, postedValues, type KindForm } from './kind-form';
import { fieldset, optionInputs } from './markup';

/**
 * A numbered scale, a Likert scale (5 or 7 points) and NPS (0–10): one radio group whose end
 * points carry their labels, so arrow keys move along the scale and a screen reader reads
 * "1 (Strongly disagree)".
 */
export const scaleForm: KindForm = {
  render(q, answer, chrome) {
    const points = scalePoints(scaleOf(q));
    const inputs = optionInputs(
      fieldName(q),
      'radio',
      points,
      new Set(answerValues(answer)),
      chrome.aria,
    );
    return fieldset(q, chrome, `<div class="scale">${inputs}</div>`, `kind-${q.kind}`);
  },

  fields(q, answer) {
    return typeof answer === 'string' ? [[fieldName(q), answer]] : [];
  },

  read(q, posted) {
    const values = postedValues(posted, fieldName(q));
    if (!values.length) return {};
    const scale = scaleOf(q);
    const n = Number(values[0]);
    if (values.length > 1 || !isInt(n) || !min(n, scale.min) || !max(n, scale.max))
      return { problem: `Pick a number from ${scale.min} to ${scale.max} for "${q.text}".` };
    return { answer: String(n) };
  },
};
