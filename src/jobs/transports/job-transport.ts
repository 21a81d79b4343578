import type { JobName, QueueName } from '../job-names';

/** How a queued job reaches a processor: Bull on Redis, or an in-process runner. */
export interface JobTransport {
  readonly kind: 'bull' | 'in-process';
  add(queue: QueueName, name: JobName, id: string, data: unknown): Promise<void>;
  /** begin taking jobs; only in a worker, or in the single process of the embedded default */
  startConsumers(): Promise<void>;
  /** reachable? (for /health/ready) */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** jobs waiting, running and waiting for a retry, per queue, when the transport keeps them */
  depth?(): Promise<{ queue: QueueName; waiting: number; active: number; delayed: number }[]>;
}

export const JOB_TRANSPORT = Symbol('JOB_TRANSPORT');
