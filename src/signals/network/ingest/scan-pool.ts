// Worker threads of parallel ingest, kept between ingests: a thread's start (Node, the catalog
// matcher) and its warm-up (compiled parsers, the sieve's learnt hosts) are paid once per process
// rather than once per file. A thread serves one ingest at a time; between ingests it holds no
// work, does not keep the process alive, and ends after IDLE_MS unused. Threads built for another
// catalog (or sieve setting) are never reused: their matcher would answer for the old tools.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ToolDefinition } from '../../../catalog/catalog.types';
import type { RangeJob, RangeResult } from './range-scan';
import { SCAN_WORKER } from './worker-path';

const IDLE_MS = 30_000;

interface Idle {
  worker: Worker;
  key: string;
  timer: NodeJS.Timeout;
}

const idle: Idle[] = [];
const keys = new WeakMap<readonly ToolDefinition[], string>();

function poolKey(tools: readonly ToolDefinition[], sieve: boolean): string {
  let key = keys.get(tools);
  if (key === undefined) {
    key = createHash('sha1').update(JSON.stringify(tools)).digest('hex');
    keys.set(tools, key);
  }
  return `${key}:${sieve}`;
}

function takeIdle(key: string): Worker | undefined {
  const i = idle.findIndex((x) => x.key === key);
  if (i < 0) return undefined;
  const [x] = idle.splice(i, 1);
  clearTimeout(x.timer);
  x.worker.ref();
  return x.worker;
}

function putIdle(worker: Worker, key: string): void {
  worker.unref();
  const timer = setTimeout(() => {
    const i = idle.findIndex((x) => x.worker === worker);
    if (i >= 0) idle.splice(i, 1);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle.push({ worker, key, timer });
}

/** threads waiting for the next ingest (for tests and metrics) */
export function idleScanThreads(): number {
  return idle.length;
}

interface Waiting {
  done: (scan: RangeResult) => void;
  fail: (error: Error) => void;
}

export class ScanPool {
  private readonly workers: Worker[];
  private readonly broken = new Set<Worker>();
  /** per thread, the jobs sent and not yet answered, in order (a thread answers in order) */
  private readonly waiting: Waiting[][];
  private readonly detach: (() => void)[] = [];

  private constructor(
    private readonly key: string,
    workers: Worker[],
    /** every thread was waiting from an earlier ingest: none has to start first */
    readonly warm: boolean,
  ) {
    this.workers = workers;
    this.waiting = workers.map((w) => {
      const queue: Waiting[] = [];
      const onMessage = (m: { scan?: RangeResult; error?: string }): void => {
        const next = queue.shift();
        if (!next) return;
        if (m.scan) next.done(m.scan);
        else {
          this.broken.add(w);
          next.fail(new Error(m.error));
        }
      };
      const onError = (e: Error): void => {
        this.broken.add(w);
        for (const x of queue.splice(0)) x.fail(e);
      };
      w.on('message', onMessage).on('error', onError);
      this.detach.push(() => w.off('message', onMessage).off('error', onError));
      return queue;
    });
  }

  /** n threads for one ingest: idle ones of the same catalog first, new ones for the rest. */
  static acquire(n: number, tools: readonly ToolDefinition[], sieve: boolean): ScanPool {
    const key = poolKey(tools, sieve);
    let started = 0;
    const workers = Array.from({ length: n }, () => {
      const idleOne = takeIdle(key);
      if (idleOne) return idleOne;
      started++;
      return new Worker(SCAN_WORKER, { workerData: { tools, sieve } });
    });
    return new ScanPool(key, workers, started === 0);
  }

  /**
   * Sends thread i a range at once: it reads its ranges one after another, so a range sent
   * ahead waits there and the thread goes straight on to it, with no round trip in between.
   */
  run(i: number, job: RangeJob): Promise<RangeResult> {
    return new Promise((done, fail) => {
      this.waiting[i].push({ done, fail });
      this.workers[i].postMessage(job);
    });
  }

  /**
   * Gives the threads back once every job sent has been answered; a thread that failed, or any
   * thread when the ingest stopped part way (jobs may still run), is ended instead.
   */
  async release(complete: boolean): Promise<void> {
    for (const off of this.detach) off();
    const ending: Promise<number>[] = [];
    for (const w of this.workers) {
      if (complete && !this.broken.has(w)) putIdle(w, this.key);
      else ending.push(w.terminate());
    }
    await Promise.all(ending);
  }
}
