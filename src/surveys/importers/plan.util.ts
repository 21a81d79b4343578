import { SurveyImportError } from './import-error';
import type {
  ColumnMapping,
  ColumnPlan,
  ColumnSpec,
  ImportedQuestion,
  ImportedQuestionKind,
  ImportedResponse,
  ImportedSurvey,
  RespondentKeyKind,
} from './import.types';
import { parseSurveyTime } from './date.util';
import type { Table } from './table.util';
import { likertPoint, likertPointsOf } from './likert-labels';
import { answerValues, type Answer, type Answers } from '../survey.types';

const MARKS = new Set(['y', 'yes', '1', 'true', 'x', '✓']);
const UNMARKS = new Set(['n', 'no', '0', 'false']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A cell that says an option was ticked (Y, Yes, 1…) or that it was not (N, No, 0…). */
export function isMark(value: string): boolean {
  return MARKS.has(value.toLowerCase()) || UNMARKS.has(value.toLowerCase());
}

export function looksLikeEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** Apply the CoE's mapping: header text or `#index` → question key, or null to ignore. */
export function applyMapping(plan: ColumnPlan, mapping: ColumnMapping | undefined): ColumnPlan {
  if (!mapping || Object.keys(mapping).length === 0) return plan;
  const columns = plan.columns.map((column): ColumnSpec => {
    const target =
      `#${column.index}` in mapping ? mapping[`#${column.index}`] : mapping[column.header];
    if (target === undefined) return column;
    if (target === null) return { ...column, role: 'ignore' };
    if (column.questionKey === target) return column;
    // A re-keyed column answers on its own unless it is merged with others below.
    return {
      ...column,
      role: 'question',
      questionKey: target,
      questionText: target,
      encoding: 'value',
      kind: undefined,
    };
  });
  // Several columns mapped to one key behave as one option each.
  const byKey = new Map<string, ColumnSpec[]>();
  for (const column of columns) {
    if (column.role !== 'question' || !column.questionKey) continue;
    byKey.set(column.questionKey, [...(byKey.get(column.questionKey) ?? []), column]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const column of group) {
      if (column.encoding === 'value') {
        column.encoding = 'flag';
        column.option = column.option ?? column.header;
      }
    }
  }
  return { ...plan, columns };
}

export function validateMapping(plan: ColumnPlan, mapping: ColumnMapping | undefined): void {
  if (!mapping) return;
  const headers = new Set(plan.columns.map((c) => c.header));
  for (const [key, value] of Object.entries(mapping)) {
    const indexed = /^#(\d+)$/.exec(key);
    const known = indexed ? +indexed[1] < plan.columns.length : headers.has(key);
    if (!known) throw new SurveyImportError(`mapping: no column "${key}" in the export`);
    if (value !== null && (typeof value !== 'string' || !/^[\w.-]{1,64}$/.test(value))) {
      throw new SurveyImportError(
        `mapping["${key}"]: question key must be 1-64 letters, digits, _ . -`,
      );
    }
  }
}

/** Turn data rows into normalised responses following the plan. */
export function buildSurvey(plan: ColumnPlan, table: Table): ImportedSurvey {
  const warnings: string[] = [];
  const questionColumns = plan.columns.filter((c) => c.role === 'question' && c.questionKey);
  const keys = [...new Set(questionColumns.map((c) => c.questionKey as string))];
  const responses: ImportedResponse[] = [];
  const dataRows = table.slice(plan.headerRows);

  dataRows.forEach((row, offset) => {
    const rowNumber = plan.headerRows + offset + 1;
    if (row.every((cell) => !cell || !cell.trim())) return;
    const answers: Answers = {};
    for (const key of keys) {
      const columns = questionColumns.filter((c) => c.questionKey === key);
      const structured = structuredAnswer(columns, row);
      if (structured !== null) {
        if (structured !== undefined) answers[key] = structured;
        continue;
      }
      const multi = columns.length > 1 || columns.some((c) => c.encoding !== 'value');
      const items: string[] = [];
      for (const column of columns) items.push(...cellItems(column, row[column.index] ?? ''));
      if (items.length === 0) continue;
      answers[key] = multi ? [...new Set(items)] : items[0];
    }
    // Without an e-mail, token or id (Google Forms without collected e-mails) a response is
    // known only by its row.
    const identity = respondentOf(plan.columns, row) ?? {
      respondentKey: `row-${rowNumber}`,
      respondentKeyKind: 'id' as const,
    };
    const timeColumn = plan.columns.find((c) => c.role === 'submitted-at');
    const rawTime = timeColumn ? (row[timeColumn.index] ?? '').trim() : '';
    const submittedAt = rawTime ? parseSurveyTime(rawTime, timeColumn?.timeZone) : null;
    if (rawTime && !submittedAt) {
      warnings.push(
        `row ${rowNumber}, column "${timeColumn?.header}": unreadable time "${rawTime}"`,
      );
    }
    responses.push({ ...identity, submittedAt, answers });
  });

  const questions = keys.map((key) => describeQuestion(key, questionColumns, responses));
  // Agreement labels become Likert points (1 = strongly disagree).
  for (const q of questions) {
    if (q.kind !== 'likert') continue;
    const points = likertPointsOf(q.options ?? []) ?? 5;
    for (const r of responses) {
      const v = r.answers[q.key];
      if (typeof v === 'string') r.answers[q.key] = likertPoint(v, points);
    }
    q.options = [String(points)];
  }
  return {
    format: plan.format,
    questions,
    responses,
    warnings: [...(plan.warnings ?? []), ...warnings],
  };
}

/**
 * A matrix's row answers, or a ranking's options ordered by the ranks in their cells; undefined
 * when the row left it empty, null for the other encodings.
 */
function structuredAnswer(columns: ColumnSpec[], row: string[]): Answer | undefined | null {
  const cell = (c: ColumnSpec) => (row[c.index] ?? '').trim();
  if (columns.every((c) => c.encoding === 'matrix')) {
    const rows: Record<string, string> = {};
    for (const c of columns) if (cell(c) && cell(c) !== '-99') rows[c.item ?? c.header] = cell(c);
    return Object.keys(rows).length ? rows : undefined;
  }
  if (columns.every((c) => c.encoding === 'rank')) {
    const ranked = columns
      .map((c) => ({ option: c.option ?? c.header, rank: Number(cell(c)) }))
      .filter((r) => Number.isInteger(r.rank) && r.rank > 0)
      .sort((a, b) => a.rank - b.rank);
    return ranked.length ? ranked.map((r) => r.option) : undefined;
  }
  return null;
}

function cellItems(column: ColumnSpec, raw: string): string[] {
  const value = raw.trim();
  if (!value) return [];
  switch (column.encoding ?? 'value') {
    case 'value':
      return [value];
    case 'joined':
      return value
        .split(column.separator ?? ';')
        .map((part) => part.trim())
        .filter(Boolean);
    case 'matrix':
    case 'rank':
      return [value];
    case 'flag':
      if (value === column.unselected) return [];
      if (column.chosen === 'any' || MARKS.has(value.toLowerCase()))
        return [column.option ?? column.header];
      if (UNMARKS.has(value.toLowerCase())) return [];
      return [value];
  }
}

function respondentOf(
  columns: ColumnSpec[],
  row: string[],
): { respondentKey: string; respondentKeyKind: RespondentKeyKind } | undefined {
  const order: [ColumnSpec['role'], RespondentKeyKind][] = [
    ['respondent-email', 'email'],
    ['respondent-token', 'token'],
    ['respondent-id', 'id'],
  ];
  for (const [role, kind] of order) {
    for (const column of columns.filter((c) => c.role === role)) {
      const value = (row[column.index] ?? '').trim();
      if (!value) continue;
      if (kind === 'email' && !looksLikeEmail(value)) continue; // MS Forms writes "anonymous"
      return {
        respondentKey: kind === 'email' ? value.toLowerCase() : value,
        respondentKeyKind: kind,
      };
    }
  }
  return undefined;
}

function describeQuestion(
  key: string,
  columns: ColumnSpec[],
  responses: ImportedResponse[],
): ImportedQuestion {
  const own = columns.filter((c) => c.questionKey === key);
  const text = own[0].questionText ?? own[0].header;
  const values = responses.map((r) => r.answers[key]).filter((v) => v !== undefined);
  const stated = own.find((c) => c.kind)?.kind;
  if (own.every((c) => c.encoding === 'matrix')) {
    const cells = values.flatMap((v) =>
      typeof v === 'object' && !Array.isArray(v) ? Object.values(v) : [],
    );
    return {
      key,
      text,
      kind: 'matrix',
      items: own.map((c) => c.item ?? c.header),
      options: [...new Set(cells)],
    };
  }
  if (own.every((c) => c.encoding === 'rank'))
    return { key, text, kind: 'ranking', options: own.map((c) => c.option ?? c.header) };
  const multi = own.length > 1 || own.some((c) => c.encoding !== 'value');
  const kind: ImportedQuestionKind =
    stated ?? (multi ? 'multiple' : inferKind(values as string[], text));
  const question: ImportedQuestion = { key, text, kind };
  if (kind === 'single' && likertPointsOf(values as string[]))
    return { key, text, kind: 'likert', options: values as string[] };
  if (kind === 'single' || kind === 'multiple') {
    const options: string[] = [];
    for (const column of own)
      if (column.encoding === 'flag' && column.option) options.push(column.option);
    for (const value of values) options.push(...answerValues(value));
    question.options = [...new Set(options)];
  }
  return question;
}

const FREE_TEXT_PROMPT = /anything else|comment|describe|explain|why\b|tell us|feedback|remarks/i;

const RECOMMEND = /recommend|empfehlen|recomendar|recommander/i;

function inferKind(values: string[], text: string): ImportedQuestionKind {
  if (values.length === 0 || FREE_TEXT_PROMPT.test(text)) return 'text';
  if (values.every((v) => /^-?\d{1,2}$/.test(v) && +v >= 0 && +v <= 10))
    return RECOMMEND.test(text) ? 'nps' : 'scale';
  // Numbers beyond a 0–10 scale, or with decimals: a number question ("hours saved").
  if (values.every((v) => /^-?\d+(?:[.,]\d+)?$/.test(v))) return 'number';
  const distinct = new Set(values).size;
  const sentence = values.some((v) => v.length > 60 || v.split(/\s+/).length >= 5);
  if (sentence || (values.length >= 4 && distinct > values.length * 0.8)) return 'text';
  return 'single';
}

/**
 * A joined column is one whose cells split into pieces that other respondents also chose. A
 * free-text answer with a comma rarely shares its pieces with anyone else.
 */
export function looksJoined(values: string[], separator: string, header = ''): boolean {
  // "Anything else?" is answered in sentences, whatever commas they hold.
  if (FREE_TEXT_PROMPT.test(header)) return false;
  const split = values.filter((v) => v.includes(separator.trim() || separator));
  if (split.length === 0) return false;
  const pieces = split.flatMap((v) =>
    v
      .split(separator)
      .map((p) => p.trim())
      .filter(Boolean),
  );
  // Options are short names; a sentence with a comma in it is free text.
  const optionLike = (piece: string) => piece.length <= 40 && piece.split(/\s+/).length <= 4;
  if (pieces.every(optionLike)) return true;
  const counts = new Map<string, number>();
  for (const value of values) {
    for (const piece of value
      .split(separator)
      .map((p) => p.trim())
      .filter(Boolean)) {
      counts.set(piece, (counts.get(piece) ?? 0) + 1);
    }
  }
  return pieces.every((p) => p.length <= 60) && pieces.some((p) => (counts.get(p) ?? 0) > 1);
}

export function columnValues(table: Table, headerRows: number, index: number): string[] {
  return table
    .slice(headerRows)
    .map((row) => (row[index] ?? '').trim())
    .filter(Boolean);
}

export function slugKey(text: string, fallback: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  return slug || fallback;
}
