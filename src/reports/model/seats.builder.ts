import type { ReportInput, SeatToolRow } from './report.types';
import { isObserved } from './report-helpers';

/** A person with at least this many evidence rows for a tool uses it heavily. */
const HEAVY_EVIDENCE = 5;

/**
 * Seats the organisation pays for against the use the evidence shows: per tool, how many seats
 * sit idle (no use recorded by the vendor or seen anywhere else within `idleDays`), what they
 * cost a month, by team, and how many heavy users of a sanctioned or tolerated tool hold none.
 */
export function buildSeatSection(
  input: ReportInput,
  idleDays: number,
  prices: Readonly<Record<string, number>>,
): SeatToolRow[] {
  const seats = input.seats ?? [];
  if (seats.length === 0) return [];
  const cutoff = new Date(input.generatedAt.getTime() - idleDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const lastUse = new Map<string, string>();
  for (const f of input.findings) {
    if (f.subjectType !== 'person' || !isObserved(f) || f.triageState === 'false-positive')
      continue;
    const key = `${f.subjectId}|${f.toolId}`;
    const day = f.lastSeen.slice(0, 10);
    if ((lastUse.get(key) ?? '') < day) lastUse.set(key, day);
  }
  const tools = new Map(input.tools.map((t) => [t.id, t]));
  const rows: SeatToolRow[] = [];
  for (const toolId of [...new Set(seats.map((s) => s.toolId))].sort()) {
    const mine = seats.filter((s) => s.toolId === toolId);
    const isIdle = (s: (typeof mine)[number]) => {
      const seen = s.personId ? lastUse.get(`${s.personId}|${toolId}`) : undefined;
      const last = [s.lastActiveDay ?? '', seen ?? ''].sort().at(-1) ?? '';
      return last < cutoff;
    };
    const byTeam = new Map<string, { seats: number; idle: number }>();
    for (const s of mine) {
      const team = s.team ?? 'Not in the directory';
      const row = byTeam.get(team) ?? { seats: 0, idle: 0 };
      row.seats++;
      if (isIdle(s)) row.idle++;
      byTeam.set(team, row);
    }
    const idle = mine.filter(isIdle).length;
    const holders = new Set(mine.flatMap((s) => (s.personId ? [s.personId] : [])));
    const policy = tools.get(toolId)?.policyStatus;
    const withoutSeat =
      policy === 'sanctioned' || policy === 'tolerated'
        ? new Set(
            input.findings
              .filter(
                (f) =>
                  f.toolId === toolId &&
                  f.subjectType === 'person' &&
                  f.strength === 'claim' &&
                  isObserved(f) &&
                  f.evidenceCount >= HEAVY_EVIDENCE &&
                  !holders.has(f.subjectId),
              )
              .map((f) => f.subjectId),
          ).size
        : 0;
    const price = prices[toolId];
    rows.push({
      toolId,
      name: tools.get(toolId)?.name ?? toolId,
      seats: mine.length,
      idle,
      idleDays,
      monthlyPrice: price ?? null,
      idleMonthlyCost: price === undefined ? null : Math.round(price * idle * 100) / 100,
      byTeam: [...byTeam]
        .map(([team, v]) => ({ team, ...v }))
        .sort((a, b) => b.idle - a.idle || a.team.localeCompare(b.team)),
      heavyUsersWithoutSeat: withoutSeat,
    });
  }
  return rows;
}
