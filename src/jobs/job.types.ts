import type { Actor } from '../auth/role';
import type { JobName, QueueName } from './job-names';

export type JobState = 'queued' | 'running' | 'completed' | 'failed';

export type JobCounts = Record<string, number>;

export interface JobContext<TData> {
  jobId: string;
  name: JobName;
  data: TData;
  /** 1 on the first try */
  attempt: number;
  /** who asked for the job; the services it calls audit their changes as this actor */
  actor: Actor;
  /** cheap to call often */
  progress: (percent: number, counts?: JobCounts) => Promise<void>;
  log(message: string): void;
}

export interface JobProcessor<TData = unknown, TResult = unknown> {
  handle(ctx: JobContext<TData>): Promise<TResult>;
}

export interface JobView {
  id: string;
  queue: QueueName;
  name: JobName;
  state: JobState;
  progress: number;
  counts: JobCounts;
  result: unknown;
  error: string | null;
  attempts: number;
  worker: string | null;
  createdBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/**
 * The one progress callback of the codebase: percent 0..100 and counts of what is done (lines,
 * files, repositories …). Jobs, services, scanners and the CLI's progress bar all speak it.
 */
export type ProgressCallback = (percent: number, counts?: JobCounts) => void | Promise<void>;
