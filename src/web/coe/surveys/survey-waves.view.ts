import type { BenchmarkComparison } from '../../../surveys/benchmarks/benchmark-figures';
import type { WaveChange, WaveFigure } from '../../../surveys/waves/wave-change';
import { ALL_TEAMS } from '../../../surveys/waves/wave-change';

export interface WaveChangeRowView {
  label: string;
  team: string;
  before: string;
  after: string;
  change: string;
  /** the interval excludes no change: a real movement at 95% */
  clear: boolean;
  suppressed: boolean;
}

export interface WaveChangeView {
  questions: { key: string; text: string; measure: string; rows: WaveChangeRowView[] }[];
  suppressedTeams: string;
  /** why there is no row per team at all, rather than a table of "Everyone" alone */
  teamsUnavailable: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const pts = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(Math.round(x * 100))}`;
const num = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${num(Math.abs(x))}`;

function figureText(f: WaveFigure | null, share: boolean): string {
  if (!f) return '';
  const value = share ? pct(f.value) : num(f.value);
  if (f.low === null || f.high === null) return `${value} (n = ${f.n})`;
  const interval = share ? `${pct(f.low)}–${pct(f.high)}` : `${num(f.low)}–${num(f.high)}`;
  return `${value} (${interval}, n = ${f.n})`;
}

/**
 * The wave comparison as the results page shows it: each figure with its 95% interval, and the
 * change with its own. A change whose interval includes zero is shown plainly, not as a trend.
 */
export function waveChangeView(change: WaveChange): WaveChangeView {
  const hidden = `fewer than ${change.k}`;
  return {
    suppressedTeams: change.suppressedTeams.join(', '),
    teamsUnavailable: change.teamsUnavailable ?? '',
    questions: change.questions.map((q) => {
      const share = q.measures[0]?.measure === 'share';
      return {
        key: q.key,
        text: q.text,
        measure: share
          ? 'share of those answering who chose it; change in percentage points'
          : q.measures[0]?.measure === 'mean-rank'
            ? 'mean rank (1 = first)'
            : 'mean',
        rows: q.measures.flatMap((m) =>
          m.cells.map((c) => {
            const ch = c.change;
            const changeText = !ch
              ? hidden
              : ch.low === null || ch.high === null
                ? share
                  ? pts(ch.value)
                  : signed(ch.value)
                : share
                  ? `${pts(ch.value)} pts (${pts(ch.low)} to ${pts(ch.high)})`
                  : `${signed(ch.value)} (${signed(ch.low)} to ${signed(ch.high)})`;
            return {
              label: m.part === null ? q.text : m.label,
              team: c.team === ALL_TEAMS ? 'Everyone' : c.team,
              before: c.suppressed ? hidden : figureText(c.before, share),
              after: c.suppressed ? hidden : figureText(c.after, share),
              change: changeText,
              clear: !!ch && ch.low !== null && ch.high !== null && (ch.low > 0 || ch.high < 0),
              suppressed: c.suppressed,
            };
          }),
        ),
      };
    }),
  };
}

export interface BenchmarkRowView {
  label: string;
  published: string;
  ours: string;
  theirQuestion: string;
  publisher: string;
  source: string;
  /** the source's address (not `url`: that is a console helper's name) */
  href: string;
  year: number;
}

/** Published figures beside ours; a figure with no matching question of ours is not listed. */
export function benchmarksView(list: BenchmarkComparison[], k: number): BenchmarkRowView[] {
  return list
    .filter((b) => b.missing !== 'no-question')
    .map((b) => ({
      label: b.label,
      published: pct(b.figure),
      ours: b.organisation
        ? `${pct(b.organisation.share)} (${pct(b.organisation.low)}–${pct(b.organisation.high)}, n = ${b.organisation.n})`
        : `fewer than ${k} answers`,
      theirQuestion: b.theirQuestion,
      publisher: b.publisher,
      source: b.source,
      href: b.url,
      year: b.year,
    }));
}
