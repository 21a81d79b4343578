// The main thread's side of a file read whole in a worker (gzip): it absorbs each scan the worker
// hands over into the owning core (leases, erasure and roll-ups stay here, in line order), commits
// it as a checkpoint, then lets the worker read on.
import { Worker } from 'node:worker_threads';
import type { ToolDefinition } from '../../../catalog/catalog.types';
import { DomainError, ErrorCode } from '../../../common/domain-error';
import type { LogIngestCore } from './log-ingest-core';
import type { IngestCheckpoint } from './log-ingest-runner';
import type { StreamStop } from './log-source';
import type { StreamJob, StreamMessage } from './stream-scan';
import { SCAN_WORKER } from './worker-path';

export interface StreamIngestOptions {
  job: Omit<StreamJob, 'kind'>;
  tools: readonly ToolDefinition[];
  core: LogIngestCore;
  onCheckpoint?: (cp: IngestCheckpoint) => Promise<void>;
  /** bytes of text read so far */
  onProgress?: (bytes: number) => void | Promise<void>;
}

const CODES = new Set<string>(Object.values(ErrorCode));

export async function runStreamInWorker(
  o: StreamIngestOptions,
): Promise<{ offset: number; line: number; stopped?: StreamStop }> {
  const worker = new Worker(SCAN_WORKER, {
    workerData: { tools: o.tools, sieve: o.core.sieveOn },
  });
  try {
    return await new Promise((done, fail) => {
      let chain = Promise.resolve();
      const handle = async (m: StreamMessage): Promise<void> => {
        if (m.kind === 'progress') await o.onProgress?.(m.bytes);
        else if (m.kind === 'checkpoint') {
          o.core.absorb(m.scan);
          await o.onCheckpoint?.({
            offset: m.offset,
            line: o.core.lineNumber,
            rollups: o.core.drain(),
            state: o.core.state(),
            final: m.final,
          });
          worker.postMessage({ kind: 'ack' });
        } else if (m.kind === 'end') {
          done({ offset: m.offset, line: o.core.lineNumber, stopped: m.stopped });
        } else {
          fail(
            m.code && CODES.has(m.code)
              ? new DomainError(m.code as ErrorCode, m.message)
              : new Error(m.message),
          );
        }
      };
      worker.on('message', (m: StreamMessage) => {
        chain = chain.then(() => handle(m)).catch(fail);
      });
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`ingest worker exited (${code})`)));
      worker.postMessage({ kind: 'stream', ...o.job } satisfies StreamJob);
    });
  } finally {
    await worker.terminate();
  }
}
