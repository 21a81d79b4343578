import type { Signal } from '../catalog/catalog.types';
import type { IdentityKind } from '../people/identity/identity-kinds';

/** One observed trace, as a signal module hands it to EvidenceService.record(). */
export interface EvidenceInput {
  toolId: string;
  signal: Signal;
  /** the scan / ingest / import run that saw it (jobs.id) */
  sourceRunId?: string;
  /** "owner/name" for GitHub, the checkout's name for local scans */
  repository?: string;
  identityKind?: IdentityKind;
  identityValue?: string;
  firstSeen: Date;
  lastSeen: Date;
  count?: number;
  bytes?: number;
  /** 0..1: lowered for fixtures, examples, vendored folders and marker-list repositories */
  confidence?: number;
  /** path, line, commit, package@version, domain, rule … */
  detail: Record<string, unknown>;
  /** stable key: re-running the same scan or re-ingesting the same file must produce the same one */
  fingerprint: string;
}

/** One stored evidence row as the evidence service hands it out. */
export interface EvidenceRecord {
  id: string;
  fingerprint: string;
  toolId: string;
  signal: string;
  sourceRunId: string | null;
  repository: string | null;
  identityKind: string | null;
  identityValue: string | null;
  confidence: number;
  firstSeen: Date;
  lastSeen: Date;
  /** bigint, as text */
  count: string;
  /** bigint, as text */
  bytes: string;
  detail: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of EvidenceRelation: the contract other modules' SQL may rely on. */
export const EVIDENCE_RELATION_COLUMNS = [
  'fingerprint',
  'tool_id',
  'signal',
  'repository',
  'identity_kind',
  'identity_value',
  'confidence',
  'first_seen',
  'last_seen',
  'count',
  'bytes',
  'detail',
] as const;

/**
 * Evidence as a relation that another module's set-based SQL may select from (correlation reads
 * a million rows in one statement; paging them through a service would not scale). The table and
 * its physical columns stay inside the evidence module; EVIDENCE_RELATION_COLUMNS is the contract.
 */
export interface EvidenceRelation {
  /** a parenthesised SELECT to use as `FROM ${sql} e` */
  readonly sql: string;
}

/** Evidence references held elsewhere, e.g. one finding's fingerprints, under the holder's key. */
export interface EvidenceRefGroup {
  key: string;
  fingerprints: string[];
}

/** One evidence row as another module shows it beside what it found, under the group's key. */
export interface EvidenceSummaryRow {
  key: string;
  signal: string;
  fingerprint: string;
  repository: string | null;
  detail: Record<string, unknown>;
  confidence: number;
  firstSeen: Date;
  lastSeen: Date;
}

/** Where a reader of evidence stood: see EvidenceChangesRepository.mark(). */
export interface EvidenceChangeMark {
  /** PostgreSQL timestamptz text (microseconds kept, which a Date would drop) */
  at: string;
  /** bumped by deletes and by rows moved to another identity, tool or repository */
  revision: string;
  /** rows created before `at` */
  before: string;
}
