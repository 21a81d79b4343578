import { suppressCounts } from '../privacy/k-anonymity';
import { matrixColumns, scaleOf, scalePoints } from '../question-scale';
import type { Answer, Answers, QuestionDefinition, QuestionKind } from '../survey.types';

export interface Distribution {
  /** respondents per answer; null where fewer than k (and its complement) */
  counts: Record<string, number | null>;
  /** mean point, only when no count is suppressed: two hidden counts follow from a mean */
  mean: number | null;
}

export interface QuestionResult {
  key: string;
  text: string;
  kind: QuestionKind;
  /** respondents who answered; null (and nothing else shown) when fewer than k */
  answered: number | null;
  suppressed: boolean;
  distribution?: Distribution;
  nps?: {
    detractors: number | null;
    passives: number | null;
    promoters: number | null;
    /** % promoters − % detractors, only when no group is suppressed */
    score: number | null;
  };
  items?: ({ item: string; label: string; answered: number | null } & Distribution)[];
  number?: { unit: string; q1: number; median: number; q3: number; mean: number };
  ranking?: { option: string; label: string; meanRank: number }[];
}

const SUMMARISED: QuestionKind[] = [
  'single',
  'multiple',
  'scale',
  'likert',
  'nps',
  'matrix',
  'number',
  'ranking',
];
const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * Each question's distribution for the results API, suppressed as the other breakdowns: a
 * question fewer than k people answered shows nothing, and every count under k is hidden.
 * Tool pickers and free text are read through their roles instead (tool use, wishes).
 */
export function computeQuestionResults(
  questions: QuestionDefinition[],
  responses: { answers: Answers }[],
  k: number,
): QuestionResult[] {
  return questions
    .filter((q) => SUMMARISED.includes(q.kind))
    .map((q) => {
      const answers = responses
        .map((r) => r.answers[q.key])
        .filter((a): a is Answer => a !== undefined && a !== '');
      const base = { key: q.key, text: q.text, kind: q.kind };
      if (answers.length < k) return { ...base, answered: null, suppressed: true };
      return { ...base, answered: answers.length, suppressed: false, ...summarise(q, answers, k) };
    });
}

function summarise(q: QuestionDefinition, answers: Answer[], k: number): Partial<QuestionResult> {
  const strings = answers.filter((a): a is string => typeof a === 'string');
  switch (q.kind) {
    case 'single':
      return {
        distribution: distribution(
          (q.options ?? []).map((o) => o.value),
          strings,
          k,
          true,
        ),
      };
    case 'multiple': {
      const chosen = answers.flatMap((a) => (Array.isArray(a) ? a : []));
      const counts = countOf(
        (q.options ?? []).map((o) => o.value),
        chosen,
      );
      return { distribution: { counts: suppressCounts(counts, k, false), mean: null } };
    }
    case 'scale':
    case 'likert':
      return {
        distribution: distribution(
          scalePoints(scaleOf(q)).map((p) => p.value),
          strings,
          k,
          true,
        ),
      };
    case 'nps':
      return { nps: npsOf(strings, k) };
    case 'matrix':
      return { items: matrixOf(q, answers, k) };
    case 'number': {
      const values = strings.map(Number).filter(Number.isFinite);
      return { number: { unit: q.number?.unit ?? '', ...quartiles(values) } };
    }
    case 'ranking':
      return { ranking: rankingOf(q, answers) };
    case 'text':
    case 'tool-picker':
      return {};
  }
}

function countOf(values: string[], answers: string[]): Record<string, number> {
  const counts = Object.fromEntries(values.map((v) => [v, 0]));
  for (const a of answers) if (a in counts) counts[a]++;
  return counts;
}

function distribution(
  values: string[],
  answers: string[],
  k: number,
  numeric: boolean,
): Distribution {
  const raw = countOf(values, answers);
  const counts = suppressCounts(raw, k, true);
  const hidden = Object.values(counts).some((c) => c === null);
  const mean =
    numeric && !hidden && answers.length
      ? round(answers.reduce((s, a) => s + Number(a), 0) / answers.length)
      : null;
  return { counts, mean: Number.isFinite(mean) ? mean : null };
}

function npsOf(answers: string[], k: number): QuestionResult['nps'] {
  const raw = { detractors: 0, passives: 0, promoters: 0 };
  for (const a of answers) {
    const n = Number(a);
    if (n <= 6) raw.detractors++;
    else if (n <= 8) raw.passives++;
    else raw.promoters++;
  }
  const counts = suppressCounts(raw, k, true);
  const hidden = Object.values(counts).some((c) => c === null);
  return {
    detractors: counts.detractors,
    passives: counts.passives,
    promoters: counts.promoters,
    score: hidden ? null : Math.round(((raw.promoters - raw.detractors) / answers.length) * 100),
  };
}

function matrixOf(q: QuestionDefinition, answers: Answer[], k: number): QuestionResult['items'] {
  const columns = matrixColumns(q).map((c) => c.value);
  const rows = answers.filter(
    (a): a is Record<string, string> => typeof a === 'object' && !Array.isArray(a),
  );
  return (q.items ?? []).map((item) => {
    const values = rows.map((r) => r[item.value]).filter((v): v is string => !!v);
    if (values.length < k)
      return { item: item.value, label: item.label, answered: null, counts: {}, mean: null };
    return {
      item: item.value,
      label: item.label,
      answered: values.length,
      ...distribution(columns, values, k, !!q.scale),
    };
  });
}

/** Quartiles by linear interpolation between closest ranks (as spreadsheets' QUARTILE.INC). */
export function quartiles(values: number[]): {
  q1: number;
  median: number;
  q3: number;
  mean: number;
} {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * ((sorted[Math.ceil(h)] ?? sorted[lo]) - sorted[lo]);
  };
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return { q1: round(at(0.25)), median: round(at(0.5)), q3: round(at(0.75)), mean: round(mean) };
}

function rankingOf(q: QuestionDefinition, answers: Answer[]): QuestionResult['ranking'] {
  const rankings = answers.filter((a): a is string[] => Array.isArray(a));
  return (q.options ?? [])
    .map((o) => {
      const ranks = rankings.map((r) => r.indexOf(o.value) + 1).filter((r) => r > 0);
      return {
        option: o.value,
        label: o.label,
        meanRank: ranks.length ? round(ranks.reduce((s, r) => s + r, 0) / ranks.length) : 0,
      };
    })
    .sort((a, b) => a.meanRank - b.meanRank);
}
