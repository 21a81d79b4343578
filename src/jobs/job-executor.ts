import { Injectable, Logger } from '@nestjs/common';
import * as os from 'node:os';
import { SYSTEM_ACTOR } from '../auth/role';
import { DomainError, ErrorCode } from '../common/domain-error';
import { JobRegistry } from './job-registry';
import { JobName } from './job-names';
import { JobRepository } from './job.repository';
import type { JobContext, JobCounts, ProgressCallback } from './job.types';

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
    const ctx: JobContext<unknown> = {
      jobId: id,
      name,
      data,
      attempt,
      actor: actor ?? SYSTEM_ACTOR,
      progress: async (percent: number, counts: JobCounts = {}) => {
        const p = Math.max(0, Math.min(100, Math.floor(percent)));
        await opts.onProgress?.(p, counts);
        const now = Date.now();
        if (p === lastPercent && now - lastWrite < PROGRESS_WRITE_INTERVAL_MS * 4) return;
        if (now - lastWrite < PROGRESS_WRITE_INTERVAL_MS && p < 100) return;
        lastWrite = now;
        lastPercent = p;
        await this.jobs.progress(id, p, counts);
      },
      log: (message: string) => this.logger.log(`[${name} ${id}] ${message}`),
    };
    try {
      for (const p of this.registry.preparers()) await p.beforeJob();
      const result = await this.registry.get(name).handle(ctx);
      await this.jobs.complete(id, result);
      return result;
    } catch (error) {
      const unrecoverable = isUnrecoverable(error);
      const message = error instanceof Error ? error.message : String(error);
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
