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
        ? { problem: { key: 'error.choiceOne', params: { question: q.text } } }
        : { answer: values[0] };
    if (q.kind === 'tool-picker') {
      if (!listed) return { problem: { key: 'error.toolListed', params: { question: q.text } } };
      if (!q.multiple && values.length > 1)
        return { problem: { key: 'error.toolOne', params: { question: q.text } } };
      return { answer: q.multiple ? [...new Set(values)] : values[0] };
    }
    return listed
      ? { answer: [...new Set(values)] }
      : { problem: { key: 'error.choiceListed', params: { question: q.text } } };
  },
};
