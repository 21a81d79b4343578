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
import { lineOf, type Table } from './table.util';
import { isNpsCell, isNumberCell, mostly, unitOf } from './column-groups';
import { structuredAnswer } from './structured-answers';
import { likertPoint, likertPointsOf } from './likert-labels';
import { answerValues, type Answers } from '../survey.types';

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
export function buildSurvey(
  plan: ColumnPlan,
  table: Table,
  fileName = 'survey export',
): ImportedSurvey {
  const warnings: string[] = [];
  const questionColumns = plan.columns.filter((c) => c.role === 'question' && c.questionKey);
  const keys = [...new Set(questionColumns.map((c) => c.questionKey as string))];
  const responses: ImportedResponse[] = [];
  const lines: number[] = [];
  const dataRows = table.slice(plan.headerRows);

  dataRows.forEach((row, offset) => {
    const rowNumber = plan.headerRows + offset + 1;
    const line = lineOf(table, plan.headerRows + offset);
    if (row.every((cell) => !cell || !cell.trim())) return;
    const answers: Answers = {};
    const report = (column: ColumnSpec, problem: string) =>
      warnings.push(cellWarning(fileName, line, column, problem));
    for (const key of keys) {
      const columns = questionColumns.filter((c) => c.questionKey === key);
      const structured = structuredAnswer(columns, row, report);
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
    lines.push(line);
  });

  const questions = keys.map((key) => describeQuestion(key, questionColumns, responses));
  // Agreement labels become Likert points (1 = strongly disagree), in a matrix too.
  for (const q of questions) likertMatrix(q, responses);
  for (const q of questions) {
    if (q.kind !== 'likert') continue;
    const points = likertPointsOf(q.options ?? []) ?? 5;
    for (const r of responses) {
      const v = r.answers[q.key];
      if (typeof v === 'string') r.answers[q.key] = likertPoint(v, points);
    }
    q.options = [String(points)];
  }
  // NPS and number cells that do not read as such are reported and left out of the answers.
  for (const q of questions) {
    const column = questionColumns.find((c) => c.questionKey === q.key);
    if (!column || (q.kind !== 'nps' && q.kind !== 'number')) continue;
    responses.forEach((r, i) => {
      const v = r.answers[q.key];
      if (typeof v !== 'string') return;
      const fits = q.kind === 'nps' ? isNpsCell(v) : isNumberCell(v);
      if (fits) {
        r.answers[q.key] = q.kind === 'number' ? v.replace(',', '.') : String(Number(v));
        return;
      }
      delete r.answers[q.key];
      const expected = q.kind === 'nps' ? 'a whole number from 0 to 10' : 'a number';
      warnings.push(cellWarning(fileName, lines[i], column, `"${v}" is not ${expected}`));
    });
  }
  return {
    format: plan.format,
    questions,
    responses,
    warnings: [...(plan.warnings ?? []), ...warnings],
  };
}

function likertMatrix(q: ImportedQuestion, responses: ImportedResponse[]): void {
  const points = q.kind === 'matrix' ? likertPointsOf(q.options ?? []) : null;
  if (!points) return;
  for (const r of responses) {
    const rows = r.answers[q.key];
    if (typeof rows !== 'object' || Array.isArray(rows)) continue;
    for (const item of Object.keys(rows)) rows[item] = likertPoint(rows[item], points);
  }
  q.options = Array.from({ length: points }, (_, i) => String(i + 1));
  q.scale = { min: 1, max: points, minLabel: 'Strongly disagree', maxLabel: 'Strongly agree' };
}

function cellWarning(fileName: string, line: number, column: ColumnSpec, problem: string): string {
  return `${fileName}: line ${line}, column ${column.index + 1} ("${column.header}"): ${problem}; the rest of the row is kept`;
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
    case 'position':
    case 'pairs':
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
  const seen = [...new Set(values.flatMap((v) => answerValues(v)))];
  if (own.every((c) => c.encoding === 'matrix') || own[0].encoding === 'pairs') {
    const items =
      own[0].encoding === 'pairs'
        ? [
            ...new Set(
              values.flatMap((v) =>
                typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [],
              ),
            ),
          ]
        : own.map((c) => c.item ?? c.header);
    return { key, text, kind: 'matrix', items, options: seen };
  }
  if (own.every((c) => c.encoding === 'rank'))
    return { key, text, kind: 'ranking', options: own.map((c) => c.option ?? c.header) };
  if (own.every((c) => c.encoding === 'position') || stated === 'ranking')
    return { key, text, kind: 'ranking', options: seen };
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
  const unit = own.find((c) => c.unit)?.unit ?? unitOf(text);
  if (kind === 'number' && unit) question.unit = unit;
  if (kind === 'scale') question.scale = scaleOf(values as string[]);
  return question;
}

/** The points an unlabelled numeric scale offers, from the answers given (1–5, 1–7, 0–10). */
function scaleOf(values: string[]): { min: number; max: number } {
  const numbers = values.map(Number).filter(Number.isFinite);
  const top = Math.max(0, ...numbers);
  return { min: Math.min(1, ...numbers), max: top <= 5 ? 5 : top <= 7 ? 7 : 10 };
}

const FREE_TEXT_PROMPT = /anything else|comment|describe|explain|why\b|tell us|feedback|remarks/i;

const RECOMMEND = /recommend|empfehlen|recomendar|recommander/i;

function inferKind(values: string[], text: string): ImportedQuestionKind {
  if (values.length === 0 || FREE_TEXT_PROMPT.test(text)) return 'text';
  // "How likely are you to recommend…" on 0–10 is NPS; a stray "11" is reported, not a new kind.
  if (RECOMMEND.test(text) && mostly(values, isNpsCell)) return 'nps';
  if (values.every((v) => /^-?\d{1,2}$/.test(v) && +v >= 0 && +v <= 10)) return 'scale';
  // Numbers beyond a 0–10 scale, or with decimals: a number question ("hours saved"); a heading
  // naming a unit keeps it one when a cell says "about 3".
  if (values.every(isNumberCell) || (unitOf(text) && mostly(values, isNumberCell))) return 'number';
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

export function uniqueKey(base: string, used: Set<string>): string {
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
  used.add(key);
  return key;
}

/** A column that is one question by itself, keyed by its heading; `separator` when it joins options. */
export function headingColumn(
  index: number,
  text: string,
  used: Set<string>,
  separator?: string,
): ColumnSpec {
  return {
    index,
    header: text,
    role: 'question',
    questionKey: uniqueKey(slugKey(text, `q${index}`), used),
    questionText: text,
    encoding: separator ? 'joined' : 'value',
    separator,
  };
}
