import { isNpsCell, isNumberCell, mostly, unitOf } from './column-groups';
import type {
  ColumnSpec,
  ImportedQuestion,
  ImportedQuestionKind,
  ImportedResponse,
} from './import.types';
import { inScaleOrder, likertPoint, likertPointsOf } from './likert-labels';
import { answerValues } from '../survey.types';

// What kind of question a set of columns is, from the plan's encodings and the answers given.

export function describeQuestion(
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
    return { key, text, kind: 'matrix', items, options: inScaleOrder(seen) };
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

export const FREE_TEXT_PROMPT =
  /anything else|comment|describe|explain|why\b|tell us|feedback|remarks/i;

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

/** A matrix answered in agreement labels: its cells become Likert points on a labelled scale. */
export function likertMatrix(q: ImportedQuestion, responses: ImportedResponse[]): void {
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
