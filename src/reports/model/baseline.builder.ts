import { DEFAULT_RISK_WEIGHTS } from '../../findings/risk/risk-weights';
import { vendorVerdict } from '../../findings/risk/vendor-verdict';
import { factsInForce } from '../../catalog/facts/plan-in-force';
import { buildToolFacts } from './vendor-facts.builder';
import type { RiskTier } from '../../findings/findings.types';
import { RISK_TIERS } from '../../findings/findings.types';
import { kCount, kShare, round3 } from './k-anonymity';
import type {
  BaselineChange,
  BaselineModel,
  BaselineRisk,
  BaselineTeamRow,
  BaselineToolRow,
  Recommendation,
  ReportFinding,
  ReportInput,
  ReportTool,
} from './report.types';
import { isObserved, tierRank } from './report-helpers';
import { buildMaturity } from './maturity';
import { buildAdoption } from './adoption.builder';
import { buildCopilotMetrics } from './copilot-metrics.builder';
import { buildPulse } from './pulse.builder';

const SMALL_TEAMS = 'Smaller teams (combined)';

/** The leaders' report: aggregates only, no names or e-mails, groups under k suppressed. */
export function buildBaseline(input: ReportInput): BaselineModel {
  const k = input.k;
  // leads (weak evidence only) are for security's review, never counted as use for leaders
  const active = input.findings.filter(
    (f) => f.triageState !== 'false-positive' && f.strength !== 'lead',
  );
  const person = active.filter((f) => f.subjectType === 'person');
  const observed = person.filter(isObserved);
  const toolsById = new Map(input.tools.map((t) => [t.id, t]));

  const observedUsers = new Set(observed.map((f) => f.subjectId));
  const respondents = new Set(input.survey.respondents.map((r) => r.personId));
  const selfReporters = new Set(input.survey.selfReported.map((s) => s.personId));
  const toolsInUse = [...new Set(active.map((f) => f.toolId))].sort();
  const shadow = active.filter((f) => f.shadow);
  const shadowByTier = countByTier(shadow);
  const gapPool = observed.filter(
    (f) => f.disclosure === 'disclosed' || f.disclosure === 'undisclosed',
  );
  const headcount = input.people.total;

  // grouped once: filtering every finding again for each tool cost O(tools × findings)
  const activeByTool = groupBy(active, (f) => f.toolId);
  const tools = toolsInUse
    .map((id) =>
      toolRow(toolsById.get(id) ?? unknownTool(id), activeByTool.get(id) ?? [], input, k),
    )
    .sort(
      (a, b) =>
        (b.observedPeople ?? 0) - (a.observedPeople ?? 0) ||
        b.maxScore - a.maxScore ||
        a.toolId.localeCompare(b.toolId),
    );

  const model: BaselineModel = {
    kind: 'baseline',
    version: 1,
    generatedAt: input.generatedAt.toISOString(),
    organisation: input.organisation,
    k,
    headline: {
      headcount,
      teams: input.people.byTeam.length,
      observedUsers: observedUsers.size,
      observedShare: headcount ? round3(observedUsers.size / headcount) : 0,
      respondents: respondents.size,
      responseRate: headcount ? round3(respondents.size / headcount) : 0,
      selfReportedUsers: selfReporters.size,
      selfReportedShare: kShare(selfReporters.size, respondents.size, k),
      toolsInUse: toolsInUse.length,
      toolsSanctioned: toolsInUse.filter((id) => toolsById.get(id)?.policyStatus === 'sanctioned')
        .length,
      shadowTools: new Set(shadow.map((f) => f.toolId)).size,
      shadowFindings: shadow.length,
      shadowByTier,
      disclosureGap: kShare(
        gapPool.filter((f) => f.disclosure === 'undisclosed').length,
        gapPool.length,
        k,
      ),
      repositoriesWithAi: new Set(
        active.filter((f) => f.subjectType === 'repository').map((f) => f.subjectId),
      ).size,
      repositoriesTotal: input.repositories.total,
    },
    tools,
    teams: teamRows(input, observed, k),
    maturity: [],
    topRisks: topRisks(shadow, toolsById, k),
    recommendations: { sanction: [], block: [], actions: [] },
    change: null,
    acknowledgements: input.acknowledgements ?? null,
    vendorFacts: tools
      .map((r) => toolsById.get(r.toolId))
      .filter((t): t is ReportTool => t !== undefined && !t.generic)
      .map(buildToolFacts),
    adoption: buildAdoption(input, active, (id) => toolsById.get(id)?.name ?? id),
    copilotMetrics: buildCopilotMetrics(input),
    pulse: buildPulse(input.pulse),
    notes: [],
  };
  model.recommendations = recommendations(model, toolsById, input);
  model.maturity = buildMaturity(
    input,
    pooledTeams(input, k),
    model.teams.map((t) => t.team),
    input.repositoryGuardrails ?? [],
    input.previous?.maturity,
  );
  model.change = input.previous ? compare(input.previous, model) : null;
  model.notes = notes(model, input);
  return model;
}

function toolRow(
  tool: ReportTool,
  /** the tool's active findings, in input order */
  mine: ReportFinding[],
  input: ReportInput,
  k: number,
): BaselineToolRow {
  const observedPeople = new Set(
    mine.filter((f) => f.subjectType === 'person' && isObserved(f)).map((f) => f.subjectId),
  );
  const reported = new Set(
    input.survey.selfReported.filter((s) => s.toolId === tool.id).map((s) => s.personId),
  );
  const gapPool = mine.filter(
    (f) =>
      f.subjectType === 'person' &&
      isObserved(f) &&
      (f.disclosure === 'disclosed' || f.disclosure === 'undisclosed'),
  );
  const top = mine.reduce<ReportFinding | undefined>(
    (best, f) => (!best || f.score > best.score ? f : best),
    undefined,
  );
  return {
    toolId: tool.id,
    name: tool.name,
    vendor: tool.vendor,
    category: tool.category,
    policyStatus: tool.policyStatus,
    sanctioned: tool.policyStatus === 'sanctioned',
    observedPeople: kCount(observedPeople.size, k),
    selfReportedPeople: kCount(reported.size, k),
    repositories: new Set(
      mine.filter((f) => f.subjectType === 'repository').map((f) => f.subjectId),
    ).size,
    shadowFindings: mine.filter((f) => f.shadow).length,
    topTier: top?.tier ?? null,
    maxScore: top?.score ?? 0,
    disclosureGap: kShare(
      gapPool.filter((f) => f.disclosure === 'undisclosed').length,
      gapPool.length,
      k,
    ),
  };
}

/** Teams under k are pooled so that no small team can be singled out. */
function pooledTeams(input: ReportInput, k: number): (team: string | null) => string {
  const pooled = new Map(
    input.people.byTeam.map((t) => [t.team, t.headcount >= k ? t.team : SMALL_TEAMS]),
  );
  return (team) => (team !== null && pooled.get(team)) || SMALL_TEAMS;
}

function teamRows(input: ReportInput, observed: ReportFinding[], k: number): BaselineTeamRow[] {
  const teamOf = pooledTeams(input, k);
  const headcounts = new Map<string, number>();
  for (const t of input.people.byTeam)
    headcounts.set(teamOf(t.team), (headcounts.get(teamOf(t.team)) ?? 0) + t.headcount);
  const rows: BaselineTeamRow[] = [];
  const observedByTeam = groupBy(observed, (f) => teamOf(f.team));
  for (const [team, headcount] of headcounts) {
    if (headcount < k) continue;
    const mine = observedByTeam.get(team) ?? [];
    const users = new Set(mine.map((f) => f.subjectId));
    const respondents = new Set(
      input.survey.respondents.filter((r) => teamOf(r.team) === team).map((r) => r.personId),
    );
    const reporters = new Set(
      input.survey.selfReported.filter((s) => teamOf(s.team) === team).map((s) => s.personId),
    );
    const gapPool = mine.filter(
      (f) => f.disclosure === 'disclosed' || f.disclosure === 'undisclosed',
    );
    rows.push({
      team,
      headcount,
      observedShare: round3(users.size / headcount),
      selfReportedShare: kShare(reporters.size, respondents.size, k),
      toolsInUse: new Set(mine.map((f) => f.toolId)).size,
      shadowPeople: kCount(new Set(mine.filter((f) => f.shadow).map((f) => f.subjectId)).size, k),
      disclosureGap: kShare(
        gapPool.filter((f) => f.disclosure === 'undisclosed').length,
        gapPool.length,
        k,
      ),
    });
  }
  return rows.sort((a, b) =>
    a.team === SMALL_TEAMS ? 1 : b.team === SMALL_TEAMS ? -1 : a.team.localeCompare(b.team),
  );
}

function topRisks(
  shadow: ReportFinding[],
  toolsById: Map<string, ReportTool>,
  k: number,
): BaselineRisk[] {
  const byTool = new Map<string, ReportFinding[]>();
  for (const f of shadow) {
    const list = byTool.get(f.toolId);
    if (list) list.push(f);
    else byTool.set(f.toolId, [f]);
  }
  const risks: BaselineRisk[] = [];
  for (const [toolId, fs] of byTool) {
    const worst = [...fs].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))[0];
    risks.push({
      toolId,
      name: toolsById.get(toolId)?.name ?? toolId,
      tier: worst.tier,
      maxScore: worst.score,
      findings: fs.length,
      people: kCount(
        new Set(fs.filter((f) => f.subjectType === 'person').map((f) => f.subjectId)).size,
        k,
      ),
      repositories: new Set(
        fs.filter((f) => f.subjectType === 'repository').map((f) => f.subjectId),
      ).size,
      reasons: [...worst.factors]
        .filter((x) => x.points > 0)
        .sort((a, b) => b.points - a.points || a.key.localeCompare(b.key))
        .slice(0, 4)
        .map(({ points, reason }) => ({ points, reason })),
    });
  }
  return risks
    .sort(
      (a, b) =>
        tierRank(a.tier) - tierRank(b.tier) ||
        b.maxScore - a.maxScore ||
        b.findings - a.findings ||
        a.toolId.localeCompare(b.toolId),
    )
    .slice(0, 8);
}

function recommendations(
  model: BaselineModel,
  toolsById: Map<string, ReportTool>,
  input: ReportInput,
): BaselineModel['recommendations'] {
  const sanction: Recommendation[] = [];
  const block: Recommendation[] = [];
  const widely = Math.max(input.k, Math.ceil(model.headline.headcount * 0.05));
  for (const row of model.tools) {
    const tool = toolsById.get(row.toolId);
    if (!tool || tool.generic) continue;
    // a tool not yet allowed is judged on the terms its users are under today: the consumer
    // plan; a sanctioned or tolerated one on the plan the organisation holds
    const shadow = row.policyStatus !== 'sanctioned' && row.policyStatus !== 'tolerated';
    const inForce = factsInForce(tool.vendorFacts, {
      shadow,
      policyPlan: tool.policyPlan ?? null,
      category: tool.category,
    });
    const verdict = vendorVerdict(inForce, DEFAULT_RISK_WEIGHTS.vendor);
    const users = Math.max(row.observedPeople ?? 0, row.selfReportedPeople ?? 0);
    if (row.policyStatus === 'prohibited') {
      block.push({
        toolId: row.toolId,
        name: row.name,
        people: row.observedPeople,
        why: 'prohibited but still in use: enforce the block at the proxy and follow up',
      });
    } else if (row.policyStatus !== 'sanctioned' && verdict.acceptable && users >= widely) {
      sanction.push({
        toolId: row.toolId,
        name: row.name,
        people: row.observedPeople,
        why: `widely used (${users >= input.k ? users : `< ${input.k}`} people); ${verdict.summary}`,
      });
    } else if (
      row.policyStatus !== 'sanctioned' &&
      row.policyStatus !== 'tolerated' &&
      !verdict.acceptable
    ) {
      block.push({
        toolId: row.toolId,
        name: row.name,
        people: row.observedPeople,
        why: verdict.summary,
      });
    }
  }
  const actions: string[] = [];
  const h = model.headline;
  if (h.shadowByTier.critical + h.shadowByTier.high > 0) {
    actions.push(
      `Triage the ${h.shadowByTier.critical + h.shadowByTier.high} critical and high shadow-AI findings with security first.`,
    );
  }
  if (h.disclosureGap !== null && h.disclosureGap >= 0.2) {
    actions.push(
      `${Math.round(h.disclosureGap * 100)}% of observed, surveyed use went undisclosed: restate that disclosure is safe and re-run the survey.`,
    );
  }
  if (sanction.length > 0)
    actions.push(
      `Review ${sanction.map((s) => s.name).join(', ')} for sanction: demand is proven and vendor terms look acceptable.`,
    );
  if (h.responseRate < 0.6)
    actions.push(
      `Only ${Math.round(h.responseRate * 100)}% answered the survey: widen it before relying on self-reported figures.`,
    );
  return { sanction, block, actions };
}

function compare(prev: BaselineModel, next: BaselineModel): BaselineChange {
  const before = new Map(prev.tools.map((t) => [t.toolId, t]));
  const after = new Map(next.tools.map((t) => [t.toolId, t]));
  const shadowByTier = Object.fromEntries(
    RISK_TIERS.map((t) => [
      t,
      { before: prev.headline.shadowByTier[t], after: next.headline.shadowByTier[t] },
    ]),
  ) as Record<RiskTier, { before: number; after: number }>;
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  return {
    previousAt: prev.generatedAt,
    observedShare: { before: prev.headline.observedShare, after: next.headline.observedShare },
    selfReportedShare: {
      before: prev.headline.selfReportedShare,
      after: next.headline.selfReportedShare,
    },
    toolsInUse: { before: prev.headline.toolsInUse, after: next.headline.toolsInUse },
    shadowByTier,
    disclosureGap: { before: prev.headline.disclosureGap, after: next.headline.disclosureGap },
    newTools: ids.filter((id) => !before.has(id)).map((id) => after.get(id)?.name ?? id),
    goneTools: ids.filter((id) => !after.has(id)).map((id) => before.get(id)?.name ?? id),
    toolPeople: ids
      .map((id) => ({
        toolId: id,
        name: after.get(id)?.name ?? before.get(id)?.name ?? id,
        before: before.get(id)?.observedPeople ?? 0,
        after: after.get(id)?.observedPeople ?? 0,
      }))
      .filter((r) => r.before !== r.after),
  };
}

function notes(model: BaselineModel, input: ReportInput): string[] {
  const out = [
    `Groups of fewer than ${input.k} people are shown as "< ${input.k}" so that no one can be singled out.`,
  ];
  const small = input.people.byTeam.filter((t) => t.headcount < input.k);
  if (small.length > 0) out.push(`${small.length} teams under ${input.k} people are combined.`);
  out.push(
    '"Observed" counts people seen through repositories, dependencies, network or seats; "self-reported" counts survey answers.',
  );
  if (model.adoption)
    out.push(
      'Adoption by source: "survey" counts respondents who said they use a tool, "network" people whose traffic to it the logs show, "vendor" weekly active users by the vendor\'s own records (Monday to Sunday, UTC).',
    );
  if (model.copilotMetrics)
    out.push(
      'Copilot organisation figures come from the "GitHub Copilot metrics report" (GitHub\'s own usage-metrics report): weekly active users are its 7-day count on the last day reported in the week, the acceptance rate is accepted over generated code.',
    );
  if (!model.change)
    out.push('This is the first baseline: the next one will show the change since this one.');
  return out;
}

function countByTier(fs: ReportFinding[]): Record<RiskTier, number> {
  const out = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const f of fs) out[f.tier]++;
  return out;
}

function unknownTool(id: string): ReportTool {
  return { id, name: id, vendor: 'unknown', category: 'other', policyStatus: 'unreviewed' };
}

/** Items by key, each list in input order (what filtering the whole list per key would give). */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
