// Where a file is ingested: on the main thread, split over worker threads by byte ranges, or
// read whole in one worker (gzip cannot be split; it is inflated and parsed there).
import type { NetworkFormat } from '../network.types';
import { canSplit } from './parallel-ingest';

export type ThreadPlan =
  { mode: 'main' } | { mode: 'ranges'; threads: number } | { mode: 'stream' };

export interface ThreadPlanInput {
  /** INGEST_WORKERS: 1 keeps every file on the main thread */
  setting: number;
  /** threads this file may use (its share when several files run at once) */
  share: number;
  /** INGEST_PARALLEL_MIN_BYTES: below it a worker's start-up would cost more than it saves */
  minBytes: number;
  size: number;
  format: NetworkFormat;
  gzip: boolean;
  /** false when the catalog's tool list cannot be handed to a worker */
  toolsAvailable: boolean;
}

export function threadPlan(i: ThreadPlanInput): ThreadPlan {
  if (i.setting <= 1 || !i.toolsAvailable || i.size < i.minBytes || i.size === 0)
    return { mode: 'main' };
  if (i.gzip) return { mode: 'stream' };
  if (!canSplit(i.format)) return { mode: 'main' };
  return { mode: 'ranges', threads: Math.max(1, Math.min(i.share, i.setting)) };
}

/**
 * Threads each file of one ingest may use: INGEST_WORKERS shared by the files that will use
 * threads at all (those of minBytes or more, up to INGEST_WORKERS of them at once); files below
 * the threshold stay on the main thread and take none.
 */
export function threadShare(sizes: readonly number[], setting: number, minBytes: number): number {
  const large = sizes.filter((s) => s > 0 && s >= minBytes).length;
  return Math.max(1, Math.floor(setting / Math.max(1, Math.min(setting, large))));
}
