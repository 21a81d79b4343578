// A whole file read in one worker thread: the way a gzip log is ingested off the main thread. A
// .gz cannot be cut into byte ranges, so the worker that inflates it also parses it, and only the
// hits cross to the main thread (shipping the inflated text would copy every byte once more). It
// hands a scan over every `checkpointLines` lines and waits for the main thread to commit it
// before it reads on, so memory stays flat whatever the file's size.
import type { NetworkFormat, ParserOptions } from '../network.types';
import type { HostMatchCache } from './host-match-cache';
import type { ActionMatcher, RangeScan } from './log-ingest-core';
import { runIngest } from './log-ingest-runner';
import { workerCore } from './range-scan';
import { openLogStream, type InflateLimits, type StreamStop } from './log-source';
import { warmUp } from './warm-up';
import type { LineSieve } from '../sieve/line-sieve';

export interface StreamJob {
  kind: 'stream';
  path: string;
  /** the name errors give the file */
  name: string;
  format: NetworkFormat;
  parserOptions?: ParserOptions;
  /** bytes of the (decompressed) text already committed */
  fromOffset: number;
  limits?: InflateLimits;
  checkpointLines: number;
  malformedSampleSize?: number;
}

/** What the worker tells the main thread, in order; the main thread answers a checkpoint with an ack. */
export type StreamMessage =
  | { kind: 'progress'; bytes: number }
  | { kind: 'checkpoint'; scan: RangeScan; offset: number; final: boolean }
  | { kind: 'end'; offset: number; stopped?: StreamStop }
  | { kind: 'error'; message: string; code?: string };

export async function scanStream(
  job: StreamJob,
  hosts: HostMatchCache,
  actions: ActionMatcher | undefined,
  send: (m: StreamMessage) => void,
  /** resolves once the main thread has committed the last checkpoint sent */
  acked: () => Promise<void>,
  /** the thread's sieve (false: none) */
  sieve: (() => LineSieve) | false,
): Promise<void> {
  const core = await workerCore(
    job,
    hosts,
    actions,
    (parser) => (job.fromOffset > 0 ? warmUp(parser, job.path, job.fromOffset) : undefined),
    sieve,
  );
  const chunks = await openLogStream(job.path, job.fromOffset, {
    name: job.name,
    limits: job.limits,
    readInto: core.readBuffers(),
  });
  const end = await runIngest({
    core,
    chunks,
    fromOffset: job.fromOffset,
    checkpointLines: job.checkpointLines,
    onCheckpoint: async (cp) => {
      send({ kind: 'checkpoint', scan: core.takeScan(), offset: cp.offset, final: cp.final });
      await acked();
    },
    onProgress: (bytes) => send({ kind: 'progress', bytes }),
  });
  send({ kind: 'end', offset: end.offset, stopped: chunks.stopped });
}
