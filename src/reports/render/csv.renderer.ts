import { toCsv } from '../../common/csv';
import type {
  BaselineCsvPart,
  BaselineModel,
  FindingsReportModel,
  InventoryModel,
  ReportModel,
} from '../model/report.types';

/** RFC 4180 CSV, one row per tool (baseline, inventory) or per finding. */
export function renderCsv(model: ReportModel, part: BaselineCsvPart = 'tools'): string {
  switch (model.kind) {
    case 'baseline':
      if (part === 'facts') return factsCsv(model);
      return part === 'acknowledgements'
        ? acknowledgementsCsv(model)
        : part === 'adoption'
          ? adoptionCsv(model)
          : part === 'copilot'
            ? copilotCsv(model)
            : baselineCsv(model);
    case 'inventory':
      return part === 'seats' ? seatsCsv(model) : inventoryCsv(model);
    case 'findings':
      return findingsCsv(model);
  }
}

function baselineCsv(m: BaselineModel): string {
  const k = (x: number | null) => (x === null ? `<${m.k}` : x);
  return toCsv(
    [
      'tool_id',
      'tool',
      'vendor',
      'category',
      'policy',
      'observed_people',
      'self_reported_people',
      'repositories',
      'shadow_findings',
      'top_tier',
      'max_score',
      'disclosure_gap',
    ],
    m.tools.map((t) => [
      t.toolId,
      t.name,
      t.vendor,
      t.category,
      t.policyStatus,
      k(t.observedPeople),
      k(t.selfReportedPeople),
      t.repositories,
      t.shadowFindings,
      t.topTier,
      t.maxScore,
      t.disclosureGap,
    ]),
  );
}

/** Every vendor fact of the tools in use, per plan, with its source and the date it was read. */
function factsCsv(m: BaselineModel): string {
  return toCsv(
    [
      'tool_id',
      'tool',
      'plan_in_force',
      'fact',
      'plan',
      'value',
      'source',
      'checked',
      'origin',
      'note',
    ],
    (m.vendorFacts ?? []).flatMap((t) =>
      t.facts.map((f) => [
        t.toolId,
        t.name,
        t.planInForce,
        f.fact,
        f.plan ?? 'all',
        f.value,
        f.source,
        f.checked,
        f.origin,
        f.note ?? null,
      ]),
    ),
  );
}

/**
 * Adoption by source, one row per tool, source and week: `survey` and `network` have no week,
 * `vendor` one row per week shown (its Monday); a count under k reads `<k`.
 */
function adoptionCsv(m: BaselineModel): string {
  const k = (x: number | null) => (x === null ? `<${m.k}` : x);
  return toCsv(
    ['tool_id', 'tool', 'source', 'week', 'people'],
    (m.adoption?.rows ?? []).flatMap((r) => [
      [r.toolId, r.name, 'survey', '', k(r.survey)],
      [r.toolId, r.name, 'network', '', k(r.network)],
      ...r.vendor.map((v) => [r.toolId, r.name, 'vendor', v.week, k(v.activeUsers)]),
    ]),
  );
}

/** GitHub Copilot's organisation figures per complete week, as the baseline's section shows them. */
function copilotCsv(m: BaselineModel): string {
  const k = (x: number | null) => (x === null ? `<${m.k}` : x);
  return toCsv(
    [
      'source',
      'org',
      'week',
      'days_reported',
      'weekly_active_users',
      'avg_daily_active_users',
      'monthly_active_chat_users',
      'monthly_active_agent_users',
      'interactions',
      'generations',
      'acceptances',
      'acceptance_rate',
    ],
    (m.copilotMetrics?.rows ?? []).map((r) => [
      m.copilotMetrics!.source,
      r.org,
      r.week,
      r.daysReported,
      k(r.weeklyActiveUsers),
      r.avgDailyActiveUsers,
      k(r.monthlyActiveChatUsers),
      k(r.monthlyActiveAgentUsers),
      r.interactions,
      r.generations,
      r.acceptances,
      r.acceptanceRate,
    ]),
  );
}

/**
 * The acceptable-use policy acknowledgement by team: one row per team shown (smaller teams
 * pooled), then the total; a count under k reads `<k`.
 */
function acknowledgementsCsv(m: BaselineModel): string {
  const a = m.acknowledgements;
  const k = (x: number | null) => (x === null ? `<${m.k}` : x);
  const rows = a ? [...a.teams, { team: 'All teams', ...a.overall }] : [];
  return toCsv(
    ['aup_version', 'team', 'asked', 'acknowledged', 'rate'],
    rows.map((r) => [a?.aupVersion ?? null, r.team, k(r.asked), k(r.acknowledged), r.rate]),
  );
}

function inventoryCsv(m: InventoryModel): string {
  return toCsv(
    [
      'tool_id',
      'tool',
      'vendor',
      'category',
      'policy',
      'people',
      'self_reported_people',
      'teams',
      'repositories',
      'signals',
      'first_seen',
      'last_seen',
      'people_before',
      'top_tier',
      'max_score',
      'shadow_findings',
    ],
    m.tools.map((t) => [
      t.toolId,
      t.name,
      t.vendor,
      t.category,
      t.policyStatus,
      t.people,
      t.selfReportedPeople,
      t.teams.join('; '),
      t.repositories.join('; '),
      t.signals.join('; '),
      t.firstSeen,
      t.lastSeen,
      t.peopleBefore,
      t.topTier,
      t.maxScore,
      t.shadowFindings,
    ]),
  );
}

function findingsCsv(m: FindingsReportModel): string {
  return toCsv(
    [
      'id',
      'subject_type',
      'subject',
      'team',
      'tool_id',
      'tool',
      'sanction',
      'strength',
      'disclosure',
      'score',
      'tier',
      'triage',
      'why',
      'signals',
      'repositories',
      'first_seen',
      'last_seen',
      'evidence',
      'references',
    ],
    m.findings.map((f) => [
      f.id,
      f.subjectType,
      f.subject,
      f.team,
      f.toolId,
      f.toolName,
      f.sanctionStatus,
      f.strength,
      f.disclosure,
      f.score,
      f.tier,
      f.triageState,
      f.why.join(' | '),
      f.signals.join('; '),
      f.repositories.join('; '),
      f.firstSeen,
      f.lastSeen,
      f.evidence.map((e) => `${e.signal}: ${e.summary}`).join(' | '),
      (f.references ?? []).join('; '),
    ]),
  );
}

/** The seat section: one row per tool and team, with the tool's own row first. */
function seatsCsv(m: InventoryModel): string {
  return toCsv(
    [
      'tool_id',
      'tool',
      'team',
      'seats',
      'idle',
      'idle_days',
      'idle_monthly_cost',
      'heavy_users_without_seat',
    ],
    (m.seats ?? []).flatMap((s) => [
      [
        s.toolId,
        s.name,
        '(all)',
        s.seats,
        s.idle,
        s.idleDays,
        s.idleMonthlyCost,
        s.heavyUsersWithoutSeat,
      ],
      ...s.byTeam.map((t) => [s.toolId, s.name, t.team, t.seats, t.idle, s.idleDays, null, null]),
    ]),
  );
}
