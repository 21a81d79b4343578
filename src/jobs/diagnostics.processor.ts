import { DataSource } from 'typeorm';
import { WORKER_ID } from './job-executor';
import { JobHandler } from './job-handler.decorator';
import { JobName } from './job-names';
import type { JobContext, JobProcessor } from './job.types';

export interface DiagnosticsData {
  steps: number;
  stepMs: number;
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
    const { steps, stepMs } = ctx.data;
    let trips = 0;
    for (let i = 1; i <= steps; i++) {
      await this.dataSource.query('SELECT 1');
      trips++;
      if (stepMs > 0) await new Promise((r) => setTimeout(r, stepMs));
      await ctx.progress((i / steps) * 100, { steps: i, of: steps });
    }
    return { steps, worker: WORKER_ID, databaseRoundTrips: trips };
  }
}
