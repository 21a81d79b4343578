import type { QuestionDefinition } from '../survey.types';
import {
  meanChangeInterval,
  meanInterval,
  proportionChangeInterval,
  sampleOf,
  wilsonInterval,
  type Interval,
} from './intervals';

/** One answer as stored: text or choice, several choices or a ranking, or a matrix's item → column. */
type AnswerValue = string | string[] | Record<string, string>;

export interface WaveResponse {
  answers: Record<string, AnswerValue | undefined>;
  /** team path; null when unknown or anonymous (counted in the whole organisation only) */
  team: string | null;
}

/** A share (0..1) or a mean, with its 95% interval (Wilson for shares, t for means). */
export interface WaveFigure {
  n: number;
  value: number;
  low: number | null;
  high: number | null;
}

export interface WaveChangeCell {
  /** "(all)" for the whole organisation, else the team path */
  team: string;
  before: WaveFigure | null;
  after: WaveFigure | null;
  /** after − before with its 95% interval (Newcombe for shares, Welch for means) */
  change: { value: number; low: number | null; high: number | null } | null;
  /** the figures are withheld: fewer than k answered the question, or (a share) chose it */
  suppressed: boolean;
}

export interface WaveChangeMeasure {
  /** option value (share of those answering who chose it) or matrix item (mean); null: the mean */
  part: string | null;
  label: string;
  measure: 'share' | 'mean' | 'mean-rank';
  cells: WaveChangeCell[];
}

export interface WaveChangeQuestion {
  key: string;
  text: string;
  kind: string;
  measures: WaveChangeMeasure[];
}

export interface WaveChange {
  k: number;
  /** teams compared: at least k respondents in both waves */
  teams: string[];
  /** teams left out because one wave had fewer than k of their people answering */
  suppressedTeams: string[];
  /** why no team can be compared at all (no answer carries a team); null when teams are known */
  teamsUnavailable: string | null;
  questions: WaveChangeQuestion[];
}

export const ALL_TEAMS = '(all)';
const NUMERIC_KINDS = new Set(['scale', 'likert', 'nps', 'number']);
const CHOICE_KINDS = new Set(['single', 'multiple', 'tool-picker']);

const round = (x: number | null, digits = 4) =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

function choicesOf(answer: AnswerValue | undefined): string[] | null {
  if (answer === undefined || answer === '') return null;
  if (typeof answer === 'string') return [answer];
  if (Array.isArray(answer)) return answer.length ? answer : null;
  return null;
}

function numberOf(answer: AnswerValue | undefined): number | null {
  if (typeof answer !== 'string' || answer.trim() === '') return null;
  const n = Number(answer);
  return Number.isFinite(n) ? n : null;
}

/** How one question is summarised: a share per option, or a mean (per matrix item, per ranked option). */
function measuresOf(q: QuestionDefinition): {
  part: string | null;
  label: string;
  measure: WaveChangeMeasure['measure'];
  /** share: did the answer choose it (null: not answered); mean: the number (null: not answered) */
  read: (a: AnswerValue | undefined) => boolean | number | null;
}[] {
  const kind = q.kind as string;
  if (CHOICE_KINDS.has(kind))
    return (q.options ?? []).map((o) => ({
      part: o.value,
      label: o.label,
      measure: 'share' as const,
      read: (a) => {
        const chosen = choicesOf(a);
        return chosen === null ? null : chosen.includes(o.value);
      },
    }));
  if (NUMERIC_KINDS.has(kind))
    return [{ part: null, label: 'mean', measure: 'mean', read: (a) => numberOf(a) }];
  const extra = q as QuestionDefinition & { items?: { value: string; label: string }[] };
  if (kind === 'matrix')
    return (extra.items ?? []).map((item) => ({
      part: item.value,
      label: item.label,
      measure: 'mean' as const,
      read: (a) =>
        a && typeof a === 'object' && !Array.isArray(a) ? numberOf(a[item.value]) : null,
    }));
  if (kind === 'ranking')
    return (q.options ?? []).map((o) => ({
      part: o.value,
      label: o.label,
      measure: 'mean-rank' as const,
      read: (a) => {
        if (!Array.isArray(a)) return null;
        const at = a.indexOf(o.value);
        return at < 0 ? null : at + 1;
      },
    }));
  return []; // free text has no figure to compare
}

function figure(values: (boolean | number)[], measure: WaveChangeMeasure['measure']): WaveFigure {
  if (measure === 'share') {
    const count = values.filter((v) => v === true).length;
    const w = wilsonInterval(count, values.length);
    return {
      n: values.length,
      value: round(count / values.length) as number,
      low: round(w?.low ?? null),
      high: round(w?.high ?? null),
    };
  }
  const s = sampleOf(values as number[]);
  const m = meanInterval(s);
  return {
    n: s.n,
    value: round(s.mean) as number,
    low: round(m?.low ?? null),
    high: round(m?.high ?? null),
  };
}

function change(
  before: (boolean | number)[],
  after: (boolean | number)[],
  measure: WaveChangeMeasure['measure'],
): WaveChangeCell['change'] {
  let value: number;
  let interval: Interval | null;
  if (measure === 'share') {
    const b = { count: before.filter((v) => v === true).length, n: before.length };
    const a = { count: after.filter((v) => v === true).length, n: after.length };
    value = a.count / a.n - b.count / b.n;
    interval = proportionChangeInterval(b, a);
  } else {
    const b = sampleOf(before as number[]);
    const a = sampleOf(after as number[]);
    value = a.mean - b.mean;
    interval = meanChangeInterval(b, a);
  }
  return {
    value: round(value) as number,
    low: round(interval?.low ?? null),
    high: round(interval?.high ?? null),
  };
}

/**
 * Each question's change between two waves of the same survey, for the whole organisation and
 * for every team with at least k respondents in both waves. Within a shown group, a figure is
 * withheld when fewer than k answered the question, or (a share) when 1..k−1 chose the option in
 * either wave, as the results API withholds such counts.
 */
export function computeWaveChange(input: {
  questions: QuestionDefinition[];
  k: number;
  before: WaveResponse[];
  after: WaveResponse[];
}): WaveChange {
  const { questions, k, before, after } = input;
  const teamSizes = (rs: WaveResponse[]) => {
    const m = new Map<string, number>();
    for (const r of rs) if (r.team) m.set(r.team, (m.get(r.team) ?? 0) + 1);
    return m;
  };
  const sizeBefore = teamSizes(before);
  const sizeAfter = teamSizes(after);
  const allTeams = [...new Set([...sizeBefore.keys(), ...sizeAfter.keys()])].sort();
  const teams = allTeams.filter(
    (t) => (sizeBefore.get(t) ?? 0) >= k && (sizeAfter.get(t) ?? 0) >= k,
  );
  const suppressedTeams = allTeams.filter((t) => !teams.includes(t));
  const groups: { team: string; before: WaveResponse[]; after: WaveResponse[] }[] = [
    { team: ALL_TEAMS, before, after },
    ...teams.map((team) => ({
      team,
      before: before.filter((r) => r.team === team),
      after: after.filter((r) => r.team === team),
    })),
  ];

  const result: WaveChangeQuestion[] = [];
  for (const q of questions) {
    const measures = measuresOf(q).map((m) => {
      const cells = groups.map((g): WaveChangeCell => {
        const read = (rs: WaveResponse[]) =>
          rs.map((r) => m.read(r.answers[q.key])).filter((v): v is boolean | number => v !== null);
        const b = read(g.before);
        const a = read(g.after);
        const chose = (vs: (boolean | number)[]) => vs.filter((v) => v === true).length;
        const small =
          b.length < k ||
          a.length < k ||
          (m.measure === 'share' && [chose(b), chose(a)].some((c) => c > 0 && c < k));
        if (small)
          return { team: g.team, before: null, after: null, change: null, suppressed: true };
        return {
          team: g.team,
          before: figure(b, m.measure),
          after: figure(a, m.measure),
          change: change(b, a, m.measure),
          suppressed: false,
        };
      });
      return { part: m.part, label: m.label, measure: m.measure, cells };
    });
    if (measures.length) result.push({ key: q.key, text: q.text, kind: q.kind, measures });
  }
  return { k, teams, suppressedTeams, teamsUnavailable: null, questions: result };
}
