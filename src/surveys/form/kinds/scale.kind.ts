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
    // NPS ends without labels of the author's get the form's own, in the respondent's language
    const scale = scaleOf(q);
    const points = scalePoints(
      q.kind === 'nps'
        ? {
            ...scale,
            minLabel: q.scale?.minLabel ?? chrome.say('form.npsLow'),
            maxLabel: q.scale?.maxLabel ?? chrome.say('form.npsHigh'),
          }
        : scale,
    );
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
      return {
        problem: {
          key: 'error.scaleRange',
          params: { min: scale.min, max: scale.max, question: q.text },
        },
      };
    return { answer: String(n) };
  },
};
