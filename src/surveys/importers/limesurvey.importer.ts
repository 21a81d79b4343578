import type { ColumnSpec, SurveyImporter } from './import.types';
import { uniqueKey } from './microsoft-forms.importer';
import { columnValues, slugKey } from './plan.util';

// Response-table columns in "code" and in "full" heading mode.
const META: Record<string, ColumnSpec['role']> = {
  id: 'respondent-id',
  'response id': 'respondent-id',
  submitdate: 'submitted-at',
  'date submitted': 'submitted-at',
  token: 'respondent-token',
  'access code': 'respondent-token',
};
const IGNORED = new Set([
  'lastpage',
  'last page',
  'startlanguage',
  'start language',
  'seed',
  'startdate',
  'date started',
  'datestamp',
  'date last action',
  'ipaddr',
  'ip address',
  'refurl',
  'referrer url',
]);
const BRACKETED = /^(.+?)\s*\[([^\]]+)\](?:\[([^\]]+)\])?$/;
const UNDERSCORED = /^([A-Za-z][A-Za-z0-9]*)_(SQ\d+|other)(comment)?$/i;

interface SubColumn {
  index: number;
  header: string;
  base: string;
  sub: string;
  comment: boolean;
}

export const limeSurveyImporter: SurveyImporter = {
  format: 'limesurvey',
  detect(table) {
    const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
    return (
      (header.includes('submitdate') && header.includes('lastpage')) ||
      (header.includes('date submitted') && header.includes('last page'))
    );
  },
  plan(table) {
    const header = (table[0] ?? []).map((h) => h.trim());
    const used = new Set<string>();
    const columns: ColumnSpec[] = [];
    const groups = new Map<string, SubColumn[]>();
    header.forEach((text, index) => {
      const lower = text.toLowerCase();
      const role = META[lower];
      if (role) return columns.push({ index, header: text, role });
      if (IGNORED.has(lower)) return columns.push({ index, header: text, role: 'ignore' });
      const sub = splitSubquestion(text);
      if (sub) {
        groups.set(sub.base, [...(groups.get(sub.base) ?? []), { index, header: text, ...sub }]);
        return;
      }
      columns.push({
        index,
        header: text,
        role: 'question',
        questionKey: uniqueKey(keyOf(text, index), used),
        questionText: text,
        encoding: 'value',
      });
    });
    for (const [base, subs] of groups) columns.push(...groupColumns(table, base, subs, used));
    columns.sort((a, b) => a.index - b.index);
    return { format: 'limesurvey', headerRows: 1, columns };
  },
};

function splitSubquestion(
  text: string,
): { base: string; sub: string; comment: boolean } | undefined {
  const bracketed = BRACKETED.exec(text);
  if (bracketed) {
    const comment = bracketed[3]?.toLowerCase() === 'comment' || /comment$/i.test(bracketed[2]);
    return {
      base: bracketed[1],
      sub: bracketed[2].replace(/comment$/i, '') || bracketed[2],
      comment,
    };
  }
  const underscored = UNDERSCORED.exec(text);
  if (underscored) return { base: underscored[1], sub: underscored[2], comment: !!underscored[3] };
  return undefined;
}

function keyOf(text: string, index: number): string {
  return /^[A-Za-z][A-Za-z0-9_]{0,47}$/.test(text) ? text : slugKey(text, `q${index}`);
}

function groupColumns(
  table: string[][],
  base: string,
  subs: SubColumn[],
  used: Set<string>,
): ColumnSpec[] {
  const key = uniqueKey(keyOf(base, subs[0].index), used);
  const specs: ColumnSpec[] = [];
  const choices = subs.filter((s) => !s.comment && s.sub.toLowerCase() !== 'other');
  // Multiple choice: cells hold Y (short answers) or always the same option text (long answers).
  // An array (matrix) question varies per cell, so each subquestion is a question of its own.
  const isMultiple = choices.every((s) => {
    const values = columnValues(table, 1, s.index).filter((v) => v.toUpperCase() !== 'N');
    return values.every((v) => v.toUpperCase() === 'Y') || new Set(values).size <= 1;
  });
  for (const s of subs) {
    if (s.comment || s.sub.toLowerCase() === 'other') {
      const suffix = s.comment ? `${s.sub}_comment` : 'other';
      specs.push({
        index: s.index,
        header: s.header,
        role: 'question',
        questionKey: uniqueKey(`${key}_${suffix}`, used),
        questionText: `${base} [${s.comment ? `${s.sub} comment` : 'other'}]`,
        encoding: 'value',
        kind: 'text',
      });
    } else if (isMultiple) {
      const longText = columnValues(table, 1, s.index).find(
        (v) => v.toUpperCase() !== 'Y' && v.toUpperCase() !== 'N',
      );
      specs.push({
        index: s.index,
        header: s.header,
        role: 'question',
        questionKey: key,
        questionText: base,
        encoding: 'flag',
        option: longText ?? s.sub,
      });
    } else {
      specs.push({
        index: s.index,
        header: s.header,
        role: 'question',
        questionKey: uniqueKey(`${key}_${s.sub}`, used),
        questionText: `${base} [${s.sub}]`,
        encoding: 'value',
      });
    }
  }
  return specs;
}
