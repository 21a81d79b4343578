import type { ColumnSpec, SurveyImporter } from './import.types';
import { columnValues, slugKey } from './plan.util';

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
    const header = table[0] ?? [];
    const used = new Set<string>();
    const columns = header.map((raw, index): ColumnSpec => {
      const text = raw.trim();
      const meta = META[text.toLowerCase()];
      if (meta) return { index, header: text, role: meta };
      if (QUIZ_COLUMN.test(text)) return { index, header: text, role: 'ignore' };
      const values = columnValues(table, 1, index);
      // Multi-select cells end with a ';' even for a single choice.
      const joined = values.length > 0 && values.some((v) => v.endsWith(';'));
      return {
        index,
        header: text,
        role: 'question',
        questionKey: uniqueKey(slugKey(text, `q${index}`), used),
        questionText: text,
        encoding: joined ? 'joined' : 'value',
        separator: joined ? ';' : undefined,
      };
    });
    return { format: 'microsoft-forms', headerRows: 1, columns };
  },
};

export function uniqueKey(base: string, used: Set<string>): string {
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
  used.add(key);
  return key;
}
