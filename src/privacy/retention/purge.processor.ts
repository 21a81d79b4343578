import { AuditService } from '../../auth/audit.service';
import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobName } from '../../jobs/job-names';
import type { JobContext, JobProcessor } from '../../jobs/job.types';
import { RetentionService } from './retention.service';
import type { PurgeData, PurgeResult } from './retention.types';

/** The purge as a job (scheduled daily, or `ai-census purge`): progress per data kind, counts as result. */
@JobHandler(JobName.Purge)
export class PurgeProcessor implements JobProcessor<PurgeData, PurgeResult> {
  constructor(
    private readonly retention: RetentionService,
    private readonly audit: AuditService,
  ) {}

  async handle(ctx: JobContext<PurgeData>): Promise<PurgeResult> {
    const dryRun = ctx.data.dryRun === true;
    const result = await this.retention.purge(dryRun, (done, of) =>
      ctx.progress((done / of) * 100, { kinds: done }),
    );
    if (!dryRun) {
      await this.audit.record({
        actor: ctx.actor,
        action: 'retention.purge',
        targetType: 'retention',
        targetId: ctx.jobId,
        detail: {
          ...Object.fromEntries(
            Object.entries(result.kinds).map(([k, v]) => [
              k,
              { rows: v.rows, partitions: v.partitionsDropped.length },
            ]),
          ),
          surveys: {
            surveys: result.kinds.surveys.surveys,
            responses: result.kinds.surveys.responses,
            invitations: result.kinds.surveys.invitations,
            drafts: result.kinds.surveys.drafts,
          },
        },
      });
    }
    return result;
  }
}
