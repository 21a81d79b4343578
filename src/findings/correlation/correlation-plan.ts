import { createHash } from 'node:crypto';

/** What the last run correlated from: the evidence mark, revisions and hashes of its inputs. */
export interface CorrelationState {
  evidenceMark: string;
  evidenceBeforeMark: string;
  evidenceRevision: string;
  suppressed: string;
  inputsHash: string;
  toolHashes: Record<string, string>;
}

export type CorrelationPlan =
  | { kind: 'full'; reason: string }
  /** evidence changed since `since`, and every pair of `dirtyTools`, are correlated again */
  | { kind: 'incremental'; since: string; dirtyTools: string[] };

/**
 * Full when anything the scope of a change cannot be told for has moved (people directory,
 * survey answers, repositories' data classes, weights, suppressions, evidence removed);
 * otherwise only what changed: new or updated evidence, and tools whose definition or policy
 * changed. An incremental run ends with the same findings as a full one.
 */
export function planCorrelation(
  prev: CorrelationState | null,
  current: Omit<CorrelationState, 'evidenceMark' | 'evidenceBeforeMark'>,
  /** rows stamped before the previous mark, counted now */
  beforePrevMark: string | null,
): CorrelationPlan {
  if (!prev) return { kind: 'full', reason: 'first run' };
  if (prev.inputsHash !== current.inputsHash)
    return { kind: 'full', reason: 'directory, answers, repositories or weights changed' };
  if (
    prev.evidenceRevision !== current.evidenceRevision ||
    beforePrevMark !== prev.evidenceBeforeMark
  )
    return { kind: 'full', reason: 'evidence removed or moved' };
  if (prev.suppressed !== current.suppressed)
    return { kind: 'full', reason: 'suppressions changed' };
  const ids = new Set([...Object.keys(prev.toolHashes), ...Object.keys(current.toolHashes)]);
  const dirtyTools = [...ids].filter((id) => prev.toolHashes[id] !== current.toolHashes[id]).sort();
  return { kind: 'incremental', since: prev.evidenceMark, dirtyTools };
}

/** A stable digest of JSON-able input (object keys sorted, so order of assembly never matters). */
export function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value, sortedKeys)).digest('hex');
}

function sortedKeys(_key: string, v: unknown): unknown {
  if (v instanceof Map)
    return [...v.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
  if (v && typeof v === 'object' && !Array.isArray(v))
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)));
  return v;
}
