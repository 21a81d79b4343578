import type { Strength } from '../evidence/confidence';

// Vocabulary shared by correlation, triage, the API and the reports.

export const SUBJECT_TYPES = ['person', 'repository'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/**
 * The effective sanction of one (subject, tool) pair. The policy status of the tool, except that
 * a sanctioned or tolerated tool used outside its terms (a data class it is not allowed for, a
 * personal account of a tenant-bound tool) becomes a `violation`.
 */
export const SANCTION_STATUSES = [
  'sanctioned',
  'tolerated',
  'under-review',
  'unreviewed',
  'prohibited',
  'violation',
] as const;
export type SanctionStatus = (typeof SANCTION_STATUSES)[number];

export const DISCLOSURES = ['disclosed', 'undisclosed', 'not-surveyed', 'not-applicable'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

export const RISK_TIERS = ['critical', 'high', 'medium', 'low'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export const TRIAGE_STATES = [
  'open',
  'acknowledged',
  'accepted',
  'remediated',
  'false-positive',
] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

/** One named contribution to a risk score, stored with the finding. */
export interface RiskFactor {
  /** stable key, e.g. `policy`, `vendor.trains-on-inputs` */
  key: string;
  points: number;
  /** one line a reader understands without the code */
  reason: string;
  /** an unknown vendor fact: the CoE resolves it by adding a sourced fact, not by waiting */
  resolvable?: boolean;
}

export interface RiskAssessment {
  score: number;
  tier: RiskTier;
  factors: RiskFactor[];
}

/** What correlation decides about one (subject, tool) pair. */
export interface FindingFacts {
  subjectType: SubjectType;
  /** a person id or a repository name */
  subjectId: string;
  toolId: string;
  sanctionStatus: SanctionStatus;
  shadow: boolean;
  /** lead: only weak evidence, kept for review but never counted as use in leaders' headlines */
  strength: Strength;
  disclosure: Disclosure;
  score: number;
  tier: RiskTier;
  factors: RiskFactor[];
  signals: string[];
  repositories: string[];
  evidenceCount: number;
  bytes: number;
  firstSeen: Date;
  lastSeen: Date;
}

/** One present finding as other modules read it through FindingsService. */
export interface FindingRecord extends FindingFacts {
  id: string;
  triageState: TriageState;
}

/** The evidence fingerprints a finding rests on: references into the evidence module. */
export interface FindingEvidenceRefs {
  findingId: string;
  fingerprints: string[];
}
