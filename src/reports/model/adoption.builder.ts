import { kCount } from './k-anonymity';
import type { AdoptionRow, BaselineAdoption, ReportFinding, ReportInput } from './report.types';

/** complete weeks shown: a month of weekly active users */
export const ADOPTION_WEEKS = 4;
const DAY = 86_400_000;

/** The Mondays (UTC) of the last `n` complete weeks before `now`, oldest first. */
export function completeWeeks(now: Date, n = ADOPTION_WEEKS): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const thisMonday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
  return Array.from({ length: n }, (_, i) =>
    new Date(thisMonday - (n - i) * 7 * DAY).toISOString().slice(0, 10),
  );
}

/**
 * Adoption from the inside: weekly active users per tool by the vendors' own records, beside
 * what the survey and the network logs say of the same tool. Each figure keeps its source; a
 * group under k is suppressed as everywhere in the baseline. Null when no vendor recorded use.
 */
export function buildAdoption(
  input: ReportInput,
  active: ReportFinding[],
  toolName: (id: string) => string,
): BaselineAdoption | null {
  const usage = input.vendorUsage ?? [];
  if (usage.length === 0) return null;
  const k = input.k;
  const weeks = completeWeeks(input.generatedAt);
  const end = Date.parse(`${weeks.at(-1)}T00:00:00Z`) + 7 * DAY;
  const weekOf = (day: string): number => {
    const t = Date.parse(`${day}T00:00:00Z`);
    if (t >= end) return -1;
    return weeks.findLastIndex((w) => Date.parse(`${w}T00:00:00Z`) <= t);
  };
  const users = new Map<string, Set<string>[]>();
  for (const u of usage) {
    const w = weekOf(u.day);
    if (w < 0) continue;
    const perWeek = users.get(u.toolId) ?? weeks.map(() => new Set<string>());
    perWeek[w].add(u.user);
    users.set(u.toolId, perWeek);
  }
  const rows: AdoptionRow[] = [...users.entries()].map(([toolId, perWeek]) => {
    const said = new Set(
      input.survey.selfReported.filter((s) => s.toolId === toolId).map((s) => s.personId),
    );
    const seen = new Set(
      active
        .filter(
          (f) => f.toolId === toolId && f.subjectType === 'person' && f.signals.includes('network'),
        )
        .map((f) => f.subjectId),
    );
    return {
      toolId,
      name: toolName(toolId),
      survey: kCount(said.size, k),
      network: kCount(seen.size, k),
      vendor: perWeek.map((s, i) => ({ week: weeks[i], activeUsers: kCount(s.size, k) })),
    };
  });
  rows.sort(
    (a, b) =>
      (b.vendor.at(-1)?.activeUsers ?? 0) - (a.vendor.at(-1)?.activeUsers ?? 0) ||
      a.toolId.localeCompare(b.toolId),
  );
  return { weeks, rows };
}
