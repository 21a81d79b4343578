import type { PolicyStatus, ToolCategory } from '../../catalog/catalog.types';
import type { FactRow } from '../../catalog/facts/fact-rows';
import type { FactPlan, VendorFacts } from '../../catalog/facts/vendor-facts.types';
import type { AupAcknowledgementRates } from '../../guardrails/outreach/outreach.types';
import type { Strength } from '../../evidence/confidence';
import type { WaveSummary } from '../../surveys/waves/survey-waves.service';
import type { BaselinePulse } from './pulse.builder';
import type {
  Disclosure,
  FindingRecord,
  RiskTier,
  SanctionStatus,
  SubjectType,
  TriageState,
} from '../../findings/findings.types';

export const REPORT_KINDS = ['baseline', 'inventory', 'findings'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ['html', 'pdf', 'csv', 'json', 'xlsx'] as const;

/** A baseline CSV holds one table: the tools (default) or the policy acknowledgements by team. */
/** CSV parts: a baseline's tools or acknowledgements, an inventory's tools or seats */
export const BASELINE_CSV_PARTS = [
  'tools',
  'acknowledgements',
  'seats',
  'facts',
  'adoption',
  'copilot',
] as const;
export type BaselineCsvPart = (typeof BASELINE_CSV_PARTS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One finding as the report builders read it. Person identifiers never leave the builders for leaders. */
export interface ReportFinding extends Omit<FindingRecord, 'firstSeen' | 'lastSeen'> {
  /** display name / e-mail / repository name: only the findings report (security) prints it */
  subjectLabel: string;
  /** the person's team; for repositories the owning team when known */
  team: string | null;
  firstSeen: string;
  lastSeen: string;
  evidence?: ReportEvidence[];
}

export interface ReportEvidence {
  signal: string;
  fingerprint: string;
  repository: string | null;
  summary: string;
  lastSeen: string;
}

export interface ReportTool {
  id: string;
  name: string;
  vendor: string;
  category: ToolCategory;
  policyStatus: PolicyStatus;
  /** the plan the organisation holds, per policy */
  policyPlan?: FactPlan | null;
  vendorFacts?: VendorFacts;
  generic?: boolean;
}

/** One vendor fact as a report prints it: its value, the page it cites and when it was read. */
export type ReportFact = FactRow;

/** A tool's vendor facts in a report, per plan, the plan in force marked. */
export interface ReportToolFacts {
  toolId: string;
  name: string;
  planInForce: FactPlan;
  /** why that plan governs the organisation's use */
  planWhy: string;
  note?: string;
  facts: ReportFact[];
  /** unknowns named as the risk score names them, each resolvable by adding a fact */
  unknowns: string[];
  /** the vendor verdict in one line */
  verdict: string;
}

export interface ReportInput {
  generatedAt: Date;
  organisation: string;
  /** smallest group a leader report shows */
  k: number;
  people: { total: number; byTeam: { team: string; headcount: number }[] };
  repositories: { total: number };
  survey: {
    respondents: { personId: string; team: string | null }[];
    /** what respondents said they use */
    selfReported: { personId: string; team: string | null; toolId: string }[];
  };
  tools: ReportTool[];
  findings: ReportFinding[];
  /** the organisation's seats read by the vendor connectors (the inventory's seat section) */
  seats?: ReportSeat[];
  /** GitHub Copilot's organisation-level metrics days (its usage-metrics report) */
  copilotDays?: ReportCopilotDay[];
  /** days of use the vendors recorded (vendor-usage evidence), a person or an unresolved identity each */
  vendorUsage?: ReportUsageDay[];
  /** guardrails each repository has adopted (check-repo in CI), for the maturity measures */
  repositoryGuardrails?: RepositoryGuardrails[];
  previous?: BaselineModel | null;
  /** the acceptable-use policy acknowledgement rate by team (guardrails), for the baseline */
  acknowledgements?: AupAcknowledgementRates | null;
  /** the latest re-run survey against its previous wave, with published benchmarks */
  pulse?: WaveSummary | null;
}

export interface ReportUsageDay {
  toolId: string;
  /** a person id, or `kind:value` of an identity the directory does not know */
  user: string;
  /** YYYY-MM-DD */
  day: string;
}

/** Adoption of one tool by source, each figure labelled with where it comes from. */
export interface AdoptionRow {
  toolId: string;
  name: string;
  /** respondents who said they use it */
  survey: KCount;
  /** people whose traffic to it the network logs show */
  network: KCount;
  /** weekly active users by the vendor's own records, oldest week first */
  vendor: { week: string; activeUsers: KCount }[];
}

export interface BaselineAdoption {
  /** Monday (YYYY-MM-DD) of each complete week shown, oldest first */
  weeks: string[];
  rows: AdoptionRow[];
}

/** One day of a GitHub organisation's Copilot usage-metrics report, as a report reads it. */
export interface ReportCopilotDay {
  org: string;
  /** YYYY-MM-DD */
  day: string;
  dailyActiveUsers: number;
  weeklyActiveUsers: number;
  monthlyActiveChatUsers: number;
  monthlyActiveAgentUsers: number;
  interactions: number;
  generations: number;
  acceptances: number;
}

/** Copilot's organisation-level figures per complete week, from GitHub's own metrics report. */
export interface CopilotMetricsSection {
  /** where the figures come from, printed beside them */
  source: 'GitHub Copilot metrics report';
  /** Monday (YYYY-MM-DD) of each complete week shown, oldest first */
  weeks: string[];
  rows: CopilotMetricsWeek[];
}

export interface CopilotMetricsWeek {
  org: string;
  /** Monday of the week */
  week: string;
  /** days of the week the report covered (7 when complete) */
  daysReported: number;
  /** distinct users over the week: the report's 7-day figure on its last day in the week */
  weeklyActiveUsers: KCount;
  /** mean of the daily active users over the days reported, one decimal */
  avgDailyActiveUsers: number | null;
  /** 28-day chat and agent users as of the week's last reported day */
  monthlyActiveChatUsers: KCount;
  monthlyActiveAgentUsers: KCount;
  /** chat, agent and CLI prompts over the week */
  interactions: number;
  generations: number;
  acceptances: number;
  /** acceptances / generations, three decimals; null when nothing was generated */
  acceptanceRate: number | null;
}

/** A count a leader may see, or null when the group is smaller than k. */
export type KCount = number | null;

export interface BaselineToolRow {
  toolId: string;
  name: string;
  vendor: string;
  category: ToolCategory;
  policyStatus: PolicyStatus;
  sanctioned: boolean;
  observedPeople: KCount;
  selfReportedPeople: KCount;
  repositories: number;
  shadowFindings: number;
  topTier: RiskTier | null;
  maxScore: number;
  /** share of observed, surveyed users who did not disclose it (0..1); null under k */
  disclosureGap: number | null;
}

export interface BaselineTeamRow {
  team: string;
  headcount: number;
  observedShare: number | null;
  selfReportedShare: number | null;
  toolsInUse: number;
  shadowPeople: KCount;
  disclosureGap: number | null;
}

export interface BaselineRisk {
  toolId: string;
  name: string;
  tier: RiskTier;
  maxScore: number;
  findings: number;
  people: KCount;
  repositories: number;
  reasons: { points: number; reason: string }[];
}

export interface Recommendation {
  toolId: string;
  name: string;
  people: KCount;
  why: string;
}

export interface BaselineChange {
  previousAt: string;
  observedShare: { before: number; after: number };
  selfReportedShare: { before: number | null; after: number | null };
  toolsInUse: { before: number; after: number };
  shadowByTier: Record<RiskTier, { before: number; after: number }>;
  disclosureGap: { before: number | null; after: number | null };
  newTools: string[];
  goneTools: string[];
  toolPeople: { toolId: string; name: string; before: KCount; after: KCount }[];
}

export interface BaselineModel {
  kind: 'baseline';
  version: 1;
  generatedAt: string;
  organisation: string;
  k: number;
  headline: {
    headcount: number;
    teams: number;
    observedUsers: number;
    observedShare: number;
    respondents: number;
    responseRate: number;
    selfReportedUsers: number;
    selfReportedShare: number | null;
    toolsInUse: number;
    toolsSanctioned: number;
    shadowTools: number;
    shadowFindings: number;
    shadowByTier: Record<RiskTier, number>;
    disclosureGap: number | null;
    repositoriesWithAi: number;
    repositoriesTotal: number;
  };
  tools: BaselineToolRow[];
  teams: BaselineTeamRow[];
  /** maturity per team from evidence; absent in baselines taken before it existed */
  maturity?: TeamMaturity[];
  topRisks: BaselineRisk[];
  recommendations: { sanction: Recommendation[]; block: Recommendation[]; actions: string[] };
  change: BaselineChange | null;
  /** acknowledgement of the acceptable-use policy by team; null when none was asked for */
  acknowledgements: AupAcknowledgementRates | null;
  /** vendor facts of every tool in use, with sources; absent in baselines taken before #15 */
  vendorFacts?: ReportToolFacts[];
  /** adoption from the inside (vendor records) beside survey and network; absent with no vendor usage */
  adoption?: BaselineAdoption | null;
  /** Copilot's organisation figures per week from its metrics report; absent without that report */
  copilotMetrics?: CopilotMetricsSection | null;
  /** the latest survey wave's change and benchmarks; absent in older baselines */
  pulse?: BaselinePulse | null;
  notes: string[];
}

export interface InventoryToolRow {
  toolId: string;
  name: string;
  vendor: string;
  category: ToolCategory;
  policyStatus: PolicyStatus;
  people: number;
  selfReportedPeople: number;
  teams: string[];
  repositories: string[];
  signals: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  /** people first seen per ISO week, oldest first, cumulative */
  trend: { week: string; people: number }[];
  peopleBefore: number | null;
  maxScore: number;
  topTier: RiskTier | null;
  shadowFindings: number;
}

export interface InventoryModel {
  kind: 'inventory';
  version: 1;
  generatedAt: string;
  organisation: string;
  tools: InventoryToolRow[];
  /** seats of the organisation's tenants against their use; absent before connectors existed */
  seats?: SeatToolRow[];
}

/** One seat of a tenant as a report reads it: its holder resolved to the directory when possible. */
export interface ReportSeat {
  toolId: string;
  personId: string | null;
  team: string | null;
  /** the last day the vendor recorded use */
  lastActiveDay: string | null;
}

export interface SeatToolRow {
  toolId: string;
  name: string;
  seats: number;
  /** seats with no use within idleDays, by the vendor's records or any other evidence */
  idle: number;
  idleDays: number;
  monthlyPrice: number | null;
  idleMonthlyCost: number | null;
  byTeam: { team: string; seats: number; idle: number }[];
  /** people who use a sanctioned or tolerated tool heavily and hold no seat: candidates for one */
  heavyUsersWithoutSeat: number;
}

export interface FindingsReportRow {
  id: string;
  subjectType: SubjectType;
  subject: string;
  team: string | null;
  toolId: string;
  toolName: string;
  sanctionStatus: SanctionStatus;
  /** lead: weak evidence only, for review */
  strength: Strength;
  disclosure: Disclosure;
  score: number;
  tier: RiskTier;
  triageState: TriageState;
  why: string[];
  signals: string[];
  repositories: string[];
  firstSeen: string;
  lastSeen: string;
  evidence: ReportEvidence[];
  /** framework provisions the finding is evidence for ("NIST AI RMF GOVERN 1.6") */
  references: string[];
}

export interface FindingsReportModel {
  kind: 'findings';
  version: 1;
  generatedAt: string;
  organisation: string;
  byTier: Record<RiskTier, number>;
  findings: FindingsReportRow[];
}

export type ReportModel = BaselineModel | InventoryModel | FindingsReportModel;

export const MATURITY_LEVELS = [
  { level: 1, label: 'Unmanaged' },
  { level: 2, label: 'Emerging' },
  { level: 3, label: 'Defined' },
  { level: 4, label: 'Managed' },
  { level: 5, label: 'Optimising' },
] as const;

export type MaturityLevel = (typeof MATURITY_LEVELS)[number]['level'];

export type MaturityMeasure =
  'sanctionedShare' | 'disclosureRate' | 'instructionsShare' | 'trailerShare' | 'guardrailShare';

export interface MaturityMeasures {
  /** observed (person, tool) pairs on sanctioned tools / all observed pairs; null under k */
  sanctionedShare: number | null;
  /** disclosed / (disclosed + undisclosed) observed pairs of surveyed people; null under k */
  disclosureRate: number | null;
  /** the rest count repositories (not people), so no k applies; null with no AI repository */
  instructionsShare: number | null;
  trailerShare: number | null;
  guardrailShare: number | null;
  repositoriesWithAi: number;
}

export interface TeamMaturity {
  team: string;
  level: MaturityLevel;
  label: string;
  measures: MaturityMeasures;
  /** why the team is at this level and what the next level needs */
  reasons: string[];
  /** the level in the previous baseline, when that baseline had one for this team */
  previousLevel: MaturityLevel | null;
}

/** A repository's own facts the measures read: which agent guardrails it has adopted. */
export interface RepositoryGuardrails {
  repository: string;
  /** `check-repo` when a CI workflow runs AI Census's check */
  guardrails: string[];
}
