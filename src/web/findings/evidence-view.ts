import { CONFIDENCE, type ConfidenceEntry } from '../../evidence/confidence';

/** One piece of evidence as the finding page's timeline shows it. */
export interface EvidenceLine {
  signal: string;
  /** where it was seen: repository, path and line, commit, domain, package… */
  where: { label: string; value: string }[];
  confidence: number;
  reason: string;
  firstSeen: Date;
  lastSeen: Date;
}

const WHERE_KEYS: [string, string][] = [
  ['path', 'Path'],
  ['commit', 'Commit'],
  ['addedCommit', 'Added in commit'],
  ['deletedCommit', 'Deleted in commit'],
  ['domain', 'Domain'],
  ['host', 'Host'],
  ['package', 'Package'],
  ['ecosystem', 'Ecosystem'],
  ['manifest', 'Manifest'],
  ['extension', 'Extension'],
  ['app', 'App'],
  ['login', 'Login'],
  ['trailer', 'Trailer'],
  ['history', 'History'],
  ['survey', 'Survey'],
];

const ENTRIES: readonly ConfidenceEntry[] = Object.values(CONFIDENCE);

/**
 * Why a trace has its confidence: the detector's own reason when it recorded one, else the row of
 * the confidence table with the same signal and value.
 */
export function confidenceReason(
  signal: string,
  confidence: number,
  detail: Record<string, unknown>,
): string {
  for (const key of ['confidenceReason', 'reason'])
    if (typeof detail[key] === 'string' && detail[key]) return detail[key];
  const entry = ENTRIES.find(
    (e) => e.signal === signal && Math.abs(e.confidence - confidence) < 0.001,
  );
  return entry ? `${entry.trace}: ${entry.reason}` : `${signal} evidence`;
}

export function explainEvidence(row: {
  signal: string;
  repository: string | null;
  detail: Record<string, unknown>;
  confidence: number;
  firstSeen: Date;
  lastSeen: Date;
}): EvidenceLine {
  const detail = row.detail ?? {};
  const where: { label: string; value: string }[] = [];
  if (row.repository) where.push({ label: 'Repository', value: row.repository });
  for (const [key, label] of WHERE_KEYS) {
    const v = detail[key];
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    const line = key === 'path' && detail.line !== undefined ? `:${String(detail.line)}` : '';
    const version =
      key === 'package' && typeof detail.version === 'string' ? `@${detail.version}` : '';
    where.push({ label, value: `${String(v)}${line}${version}` });
  }
  return {
    signal: row.signal,
    where,
    confidence: Number(row.confidence),
    reason: confidenceReason(row.signal, Number(row.confidence), detail),
    firstSeen: new Date(row.firstSeen),
    lastSeen: new Date(row.lastSeen),
  };
}
