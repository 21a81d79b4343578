// Turns dependency matches into evidence rows. The fingerprint is built from where the package
// is declared, not from its version, so an upgrade updates the row instead of adding one.
import { createHash } from 'node:crypto';
import type { EvidenceInput } from '../../evidence/evidence.types';
import type { DependencyMatch, DependencyScope } from './dependency.types';

export interface DependencyEvidenceContext {
  /** "owner/name" for GitHub, the checkout's name for local scans */
  repository: string;
  sourceRunId?: string;
  /** when the scan read the manifests */
  seenAt: Date;
}

export function dependencyFingerprint(
  repository: string,
  match: Pick<DependencyMatch, 'manifestPath' | 'ecosystem' | 'name' | 'toolId' | 'integrationOf'>,
): string {
  const parts = [repository, match.manifestPath, match.ecosystem, match.name];
  // the vendor row of an integration package is a second row beside the framework's
  if (match.integrationOf) parts.push(match.toolId);
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** Lower is stronger: which of two declarations of one package in one file to keep. */
const SCOPE_RANK: Record<DependencyScope, number> = {
  runtime: 0,
  optional: 1,
  peer: 2,
  build: 3,
  dev: 4,
  test: 5,
};

function stronger(a: DependencyMatch, b: DependencyMatch): DependencyMatch {
  if (a.direct !== b.direct) return a.direct ? a : b;
  return SCOPE_RANK[b.scope] < SCOPE_RANK[a.scope] ? b : a;
}

/**
 * One evidence row per (repository, manifest, ecosystem, package). A package declared twice in
 * one file (peer + dev, two locked versions) is one row, keeping the strongest declaration:
 * the evidence upsert could not touch the same fingerprint twice in one statement anyway.
 */
export function toDependencyEvidence(
  matches: DependencyMatch[],
  context: DependencyEvidenceContext,
): EvidenceInput[] {
  const byFingerprint = new Map<string, DependencyMatch>();
  for (const match of matches) {
    const fingerprint = dependencyFingerprint(context.repository, match);
    const existing = byFingerprint.get(fingerprint);
    byFingerprint.set(fingerprint, existing ? stronger(existing, match) : match);
  }
  return [...byFingerprint].map(([fingerprint, match]) => {
    const detail: Record<string, unknown> = {
      ecosystem: match.ecosystem,
      package: match.name,
      version: match.version ?? null,
      direct: match.direct,
      scope: match.scope,
      manifestPath: match.manifestPath,
      // `path` and `line` as every other repository signal names them.
      path: match.manifestPath,
      line: match.line ?? null,
    };
    if (match.confidenceReason) detail.confidenceReason = match.confidenceReason;
    if (match.integrationOf) detail.integrationOf = match.integrationOf;
    const row: EvidenceInput = {
      toolId: match.toolId,
      signal: 'dependency',
      repository: context.repository,
      firstSeen: context.seenAt,
      lastSeen: context.seenAt,
      detail,
      fingerprint,
    };
    if (context.sourceRunId !== undefined) row.sourceRunId = context.sourceRunId;
    if (match.confidence !== undefined) row.confidence = match.confidence;
    return row;
  });
}
