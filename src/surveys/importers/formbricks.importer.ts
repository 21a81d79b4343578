import { looksOrderedList, mostly } from './column-groups';
import type { ColumnSpec, SurveyImporter } from './import.types';
import { columnValues, looksJoined } from './plan.util';

const QUESTION = /^(\d+)\.\s+(.+)$/;

export const formbricksImporter: SurveyImporter = {
  format: 'formbricks',
  detect(table) {
    return (table[0] ?? []).some((h) => h.trim() === 'Formbricks ID (internal)');
  },
  plan(table) {
    const header = (table[0] ?? []).map((h) => h.trim());
    // A matrix is written one column per row, "N. headline - Row": the same N more than once.
    const perNumber = new Map<string, number>();
    for (const text of header) {
      const n = QUESTION.exec(text)?.[1];
      if (n && !/ - Option ID$/i.test(text)) perNumber.set(n, (perNumber.get(n) ?? 0) + 1);
    }
    const matrixTitles = new Map<string, string>();
    for (const [n, count] of perNumber)
      if (count > 1)
        matrixTitles.set(n, sharedHeadline(header.filter((h) => QUESTION.exec(h)?.[1] === n)));
    const columns = header.map((text, index): ColumnSpec => {
      const lower = text.toLowerCase();
      if (lower === 'response id') return { index, header: text, role: 'respondent-id' };
      if (lower === 'timestamp') return { index, header: text, role: 'submitted-at' };
      if (lower === 'user id') return { index, header: text, role: 'respondent-token' };
      // "Verified Email" may read "Not verified"; non-addresses fall back to the next key.
      if (lower === 'verified email' || lower === 'person.email') {
        return { index, header: text, role: 'respondent-email' };
      }
      const question = QUESTION.exec(text);
      // "N. headline - Option ID" repeats a choice answer as option ids: not an answer of its own.
      if (!question || / - Option ID$/i.test(text)) return { index, header: text, role: 'ignore' };
      const title = matrixTitles.get(question[1]);
      const base = {
        index,
        header: text,
        role: 'question' as const,
        questionKey: `q${question[1]}`,
      };
      if (title !== undefined)
        return {
          ...base,
          questionText: title.replace(QUESTION, '$2'),
          encoding: 'matrix',
          item: text.slice(title.length + 3),
        };
      const values = columnValues(table, 1, index);
      if (looksLikePairs(values)) return { ...base, questionText: question[2], encoding: 'pairs' };
      const joined = looksJoined(values, '; ', text);
      return {
        ...base,
        questionText: question[2],
        encoding: joined ? 'joined' : 'value',
        separator: joined ? '; ' : undefined,
        // a ranking is an array like a multi-select: every row orders the same choices
        ...(joined && looksOrderedList(values, '; ') ? { kind: 'ranking' as const } : {}),
      };
    });
    return { format: 'formbricks', headerRows: 1, columns };
  },
};

/** "N. headline" of the columns "N. headline - Row A", "N. headline - Row B". */
function sharedHeadline(headers: string[]): string {
  const first = headers[0];
  let n = first.length;
  for (const h of headers) {
    let i = 0;
    while (i < n && h[i] === first[i]) i++;
    n = i;
  }
  const cut = first.lastIndexOf(' - ', n);
  return cut > 0 ? first.slice(0, cut) : first;
}

/**
 * Older exports write a matrix answer into one cell as "Row: column" lines. Free text with a
 * colon does not repeat the same row names across respondents.
 */
function looksLikePairs(values: string[]): boolean {
  if (!values.length) return false;
  const lines = values.map((v) => v.split(/\r?\n/).filter((l) => l.trim()));
  // a cell that breaks the pattern is reported when its row is read
  if (!mostly(lines, (ls) => ls.every((l) => /^[^:\n]{1,80}:\s*\S/.test(l)))) return false;
  if (lines.filter((ls) => ls.length >= 2).length < values.length / 2) return false;
  const rows = lines.flatMap((ls) => ls.map((l) => l.slice(0, l.lastIndexOf(':')).trim()));
  return rows.some((r, i) => rows.indexOf(r) !== i);
}
