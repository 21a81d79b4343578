import type { ColumnSpec, ImportedQuestionKind, SurveyImporter } from './import.types';
import { uniqueKey } from './microsoft-forms.importer';
import { isNumberCell, mostly, splitEncoding, unitOf } from './column-groups';
import { columnValues, slugKey } from './plan.util';

const META: Record<string, ColumnSpec['role']> = {
  'respondent id': 'respondent-id',
  'collector id': 'ignore',
  'start date': 'ignore',
  'end date': 'submitted-at',
  'ip address': 'ignore',
  'email address': 'respondent-email',
  'first name': 'ignore',
  'last name': 'ignore',
};
const OTHER = /^other \(please specify\)$/i;

export const surveyMonkeyImporter: SurveyImporter = {
  format: 'surveymonkey',
  detect(table) {
    const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
    return header.includes('respondent id') && header.includes('collector id');
  },
  plan(table) {
    const first = table[0] ?? [];
    const second = table[1] ?? [];
    // Row 1 names a question once and leaves its continuation columns blank: forward-fill.
    const filled: string[] = [];
    let previous = '';
    for (let i = 0; i < Math.max(first.length, second.length); i++) {
      const text = (first[i] ?? '').trim();
      if (text) previous = text;
      filled.push(text || previous);
    }
    const used = new Set<string>();
    const columns: ColumnSpec[] = [];
    let i = 0;
    while (i < filled.length) {
      const text = filled[i];
      const meta =
        META[text.toLowerCase()] ?? (/^custom data \d+$/i.test(text) ? 'ignore' : undefined);
      if (meta) {
        columns.push({ index: i, header: text, role: meta });
        i++;
        continue;
      }
      let end = i + 1;
      while (end < filled.length && filled[end] === text && !(first[end] ?? '').trim()) end++;
      const key = uniqueKey(slugKey(text, `q${i}`), used);
      columns.push(...questionColumns(table, filled, second, i, end, key, used));
      i = end;
    }
    return { format: 'surveymonkey', headerRows: 2, columns };
  },
};

function questionColumns(
  table: string[][],
  filled: string[],
  second: string[],
  start: number,
  end: number,
  key: string,
  used: Set<string>,
): ColumnSpec[] {
  const text = filled[start];
  const label = (i: number) => (second[i] ?? '').trim();
  const specs: ColumnSpec[] = [];
  const choiceColumns: number[] = [];
  for (let i = start; i < end; i++) {
    if (OTHER.test(label(i))) {
      specs.push({
        index: i,
        header: `${text} - ${label(i)}`,
        role: 'question',
        questionKey: uniqueKey(`${key}_other`, used),
        questionText: `${text} (other)`,
        encoding: 'value',
        kind: 'text',
      });
    } else {
      choiceColumns.push(i);
    }
  }
  if (choiceColumns.length === 1) {
    const i = choiceColumns[0];
    // A text box validated as a number ("hours saved") is still labelled open-ended.
    const values = columnValues(table, 2, i);
    const numeric = mostly(values, isNumberCell) && (!!unitOf(text) || values.every(isNumberCell));
    const kind: ImportedQuestionKind | undefined =
      label(i).toLowerCase() === 'open-ended response' ? (numeric ? 'number' : 'text') : undefined;
    specs.push({
      index: i,
      header: text,
      role: 'question',
      questionKey: key,
      questionText: text,
      encoding: 'value',
      kind,
    });
    return specs.sort((a, b) => a.index - b.index);
  }
  // Expanded multi-select holds each option's own text (or, with numerical values, its own
  // number) when chosen. Otherwise the second header row names a matrix's rows (each cell the
  // column chosen for that row) or a ranking's options (each cell the option's rank).
  const own = choiceColumns.map((i) => [...new Set(columnValues(table, 2, i))]);
  const numbers = own.flat();
  const expanded =
    own.every((values, k) => values.every((v) => v === label(choiceColumns[k]))) ||
    (own.every((values) => values.length <= 1) &&
      numbers.every((v) => /^\d+$/.test(v)) &&
      new Set(numbers).size === numbers.length);
  const grid = expanded
    ? 'flag'
    : splitEncoding(
        table,
        2,
        choiceColumns.map((index) => ({ index })),
      );
  for (const i of choiceColumns) {
    const base = { index: i, header: text, role: 'question' as const, questionText: text };
    if (expanded) {
      specs.push({
        ...base,
        questionKey: key,
        encoding: 'flag',
        option: label(i),
        chosen: 'any',
      });
    } else if (grid === 'matrix') {
      specs.push({
        ...base,
        header: `${text} - ${label(i)}`,
        questionKey: key,
        encoding: 'matrix',
        item: label(i),
      });
    } else if (grid === 'rank') {
      specs.push({
        ...base,
        header: `${text} - ${label(i)}`,
        questionKey: key,
        encoding: 'rank',
        option: label(i),
      });
    } else {
      specs.push({
        index: i,
        header: `${text} - ${label(i)}`,
        role: 'question',
        questionKey: uniqueKey(`${key}_${slugKey(label(i), String(i))}`, used),
        questionText: `${text} - ${label(i)}`,
        encoding: 'value',
      });
    }
  }
  return specs.sort((a, b) => a.index - b.index);
}
