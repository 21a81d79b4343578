import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobName } from '../../jobs/job-names';
import type { JobContext, JobProcessor } from '../../jobs/job.types';
import type { CorrelationResult } from './correlation.service';
import { CorrelationService } from './correlation.service';

export interface CorrelateJobData {
  /** ISO time to correlate "as of" (tests, replays); now when absent */
  now?: string;
}

@JobHandler(JobName.Correlate)
export class CorrelateProcessor implements JobProcessor<CorrelateJobData, CorrelationResult> {
  constructor(private readonly correlation: CorrelationService) {}

  async handle(ctx: JobContext<CorrelateJobData>): Promise<CorrelationResult> {
    const now = ctx.data?.now ? new Date(ctx.data.now) : new Date();
    const result = await this.correlation.correlate(
      now,
      (pct, counts) => ctx.progress(pct, counts),
      ctx.actor,
    );
    ctx.log(
      `correlated ${result.aggregates} subject-tool pairs: ${result.inserted} new, ${result.updated} changed`,
    );
    return result;
  }
}
