import { maxLength } from 'class-validator';
import { fieldName, postedValues, type KindForm } from './kind-form';
import { escapeHtml } from './markup';

export const MAX_TEXT_ANSWER = 4000;

export const textForm: KindForm = {
  render(q, answer, chrome) {
    const name = escapeHtml(fieldName(q));
    return `<div class="question"><label class="block" for="${name}">${escapeHtml(q.text)}${chrome.required}</label>${chrome.help}${chrome.errorText}<textarea id="${name}" name="${name}"${q.required ? ' required' : ''}${chrome.aria}>${escapeHtml(typeof answer === 'string' ? answer : '')}</textarea></div>`;
  },

  fields(q, answer) {
    return typeof answer === 'string' ? [[fieldName(q), answer]] : [];
  },

  read(q, posted) {
    const values = postedValues(posted, fieldName(q));
    if (!values.length) return {};
    return maxLength(values[0], MAX_TEXT_ANSWER)
      ? { answer: values[0] }
      : {
          problem: { key: 'error.textLength', params: { question: q.text, max: MAX_TEXT_ANSWER } },
        };
  },
};
