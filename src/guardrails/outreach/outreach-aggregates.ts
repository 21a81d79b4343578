import type {
  AupAcknowledgementRates,
  AupRateRow,
  ClarificationToolSummary,
} from './outreach.types';

export const SMALL_TEAMS_POOL = 'Smaller teams (combined)';
export const NO_TEAM = '(no team)';

/** One person asked to acknowledge the current policy version. */
export interface AskedPerson {
  personId: string;
  team: string | null;
  acknowledged: boolean;
}

function rateRow(people: AskedPerson[], k: number): AupRateRow {
  const asked = people.length;
  const acknowledged = people.filter((p) => p.acknowledged).length;
  if (asked < k) return { asked: null, acknowledged: null, rate: null };
  return { asked, acknowledged, rate: Math.round((acknowledged / asked) * 1000) / 1000 };
}

/**
 * The acknowledgement rate overall and per team. A team asked fewer than k people joins a pooled
 * row, so no small team's answer can be read off; the pool itself shows only at k or more.
 */
export function acknowledgementRates(
  aupVersion: string | null,
  asked: AskedPerson[],
  k: number,
): AupAcknowledgementRates {
  const byTeam = new Map<string, AskedPerson[]>();
  for (const p of asked) {
    const team = p.team ?? NO_TEAM;
    byTeam.set(team, [...(byTeam.get(team) ?? []), p]);
  }
  const teams: AupAcknowledgementRates['teams'] = [];
  const pooled: AskedPerson[] = [];
  for (const [team, people] of [...byTeam].sort(([a], [b]) => a.localeCompare(b))) {
    if (people.length >= k) teams.push({ team, ...rateRow(people, k) });
    else pooled.push(...people);
  }
  if (pooled.length > 0) teams.push({ team: SMALL_TEAMS_POOL, ...rateRow(pooled, k) });
  return { aupVersion, k, overall: rateRow(asked, k), teams };
}

/** One clarification request as the aggregates read it: no person, only what was said. */
export interface ClarificationAnswerRow {
  toolId: string;
  answered: boolean;
  uses: boolean | null;
  dataClasses: string[];
}

const underK = (n: number, k: number): number | null => (n > 0 && n < k ? null : n);

/** Per tool: how many were asked and, when k or more answered, what they said. */
export function clarificationSummary(
  rows: ClarificationAnswerRow[],
  k: number,
): ClarificationToolSummary[] {
  const byTool = new Map<string, ClarificationAnswerRow[]>();
  for (const r of rows) byTool.set(r.toolId, [...(byTool.get(r.toolId) ?? []), r]);
  return [...byTool]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([toolId, all]) => {
      const answered = all.filter((r) => r.answered);
      const yes = answered.filter((r) => r.uses === true);
      const no = answered.filter((r) => r.uses === false);
      // Under k answers, even the yes/no split could single someone out: show neither.
      const shown = answered.length >= k;
      const dataClasses: Record<string, number | null> = {};
      if (shown && yes.length >= k) {
        for (const r of yes)
          for (const c of r.dataClasses) dataClasses[c] = (dataClasses[c] ?? 0) + 1;
        for (const c of Object.keys(dataClasses)) dataClasses[c] = underK(dataClasses[c]!, k);
      }
      return {
        toolId,
        asked: all.length,
        answered: underK(answered.length, k),
        saidYes: shown ? underK(yes.length, k) : null,
        saidNo: shown ? underK(no.length, k) : null,
        dataClasses,
      };
    });
}
