import type { ReportFinding, ReportInput, InventoryModel, InventoryToolRow } from './report.types';
import { isObserved, tierRank } from './report-helpers';

const TREND_WEEKS = 8;

/** The CoE's inventory: per tool, who and where, since when, growing or not, allowed or not. */
export function buildInventory(
  input: ReportInput,
  previous?: InventoryModel | null,
): InventoryModel {
  const active = input.findings.filter((f) => f.triageState !== 'false-positive');
  const toolIds = [...new Set(active.map((f) => f.toolId))];
  const toolsById = new Map(input.tools.map((t) => [t.id, t]));
  const before = new Map((previous?.tools ?? []).map((t) => [t.toolId, t.people]));
  const weeks = trendWeeks(input.generatedAt);

  const tools: InventoryToolRow[] = toolIds.map((id) => {
    const tool = toolsById.get(id);
    const mine = active.filter((f) => f.toolId === id);
    const persons = mine.filter((f) => f.subjectType === 'person' && isObserved(f));
    const firstSeenByPerson = new Map<string, string>();
    for (const f of persons) {
      const cur = firstSeenByPerson.get(f.subjectId);
      if (!cur || f.firstSeen < cur) firstSeenByPerson.set(f.subjectId, f.firstSeen);
    }
    const seen = mine.flatMap((f) => (isObserved(f) ? [f.firstSeen] : []));
    const last = mine.flatMap((f) => (isObserved(f) ? [f.lastSeen] : []));
    const top = [...mine].sort(
      (a, b) => b.score - a.score || tierRank(a.tier) - tierRank(b.tier),
    )[0];
    return {
      toolId: id,
      name: tool?.name ?? id,
      vendor: tool?.vendor ?? 'unknown',
      category: tool?.category ?? 'other',
      policyStatus: tool?.policyStatus ?? 'unreviewed',
      people: firstSeenByPerson.size,
      selfReportedPeople: new Set(
        input.survey.selfReported.filter((s) => s.toolId === id).map((s) => s.personId),
      ).size,
      teams: [
        ...new Set(mine.flatMap((f) => (f.subjectType === 'person' && f.team ? [f.team] : []))),
      ].sort(),
      repositories: [
        ...new Set(
          mine.flatMap((f) => (f.subjectType === 'repository' ? [f.subjectId] : f.repositories)),
        ),
      ].sort(),
      signals: [...new Set(mine.flatMap((f) => f.signals))].sort(),
      firstSeen: seen.length ? seen.reduce((a, b) => (a < b ? a : b)) : null,
      lastSeen: last.length ? last.reduce((a, b) => (a > b ? a : b)) : null,
      trend: weeks.map((w) => ({
        week: w.label,
        people: [...firstSeenByPerson.values()].filter((d) => d < w.end).length,
      })),
      peopleBefore: previous ? (before.get(id) ?? 0) : null,
      maxScore: top?.score ?? 0,
      topTier: top?.tier ?? null,
      shadowFindings: mine.filter((f: ReportFinding) => f.shadow).length,
    };
  });
  tools.sort(
    (a, b) =>
      b.people - a.people ||
      b.repositories.length - a.repositories.length ||
      a.toolId.localeCompare(b.toolId),
  );
  return {
    kind: 'inventory',
    version: 1,
    generatedAt: input.generatedAt.toISOString(),
    organisation: input.organisation,
    tools,
  };
}

/** The last TREND_WEEKS weeks ending at `now`, each with its exclusive end as an ISO string. */
function trendWeeks(now: Date): { label: string; end: string }[] {
  const out: { label: string; end: string }[] = [];
  for (let i = TREND_WEEKS - 1; i >= 0; i--) {
    const end = new Date(now.getTime() - i * 7 * 86_400_000);
    out.push({ label: end.toISOString().slice(0, 10), end: end.toISOString() });
  }
  return out;
}
