import { createHash } from 'node:crypto';
import type { EvidenceInput } from '../../evidence/evidence.types';
import type { RepoTrace } from './repo-scan.types';

/**
 * The evidence row of a trace. The fingerprint depends only on what the trace is (repository,
 * signal, tool, path or commit, and the detector's key), never on when it was seen, so a
 * re-scan finds the same rows.
 */
export function traceToEvidence(
  trace: RepoTrace,
  scope: { repository?: string; org?: string; sourceRunId?: string },
): EvidenceInput {
  const where = scope.repository ? `repo:${scope.repository}` : `org:${scope.org ?? ''}`;
  const fingerprint = createHash('sha256')
    .update(
      [
        'repos',
        where,
        trace.signal,
        trace.toolId,
        trace.path ?? '',
        trace.commit ?? '',
        trace.key ?? '',
      ].join('\u0000'),
    )
    .digest('hex');
  const seen = trace.firstSeen ?? trace.lastSeen ?? new Date();
  return {
    toolId: trace.toolId,
    signal: trace.signal,
    sourceRunId: scope.sourceRunId,
    repository: scope.repository,
    identityKind: trace.identity?.kind,
    identityValue: trace.identity?.value,
    firstSeen: seen,
    lastSeen: trace.lastSeen ?? seen,
    confidence: trace.confidence,
    detail: {
      ...(trace.path !== undefined ? { path: trace.path } : {}),
      ...(trace.line !== undefined ? { line: trace.line } : {}),
      ...(trace.commit !== undefined ? { commit: trace.commit } : {}),
      ...(trace.identity?.name ? { identityName: trace.identity.name } : {}),
      ...(scope.org ? { org: scope.org } : {}),
      ...trace.detail,
    },
    fingerprint,
  };
}
