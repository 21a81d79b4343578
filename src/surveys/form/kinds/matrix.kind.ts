import { matrixColumns } from '../../question-scale';
import type { Answer } from '../../survey.types';
import { fieldName, postedValues, type KindForm } from './kind-form';
import { escapeHtml, fieldset, optionInputs } from './markup';

const rowsOf = (answer: Answer | undefined): Record<string, string> =>
  answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {};

/**
 * Several items on one scale: a fieldset for the question holding one radio group (fieldset and
 * legend) per item, so each row is its own keyboard group and is read with its item's name.
 */
export const matrixForm: KindForm = {
  render(q, answer, chrome) {
    const columns = matrixColumns(q);
    const rows = rowsOf(answer);
    const groups = (q.items ?? [])
      .map((item, i) => {
        const chosen = new Set(rows[item.value] ? [rows[item.value]] : []);
        const inputs = optionInputs(
          fieldName(q, i),
          'radio',
          columns,
          chosen,
          i === 0 ? chrome.aria : '',
        );
        return `<fieldset class="matrix-row"><legend>${escapeHtml(item.label)}</legend>${inputs}</fieldset>`;
      })
      .join('');
    return fieldset(q, chrome, groups, 'kind-matrix');
  },

  fields(q, answer) {
    const rows = rowsOf(answer);
    return (q.items ?? []).flatMap((item, i): [string, string][] =>
      rows[item.value] ? [[fieldName(q, i), rows[item.value]]] : [],
    );
  },

  read(q, posted) {
    const columns = new Set(matrixColumns(q).map((c) => c.value));
    const rows: Record<string, string> = {};
    const missing: string[] = [];
    for (const [i, item] of (q.items ?? []).entries()) {
      const values = postedValues(posted, fieldName(q, i));
      if (!values.length) {
        missing.push(item.label);
        continue;
      }
      if (values.length > 1 || !columns.has(values[0]))
        return {
          problem: { key: 'error.matrixRow', params: { row: item.label, question: q.text } },
        };
      rows[item.value] = values[0];
    }
    if (!Object.keys(rows).length) return {};
    return missing.length
      ? {
          answer: rows,
          incomplete: {
            key: 'error.matrixIncomplete',
            params: { question: q.text, rows: missing.join(', ') },
          },
        }
      : { answer: rows };
  },
};
