import { fieldName, postedValues, type KindForm } from './kind-form';
import { escapeHtml } from './markup';

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** A number with its unit ("hours per week"): one labelled input, the unit read with it. */
export const numberForm: KindForm = {
  render(q, answer, chrome) {
    const spec = q.number ?? { unit: '' };
    const name = escapeHtml(fieldName(q));
    const unitId = `${name}_unit`;
    const bounds = `${spec.min !== undefined ? ` min="${spec.min}"` : ''}${spec.max !== undefined ? ` max="${spec.max}"` : ''}`;
    const aria = chrome.aria.includes('aria-describedby="')
      ? chrome.aria.replace('aria-describedby="', `aria-describedby="${unitId} `)
      : `${chrome.aria} aria-describedby="${unitId}"`;
    return `<div class="question kind-number"><label class="block" for="${name}">${escapeHtml(q.text)}${chrome.required}</label>${chrome.help}${chrome.errorText}<input type="text" inputmode="decimal" id="${name}" name="${name}" value="${escapeHtml(typeof answer === 'string' ? answer : '')}" size="8"${bounds}${aria}> <span id="${unitId}" class="unit">${escapeHtml(spec.unit)}</span></div>`;
  },

  fields(q, answer) {
    return typeof answer === 'string' ? [[fieldName(q), answer]] : [];
  },

  read(q, posted) {
    const values = postedValues(posted, fieldName(q));
    if (!values.length) return {};
    const spec = q.number ?? { unit: '' };
    if (values.length > 1 || !NUMBER.test(values[0]))
      return {
        problem: spec.unit
          ? { key: 'error.numberUnit', params: { unit: spec.unit, question: q.text } }
          : { key: 'error.number', params: { question: q.text } },
      };
    const n = Number(values[0].replace(',', '.'));
    if (spec.integer && !Number.isInteger(n))
      return { problem: { key: 'error.wholeNumber', params: { question: q.text } } };
    if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max))
      return {
        problem: {
          key: spec.unit ? 'error.numberRangeUnit' : 'error.numberRange',
          params: {
            min: spec.min ?? '…',
            max: spec.max ?? '…',
            unit: spec.unit,
            question: q.text,
          },
        },
      };
    return { answer: String(n) };
  },
};
