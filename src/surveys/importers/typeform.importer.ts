import type { ColumnSpec, SurveyImporter } from './import.types';
import { looksOrderedList, splitEncoding } from './column-groups';
import { uniqueKey } from './microsoft-forms.importer';
import { columnValues, headingColumn, looksJoined, looksLikeEmail, slugKey } from './plan.util';

const TRAILER: Record<string, ColumnSpec['role']> = {
  'start date (utc)': 'ignore',
  'submit date (utc)': 'submitted-at',
  'stage date (utc)': 'ignore',
  'network id': 'ignore',
  tags: 'ignore',
  ending: 'ignore',
};

export const typeformImporter: SurveyImporter = {
  format: 'typeform',
  detect(table) {
    const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
    return header.includes('submit date (utc)') && header.includes('start date (utc)');
  },
  plan(table) {
    const header = (table[0] ?? []).map((h) => h.trim());
    const used = new Set<string>();
    const columns: ColumnSpec[] = [];
    let i = 0;
    while (i < header.length) {
      const text = header[i];
      const lower = text.toLowerCase();
      if (i === 0 && (text === '#' || lower === 'token' || lower === 'response id')) {
        columns.push({ index: i, header: text, role: 'respondent-token' });
        i++;
        continue;
      }
      const trailer = TRAILER[lower];
      if (trailer) {
        columns.push({ index: i, header: text, role: trailer });
        i++;
        continue;
      }
      const values = columnValues(table, 1, i);
      if (/e-?mail/.test(lower) && values.length > 0 && values.every(looksLikeEmail)) {
        columns.push({ index: i, header: text, role: 'respondent-email' });
        i++;
        continue;
      }
      // A ranking written one column per choice, each holding the choice's rank.
      const ranked = rankRunEnd(table, header, i);
      if (ranked > i) {
        const options = header.slice(i, ranked);
        const key = uniqueKey(slugKey(`ranking_${options[0]}`, `q${i}`), used);
        for (let c = i; c < ranked; c++)
          columns.push({
            index: c,
            header: header[c],
            role: 'question',
            questionKey: key,
            questionText: `Ranking: ${options.join(' / ')}`,
            encoding: 'rank',
            option: header[c],
          });
        i = ranked;
        continue;
      }
      // Older exports: one column per choice, headed by the choice and holding it when picked.
      // Adjacent such columns are one question; a following "Other" column is its free text.
      let end = i;
      while (end < header.length && isChoiceColumn(table, header, end)) end++;
      if (end - i >= 2) {
        const options = header.slice(i, end);
        const key = uniqueKey(slugKey(`choices_${options[0]}`, `q${i}`), used);
        const questionText = `Choices: ${options.join(' / ')}`;
        for (let c = i; c < end; c++) {
          columns.push({
            index: c,
            header: header[c],
            role: 'question',
            questionKey: key,
            questionText,
            encoding: 'flag',
            option: header[c],
          });
        }
        if (header[end]?.toLowerCase() === 'other') {
          columns.push({
            index: end,
            header: header[end],
            role: 'question',
            questionKey: key,
            questionText,
            encoding: 'flag',
            option: 'Other',
          });
          end++;
        }
        i = end;
        continue;
      }
      // A ranking in one column lists every choice, ", "-joined, in the respondent's order.
      const joined = looksJoined(values, ', ', text);
      columns.push({
        ...headingColumn(i, text, used, joined ? ', ' : undefined),
        ...(joined && looksOrderedList(values, ', ') ? { kind: 'ranking' as const } : {}),
      });
      i++;
    }
    return { format: 'typeform', headerRows: 1, columns };
  },
};

function isChoiceColumn(table: string[][], header: string[], index: number): boolean {
  const text = header[index];
  if (!text || TRAILER[text.toLowerCase()]) return false;
  const values = columnValues(table, 1, index);
  return values.length > 0 && values.every((v) => v === text);
}

/**
 * Where a run of three or more per-choice rank columns starting at `start` ends (`start` when
 * there is none): short choice headings, whole-number cells, each row ranking every choice once.
 */
function rankRunEnd(table: string[][], header: string[], start: number): number {
  let end = start;
  const rankLike = (i: number) => {
    const values = columnValues(table, 1, i);
    return (
      !!header[i] &&
      !TRAILER[header[i].toLowerCase()] &&
      !/[?:]/.test(header[i]) &&
      values.length > 0 &&
      values.every((v) => /^\d{1,2}$/.test(v))
    );
  };
  while (end < header.length && rankLike(end)) end++;
  if (end - start < 3) return start;
  const group = header.slice(start, end).map((_, k) => ({ index: start + k }));
  return splitEncoding(table, 1, group) === 'rank' ? end : start;
}
