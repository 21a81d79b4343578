import type { Signal } from '../../catalog/catalog.types';
import type { IdentityKind } from '../../people/identity/identity-kinds';

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
