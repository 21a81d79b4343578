import { completeWeeks } from './adoption.builder';
import { kCount, round3 } from './k-anonymity';
import type { CopilotMetricsSection, CopilotMetricsWeek, ReportInput } from './report.types';

const DAY = 86_400_000;

/**
 * GitHub Copilot's own organisation-level figures per complete week (Monday to Sunday, UTC):
 * weekly active users as the report's 7-day figure on the last day reported in the week, the mean
 * daily active users, and the acceptance rate (accepted over generated code). User counts under
 * k are suppressed as everywhere in the baseline. Null when no such report was read.
 */
export function buildCopilotMetrics(input: ReportInput): CopilotMetricsSection | null {
  const days = input.copilotDays ?? [];
  if (days.length === 0) return null;
  const weeks = completeWeeks(input.generatedAt);
  const starts = weeks.map((w) => Date.parse(`${w}T00:00:00Z`));
  const rows: CopilotMetricsWeek[] = [];
  for (const org of [...new Set(days.map((d) => d.org))].sort()) {
    weeks.forEach((week, i) => {
      const inWeek = days
        .filter((d) => d.org === org)
        .filter((d) => {
          const t = Date.parse(`${d.day}T00:00:00Z`);
          return t >= starts[i] && t < starts[i] + 7 * DAY;
        })
        .sort((a, b) => a.day.localeCompare(b.day));
      const last = inWeek.at(-1);
      if (!last) return;
      const sum = (f: (d: (typeof inWeek)[number]) => number) =>
        inWeek.reduce((n, d) => n + f(d), 0);
      const generations = sum((d) => d.generations);
      const acceptances = sum((d) => d.acceptances);
      const avgDaily = sum((d) => d.dailyActiveUsers) / inWeek.length;
      rows.push({
        org,
        week,
        daysReported: inWeek.length,
        weeklyActiveUsers: kCount(last.weeklyActiveUsers, input.k),
        avgDailyActiveUsers:
          last.weeklyActiveUsers > 0 && last.weeklyActiveUsers < input.k
            ? null
            : Math.round(avgDaily * 10) / 10,
        monthlyActiveChatUsers: kCount(last.monthlyActiveChatUsers, input.k),
        monthlyActiveAgentUsers: kCount(last.monthlyActiveAgentUsers, input.k),
        interactions: sum((d) => d.interactions),
        generations,
        acceptances,
        acceptanceRate: generations > 0 ? round3(acceptances / generations) : null,
      });
    });
  }
  return rows.length > 0 ? { source: 'GitHub Copilot metrics report', weeks, rows } : null;
}
