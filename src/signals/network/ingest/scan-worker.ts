// Worker thread entry for parallel ingest: builds the matcher once from the tool definitions it
// is given, then answers one RangeScan per RangeJob, or reads a whole (gzip) file for a StreamJob.
import { parentPort, workerData } from 'node:worker_threads';
import type { ToolDefinition } from '../../../catalog/catalog.types';
import { CatalogMatcher } from '../../../catalog/matcher/catalog-matcher';
import { LineSieve } from '../sieve/line-sieve';
import { HostMatchCache } from './host-match-cache';
import { chunkBuffers } from './log-source';
import { scanRange, type RangeJob } from './range-scan';
import { scanStream, type StreamJob, type StreamMessage } from './stream-scan';

const data = workerData as { tools: ToolDefinition[]; sieve: boolean };
const matcher = CatalogMatcher.fromTools(data.tools);
const hosts = new HostMatchCache(matcher);
// one sieve for all the ranges this worker reads: a new one per range would be a new WebAssembly
// instance and memory each time, and would learn the same hosts again
let sieve: LineSieve | undefined;
const threadSieve = data.sieve && ((): LineSieve => (sieve ??= new LineSieve()));
// and one set of read buffers, inside the sieve's memory when there is one (chunks are then
// sieved where they are read): this thread reads one range at a time
let buffers: Buffer[] | undefined;
const threadBuffers = (): Buffer[] =>
  (buffers ??= threadSieve ? threadSieve().readBuffers() : chunkBuffers());
let ack: (() => void) | undefined;
/** the ranges sent so far, read one at a time */
let ranges: Promise<unknown> = Promise.resolve();

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

parentPort?.on('message', (job: RangeJob | StreamJob | { kind: 'ack' }) => {
  if (job.kind === 'ack') {
    ack?.();
    ack = undefined;
  } else if (job.kind === 'range') {
    // one range after another, in the order sent: the thread's buffers and sieve serve them all
    ranges = ranges.then(() =>
      scanRange(job, hosts, matcher, threadSieve, threadBuffers).then(
        (scan) => parentPort?.postMessage({ scan }),
        (error: unknown) => parentPort?.postMessage({ error: message(error) }),
      ),
    );
  } else {
    const send = (m: StreamMessage): void => parentPort?.postMessage(m);
    const acked = (): Promise<void> => new Promise((done) => (ack = done));
    scanStream(job, hosts, matcher, send, acked, threadSieve).catch((error: unknown) => {
      const code = (error as { code?: unknown }).code;
      send({
        kind: 'error',
        message: message(error),
        code: typeof code === 'string' ? code : undefined,
      });
    });
  }
});
