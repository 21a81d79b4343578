import { SurveyImportError } from './import-error';
import type {
  ColumnMapping,
  ColumnPlan,
  ColumnSpec,
  ImportedResponse,
  ImportedSurvey,
  RespondentKeyKind,
} from './import.types';
import { parseSurveyTime } from './date.util';
import { lineOf, type Table } from './table.util';
import { isNpsCell, isNumberCell } from './column-groups';
import { FREE_TEXT_PROMPT, describeQuestion, likertMatrix } from './question-description';
import { structuredAnswer } from './structured-answers';
import { likertPoint, likertPointsOf } from './likert-labels';
import type { Answers } from '../survey.types';

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
  const cells: { line: number; column: number; text: string }[] = [];
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
      cells.push({
        line,
        column: column.index,
        text: cellWarning(fileName, line, column, problem),
      });
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
      cells.push({
        line: lines[i],
        column: column.index,
        text: cellWarning(fileName, lines[i], column, `"${v}" is not ${expected}`),
      });
    });
  }
  return {
    format: plan.format,
    questions,
    responses,
    // cells in file order, as the CoE will look them up
    warnings: [
      ...(plan.warnings ?? []),
      ...warnings,
      ...cells.sort((a, b) => a.line - b.line || a.column - b.column).map((c) => c.text),
    ],
  };
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
