import type { ColumnSpec, SurveyImporter } from './import.types';
import { looksOrderedList } from './column-groups';
import { columnValues, headingColumn, slugKey, uniqueKey } from './plan.util';

const META: Record<string, ColumnSpec['role']> = {
  id: 'respondent-id',
  'start time': 'ignore',
  'completion time': 'submitted-at',
  email: 'respondent-email',
  name: 'ignore',
  'last modified time': 'ignore',
};

// Quiz forms add score and feedback columns per question; they are not answers.
const QUIZ_COLUMN = /^(points|feedback|total points|quiz feedback)( - |$)/i;

export const microsoftFormsImporter: SurveyImporter = {
  format: 'microsoft-forms',
  detect(table) {
    const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
    return header.includes('completion time') && header.includes('start time');
  },
  plan(table) {
    const header = (table[0] ?? []).map((h) => h.trim());
    const used = new Set<string>();
    const columns: ColumnSpec[] = [];
    let index = 0;
    while (index < header.length) {
      const likert = statementRun(table, header, index);
      if (likert) {
        const key = uniqueKey(slugKey(likert.title, `q${index}`), used);
        for (let i = index; i < likert.end; i++)
          columns.push({
            index: i,
            header: header[i],
            role: 'question',
            questionKey: key,
            questionText: likert.title,
            encoding: 'matrix',
            item: header[i].slice(likert.title.length + 1).trim(),
          });
        index = likert.end;
        continue;
      }
      columns.push(plainColumn(table, header[index], index, used));
      index++;
    }
    return { format: 'microsoft-forms', headerRows: 1, columns };
  },
};

function plainColumn(
  table: string[][],
  text: string,
  index: number,
  used: Set<string>,
): ColumnSpec {
  const meta = META[text.toLowerCase()];
  if (meta) return { index, header: text, role: meta };
  if (QUIZ_COLUMN.test(text)) return { index, header: text, role: 'ignore' };
  const values = columnValues(table, 1, index);
  // Multi-select and ranking cells end with a ';' even for a single choice; a ranking lists
  // every option, in the respondent's order.
  const joined = values.length > 0 && values.some((v) => v.endsWith(';'));
  return {
    ...headingColumn(index, text, used, joined ? ';' : undefined),
    ...(joined && looksOrderedList(values, ';') ? { kind: 'ranking' as const } : {}),
  };
}

/**
 * A Likert question is written as one column per statement, headed "Question.Statement": a run
 * of two or more such columns sharing the question, holding single answers.
 */
function statementRun(
  table: string[][],
  header: string[],
  start: number,
): { title: string; end: number } | undefined {
  const title = sharedTitle(header[start], header[start + 1] ?? '');
  if (!title || META[header[start].toLowerCase()]) return undefined;
  let end = start;
  while (
    end < header.length &&
    header[end].startsWith(`${title}.`) &&
    header[end].length > title.length + 1
  )
    end++;
  const single = header
    .slice(start, end)
    .every((_, i) => columnValues(table, 1, start + i).every((v) => !v.endsWith(';')));
  return end - start >= 2 && single ? { title, end } : undefined;
}

function sharedTitle(a: string, b: string): string | undefined {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  const cut = a.lastIndexOf('.', n - 1);
  return cut >= 3 && cut < a.length - 1 ? a.slice(0, cut) : undefined;
}

export { uniqueKey } from './plan.util';
