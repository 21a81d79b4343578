import type { WaveSummary } from '../../surveys/waves/survey-waves.service';
import { ALL_TEAMS } from '../../surveys/waves/wave-change';

/** The latest survey wave against the one before, organisation-wide, for the baseline. */
export interface BaselinePulse {
  title: string;
  wave: number;
  previousWave: number;
  rows: {
    question: string;
    answer: string;
    measure: 'share' | 'mean' | 'mean-rank';
    before: number | null;
    after: number | null;
    change: number | null;
    low: number | null;
    high: number | null;
  }[];
  /** teams compared on the results page (k in both waves); the report shows the whole organisation */
  teamsCompared: number;
  benchmarks: {
    label: string;
    figure: number;
    ours: number | null;
    publisher: string;
    source: string;
    year: number;
    url: string;
    theirQuestion: string;
  }[];
}

/** Every organisation-wide figure the wave comparison shows; withheld ones stay withheld. */
export function buildPulse(summary: WaveSummary | null | undefined): BaselinePulse | null {
  if (!summary) return null;
  return {
    title: summary.title,
    wave: summary.wave,
    previousWave: summary.previous.wave,
    teamsCompared: summary.change.teams.length,
    rows: summary.change.questions.flatMap((q) =>
      q.measures.map((m) => {
        const all = m.cells.find((c) => c.team === ALL_TEAMS);
        return {
          question: q.text,
          answer: m.part === null ? '' : m.label,
          measure: m.measure,
          before: all?.before?.value ?? null,
          after: all?.after?.value ?? null,
          change: all?.change?.value ?? null,
          low: all?.change?.low ?? null,
          high: all?.change?.high ?? null,
        };
      }),
    ),
    benchmarks: summary.benchmarks
      .filter((b) => b.missing !== 'no-question')
      .map((b) => ({
        label: b.label,
        figure: b.figure,
        ours: b.organisation?.share ?? null,
        publisher: b.publisher,
        source: b.source,
        year: b.year,
        url: b.url,
        theirQuestion: b.theirQuestion,
      })),
  };
}
