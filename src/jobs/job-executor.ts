import { Injectable, Logger } from '@nestjs/common';
import * as os from 'node:os';
import { SYSTEM_ACTOR } from '../auth/role';
import { DomainError, ErrorCode } from '../common/domain-error';
import { jobDurationSeconds } from '../common/metrics';
import { JobRegistry } from './job-registry';
import { JobName } from './job-names';
import { JobRepository } from './job.repository';
import type { JobContext, JobCounts, ProgressCallback } from './job.types';
import { ProgressWriter } from './progress-writer';

export const WORKER_ID = `${os.hostname()}:${process.pid}`;

const PROGRESS_WRITE_INTERVAL_MS = 250;

export interface ExecuteOptions {
  /** true when no retry follows a failure of this try */
  lastAttempt: boolean;
  onProgress?: ProgressCallback;
}

export class UnrecoverableJobError extends Error {}

/** Runs one try of a job: the single code path behind both transports. */
@Injectable()
export class JobExecutor {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly registry: JobRegistry,
    private readonly jobs: JobRepository,
  ) {}

  async execute(id: string, name: JobName, data: unknown, opts: ExecuteOptions): Promise<unknown> {
    const { attempt, actor } = await this.jobs.start(id, WORKER_ID);
    let lastWrite = 0;
    let lastPercent = -1;
    const writer = new ProgressWriter(
      (p, counts = {}) => this.jobs.progress(id, p, counts),
      (e) => this.logger.warn(`[${name} ${id}] progress not saved: ${(e as Error).message}`),
    );
    const ctx: JobContext<unknown> = {
      jobId: id,
      name,
      data,
      attempt,
      lastAttempt: opts.lastAttempt,
      actor: actor ?? SYSTEM_ACTOR,
      // Never waits for the database: see ProgressWriter.
      progress: async (percent: number, counts: JobCounts = {}) => {
        const p = Math.max(0, Math.min(100, Math.floor(percent)));
        await opts.onProgress?.(p, counts);
        const now = Date.now();
        if (p === lastPercent && now - lastWrite < PROGRESS_WRITE_INTERVAL_MS * 4) return;
        if (now - lastWrite < PROGRESS_WRITE_INTERVAL_MS && p < 100) return;
        lastWrite = now;
        lastPercent = p;
        writer.push(p, counts);
      },
      log: (message: string) => this.logger.log(`[${name} ${id}] ${message}`),
    };
    const timer = jobDurationSeconds.startTimer({ job: name });
    try {
      for (const p of this.registry.preparers()) await p.beforeJob();
      const result = await this.registry
        .get(name)
        .handle(ctx)
        .finally(() => writer.flush());
      await this.jobs.complete(id, result);
      timer({ outcome: 'completed' });
      return result;
    } catch (error) {
      const unrecoverable = isUnrecoverable(error);
      const message = error instanceof Error ? error.message : String(error);
      timer({ outcome: 'failed' });
      await this.jobs.fail(id, message, opts.lastAttempt || unrecoverable);
      this.logger.warn(`[${name} ${id}] try ${attempt} failed: ${message}`);
      throw unrecoverable && !(error instanceof UnrecoverableJobError)
        ? new UnrecoverableJobError(message)
        : error;
    }
  }
}

/** Bad input will not get better on a retry. */
export function isUnrecoverable(error: unknown): boolean {
  if (error instanceof UnrecoverableJobError) return true;
  return (
    error instanceof DomainError &&
    [ErrorCode.InvalidInput, ErrorCode.NotFound, ErrorCode.TooLarge, ErrorCode.Forbidden].includes(
      error.code,
    )
  );
}
