import type { QuestionDefinition, QuestionOption } from '../../survey.types';
import type { QuestionChrome } from './kind-form';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A group of controls: a fieldset whose legend is the question, then help and error. */
export function fieldset(
  q: QuestionDefinition,
  chrome: QuestionChrome,
  inner: string,
  cls = '',
): string {
  return `<fieldset id="${escapeHtml(chrome.id)}"${cls ? ` class="${cls}"` : ''}><legend>${escapeHtml(q.text)}${chrome.required}</legend>${chrome.help}${chrome.errorText}${inner}</fieldset>`;
}

/** Radio buttons or checkboxes, each with its own label; the first carries `firstAttrs`. */
export function optionInputs(
  name: string,
  type: 'radio' | 'checkbox',
  list: QuestionOption[],
  chosen: Set<string>,
  firstAttrs = '',
  idBase = name,
): string {
  return list
    .map((o, i) => {
      const id = `${idBase}_${i}`;
      return `<label class="option" for="${escapeHtml(id)}"><input type="${type}" id="${escapeHtml(id)}" name="${escapeHtml(name)}" value="${escapeHtml(o.value)}"${chosen.has(o.value) ? ' checked' : ''}${i === 0 ? firstAttrs : ''}> ${escapeHtml(o.label)}</label>`;
    })
    .join('');
}
