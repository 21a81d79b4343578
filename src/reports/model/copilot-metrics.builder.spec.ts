import { buildCopilotMetrics } from './copilot-metrics.builder';
import { fixtureInput } from './report-fixture.spec-helper';
import type { ReportCopilotDay } from './report.types';

const day = (d: string, o: Partial<ReportCopilotDay> = {}): ReportCopilotDay => ({
  org: 'acme',
  day: d,
  dailyActiveUsers: 6,
  weeklyActiveUsers: 8,
  monthlyActiveChatUsers: 5,
  monthlyActiveAgentUsers: 2,
  interactions: 10,
  generations: 40,
  acceptances: 10,
  ...o,
});

describe(buildCopilotMetrics.name, () => {
  it('should sum each complete week, take its last 7-day figure, and label the source', () => {
    const sut = buildCopilotMetrics(
      fixtureInput({
        copilotDays: [
          // week of 2026-02-16: three days reported, given out of order
          day('2026-02-18', { dailyActiveUsers: 8, weeklyActiveUsers: 11, generations: 60 }),
          day('2026-02-16', { dailyActiveUsers: 4, weeklyActiveUsers: 9 }),
          day('2026-02-17', { dailyActiveUsers: 6, acceptances: 20 }),
          // week of 2026-02-09: one day
          day('2026-02-09', { generations: 0, acceptances: 0 }),
          // the current week is not complete, and before the four weeks: not shown
          day('2026-02-24'),
          day('2026-01-01'),
        ],
      }),
    );
    expect(sut?.source).toBe('GitHub Copilot metrics report');
    expect(sut?.weeks).toEqual(['2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16']);
    expect(sut?.rows).toEqual([
      {
        org: 'acme',
        week: '2026-02-09',
        daysReported: 1,
        weeklyActiveUsers: 8,
        avgDailyActiveUsers: 6,
        monthlyActiveChatUsers: 5,
        monthlyActiveAgentUsers: null,
        interactions: 10,
        generations: 0,
        acceptances: 0,
        acceptanceRate: null,
      },
      {
        org: 'acme',
        week: '2026-02-16',
        daysReported: 3,
        weeklyActiveUsers: 11,
        avgDailyActiveUsers: 6,
        monthlyActiveChatUsers: 5,
        monthlyActiveAgentUsers: null,
        interactions: 30,
        generations: 140,
        acceptances: 40,
        acceptanceRate: 0.286,
      },
    ]);
  });

  it('should suppress the user figures of a week under k, and be null without a report', () => {
    const sut = buildCopilotMetrics(
      fixtureInput({ copilotDays: [day('2026-02-17', { weeklyActiveUsers: 3 })] }),
    );
    expect(sut?.rows[0]).toMatchObject({ weeklyActiveUsers: null, avgDailyActiveUsers: null });
    expect(buildCopilotMetrics(fixtureInput())).toBeNull();
  });
});
