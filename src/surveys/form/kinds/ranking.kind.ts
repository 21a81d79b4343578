import { fieldName, postedValues, type KindForm } from './kind-form';
import { escapeHtml, fieldset } from './markup';

/**
 * Ranking without script: beside each option a select of positions (1 = first). The answer is
 * the option values in ranked order; every option gets a different position.
 */
export const rankingForm: KindForm = {
  render(q, answer, chrome) {
    const options = q.options ?? [];
    const ranked = Array.isArray(answer) ? answer : [];
    const rows = options
      .map((o, i) => {
        const id = escapeHtml(`${chrome.id}_${i}`);
        const at = ranked.indexOf(o.value) + 1;
        const positions = options
          .map(
            (_, p) =>
              `<option value="${p + 1}"${at === p + 1 ? ' selected' : ''}>${p + 1}</option>`,
          )
          .join('');
        return `<div class="rank"><select id="${id}" name="${escapeHtml(fieldName(q, i))}"${i === 0 ? chrome.aria : ''}><option value=""${at ? '' : ' selected'}>–</option>${positions}</select> <label class="option-inline" for="${id}">${escapeHtml(o.label)}</label></div>`;
      })
      .join('');
    const how = `<p class="help">${escapeHtml(chrome.say('form.rankingHow', { last: options.length }))}</p>`;
    return fieldset(q, chrome, `${how}${rows}`, 'kind-ranking');
  },

  fields(q, answer) {
    if (!Array.isArray(answer)) return [];
    return (q.options ?? []).flatMap((o, i): [string, string][] => {
      const at = answer.indexOf(o.value);
      return at === -1 ? [] : [[fieldName(q, i), String(at + 1)]];
    });
  },

  read(q, posted) {
    const options = q.options ?? [];
    const at = new Map<number, { value: string; label: string }>();
    let given = 0;
    for (const [i, o] of options.entries()) {
      const values = postedValues(posted, fieldName(q, i));
      if (!values.length) continue;
      given++;
      const p = Number(values[0]);
      if (values.length > 1 || !Number.isInteger(p) || p < 1 || p > options.length)
        return {
          problem: {
            key: 'error.rankPosition',
            params: { option: o.label, last: options.length, question: q.text },
          },
        };
      if (at.has(p))
        return {
          problem: {
            key: 'error.rankDuplicate',
            params: {
              first: at.get(p)?.label ?? '',
              second: o.label,
              position: p,
              question: q.text,
            },
          },
        };
      at.set(p, o);
    }
    if (given === 0) return {};
    if (given < options.length)
      return { problem: { key: 'error.rankIncomplete', params: { question: q.text } } };
    return { answer: [...at.entries()].sort((a, b) => a[0] - b[0]).map(([, o]) => o.value) };
  },
};
