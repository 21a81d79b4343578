import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobName } from '../../jobs/job-names';
import type { JobContext, JobProcessor } from '../../jobs/job.types';
import { RetentionService } from './retention.service';
import type { PartitionsResult } from './retention.types';

/** Makes next months' partitions of evidence and the network roll-ups before rows arrive. */
@JobHandler(JobName.MaintainPartitions)
export class PartitionsProcessor implements JobProcessor<unknown, PartitionsResult> {
  constructor(private readonly retention: RetentionService) {}

  async handle(ctx: JobContext<unknown>): Promise<PartitionsResult> {
    const result = await this.retention.ensurePartitions();
    await ctx.progress(100, {
      made: result.made.evidence.length + result.made.networkRollups.length,
    });
    return result;
  }
}
