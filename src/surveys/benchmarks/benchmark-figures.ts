import { wilsonInterval } from '../waves/intervals';
import type { Benchmark } from './benchmarks';

export interface OrganisationFigure {
  /** respondents who answered the compared question */
  n: number;
  share: number;
  low: number;
  high: number;
}

export interface BenchmarkComparison extends Benchmark {
  /** null: the survey has no such question, or too few answered to show (under k) */
  organisation: OrganisationFigure | null;
  /** why there is no figure of ours */
  missing?: 'no-question' | 'below-k';
}

type AnswerValue = string | string[] | Record<string, string> | undefined;

function matches(answer: AnswerValue, compares: Benchmark['compares']): boolean | null {
  if (answer === undefined || answer === '' || (Array.isArray(answer) && !answer.length))
    return null;
  if (compares.atLeast !== undefined) {
    const n = typeof answer === 'string' ? Number(answer) : NaN;
    return Number.isFinite(n) ? n >= compares.atLeast : null;
  }
  const given = typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : [];
  return given.some((v) => (compares.values ?? []).includes(v));
}

/**
 * The organisation's own share beside each published figure, from the survey's answers to the
 * compared question. Withheld, as other results are, when fewer than k answered or when 1..k−1
 * people are on either side of the share.
 */
export function compareWithBenchmarks(input: {
  benchmarks: Benchmark[];
  questionKeys: string[];
  answers: Record<string, AnswerValue>[];
  k: number;
}): BenchmarkComparison[] {
  const keys = new Set(input.questionKeys);
  return input.benchmarks.map((b) => {
    if (!keys.has(b.compares.question)) return { ...b, organisation: null, missing: 'no-question' };
    const read = input.answers
      .map((a) => matches(a[b.compares.question], b.compares))
      .filter((v): v is boolean => v !== null);
    const count = read.filter(Boolean).length;
    const small = (c: number) => c > 0 && c < input.k;
    if (read.length < input.k || small(count) || small(read.length - count))
      return { ...b, organisation: null, missing: 'below-k' };
    const w = wilsonInterval(count, read.length)!;
    const r = (x: number) => Math.round(x * 1000) / 1000;
    return {
      ...b,
      organisation: {
        n: read.length,
        share: r(count / read.length),
        low: r(w.low),
        high: r(w.high),
      },
    };
  });
}
