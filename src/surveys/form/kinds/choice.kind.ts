import { isIn } from 'class-validator';
import { answerValues, type QuestionDefinition } from '../../survey.types';
import { fieldName, postedValues, type KindForm } from './kind-form';
import { fieldset, optionInputs } from './markup';

const oneOnly = (q: QuestionDefinition) =>
  q.kind === 'single' || (q.kind === 'tool-picker' && !q.multiple);

/** single and multiple choice, and the tool picker (one tool or several): radios or checkboxes. */
export const choiceForm: KindForm = {
  render(q, answer, chrome) {
    const type = oneOnly(q) ? 'radio' : 'checkbox';
    const inputs = optionInputs(
      fieldName(q),
      type,
      q.options ?? [],
      new Set(answerValues(answer)),
      chrome.aria,
    );
    return fieldset(q, chrome, inputs);
  },

  fields(q, answer) {
    return answerValues(answer).map((v) => [fieldName(q), v]);
  },

  read(q, posted) {
    const values = postedValues(posted, fieldName(q));
    if (!values.length) return {};
    const allowed = (q.options ?? []).map((o) => o.value);
    const listed = values.every((v) => isIn(v, allowed));
    if (q.kind === 'single')
      return values.length > 1 || !listed
        ? { problem: `Choose one of the listed answers for "${q.text}".` }
        : { answer: values[0] };
    if (q.kind === 'tool-picker') {
      if (!listed) return { problem: `Choose only listed tools for "${q.text}".` };
      if (!q.multiple && values.length > 1) return { problem: `Choose one tool for "${q.text}".` };
      return { answer: q.multiple ? [...new Set(values)] : values[0] };
    }
    return listed
      ? { answer: [...new Set(values)] }
      : { problem: `Choose only listed answers for "${q.text}".` };
  },
};
