import { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/domain-error';
import { WORKER_ID } from './job-executor';
import { JobHandler } from './job-handler.decorator';
import { JobName } from './job-names';
import type { JobContext, JobProcessor } from './job.types';

export interface DiagnosticsData {
  steps: number;
  stepMs: number;
  /** to check the failure path end to end: fail at this step, as bad input or as a passing fault */
  failAtStep?: number;
  failure?: 'invalid-input' | 'transient';
  /** run every step inside one transaction, as correlation does: progress must still flow */
  inTransaction?: boolean;
}

export interface DiagnosticsResult {
  steps: number;
  worker: string;
  databaseRoundTrips: number;
}

/** A self-test an operator queues to prove that workers take jobs, reach the database and report progress. */
@JobHandler(JobName.Diagnostics)
export class DiagnosticsProcessor implements JobProcessor<DiagnosticsData, DiagnosticsResult> {
  constructor(private readonly dataSource: DataSource) {}

  async handle(ctx: JobContext<DiagnosticsData>): Promise<DiagnosticsResult> {
    return ctx.data.inTransaction
      ? this.dataSource.transaction((m) => this.steps(ctx, m))
      : this.steps(ctx, this.dataSource.manager);
  }

  private async steps(
    ctx: JobContext<DiagnosticsData>,
    db: EntityManager,
  ): Promise<DiagnosticsResult> {
    const { steps, stepMs } = ctx.data;
    let trips = 0;
    for (let i = 1; i <= steps; i++) {
      if (ctx.data.failAtStep === i) {
        if (ctx.data.failure === 'invalid-input') {
          throw new DomainError(
            ErrorCode.InvalidInput,
            `diagnostics: asked to fail at step ${i} as bad input`,
          );
        }
        throw new Error(`diagnostics: asked to fail at step ${i} (try ${ctx.attempt})`);
      }
      await db.query('SELECT 1');
      trips++;
      if (stepMs > 0) await new Promise((r) => setTimeout(r, stepMs));
      await ctx.progress((i / steps) * 100, { steps: i, of: steps });
    }
    return { steps, worker: WORKER_ID, databaseRoundTrips: trips };
  }
}
