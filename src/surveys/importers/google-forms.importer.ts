import type { ColumnSpec, SurveyImporter } from './import.types';
import {
  columnValues,
  headingColumn,
  looksJoined,
  looksLikeEmail,
  slugKey,
  uniqueKey,
} from './plan.util';

// A grid question writes one column per row, headed "Question [Row]".
const GRID_HEADING = /^(.*\S)\s*\[([^\]]+)\]\s*$/;

export const googleFormsImporter: SurveyImporter = {
  format: 'google-forms',
  detect(table) {
    const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
    return header[0] === 'timestamp';
  },
  plan(table) {
    const header = (table[0] ?? []).map((h) => h.trim());
    const used = new Set<string>();
    const columns: ColumnSpec[] = [];
    let index = 0;
    while (index < header.length) {
      const end = gridEnd(header, index);
      if (end - index >= 2) {
        columns.push(...gridColumns(table, header, index, end, used));
        index = end;
        continue;
      }
      columns.push(plainColumn(table, header[index], index, used));
      index++;
    }
    // Without an e-mail column, a response is known only by its row: number them.
    return { format: 'google-forms', headerRows: 1, columns };
  },
};

/** Where a run of "Question [Row]" columns sharing one question ends (start itself if none). */
function gridEnd(header: string[], start: number): number {
  const title = GRID_HEADING.exec(header[start])?.[1];
  if (!title || start === 0) return start;
  let end = start;
  while (end < header.length && GRID_HEADING.exec(header[end])?.[1] === title) end++;
  return end;
}

/**
 * A multiple-choice grid is a matrix: each row one column of the grid. A checkbox grid lets a
 * row hold several columns (", "-joined), so each of its rows is a multi-select of its own.
 */
function gridColumns(
  table: string[][],
  header: string[],
  start: number,
  end: number,
  used: Set<string>,
): ColumnSpec[] {
  const title = GRID_HEADING.exec(header[start])?.[1] as string;
  const key = uniqueKey(slugKey(title, `q${start}`), used);
  const cells = header.slice(start, end).flatMap((_, i) => columnValues(table, 1, start + i));
  const checkbox = looksJoined(cells, ', ', title);
  return header.slice(start, end).map((text, i): ColumnSpec => {
    const row = GRID_HEADING.exec(text)?.[2].trim() as string;
    const index = start + i;
    if (checkbox)
      return {
        index,
        header: text,
        role: 'question',
        questionKey: uniqueKey(`${key}_${slugKey(row, String(index))}`, used),
        questionText: text,
        encoding: 'joined',
        separator: ', ',
        kind: 'multiple',
      };
    return {
      index,
      header: text,
      role: 'question',
      questionKey: key,
      questionText: title,
      encoding: 'matrix',
      item: row,
    };
  });
}

function plainColumn(
  table: string[][],
  text: string,
  index: number,
  used: Set<string>,
): ColumnSpec {
  const lower = text.toLowerCase();
  if (index === 0) return { index, header: text, role: 'submitted-at' };
  const values = columnValues(table, 1, index);
  if (lower === 'email address' || lower === 'username') {
    return { index, header: text, role: 'respondent-email' };
  }
  if (/e-?mail/.test(lower) && values.length > 0 && values.every(looksLikeEmail)) {
    return { index, header: text, role: 'respondent-email' };
  }
  // Checkbox answers are joined with ", " - ambiguous when an option has a comma, so
  // only columns whose pieces recur across respondents are split (the CoE can remap).
  return headingColumn(index, text, used, looksJoined(values, ', ', text) ? ', ' : undefined);
}
