import { JobHandler } from '../jobs/job-handler.decorator';
import { JobName } from '../jobs/job-names';
import type { JobContext, JobProcessor } from '../jobs/job.types';
import type { ReportKind } from './model/report.types';
import { ReportsService } from './reports.service';

export interface ReportJobData {
  kind: ReportKind;
  organisation?: string;
}

export interface ReportJobResult {
  reportId: string;
  kind: ReportKind;
}

@JobHandler(JobName.Report)
export class ReportProcessor implements JobProcessor<ReportJobData, ReportJobResult> {
  constructor(private readonly reports: ReportsService) {}

  async handle(ctx: JobContext<ReportJobData>): Promise<ReportJobResult> {
    await ctx.progress(10);
    const snapshot = await this.reports.build(ctx.data.kind, {
      organisation: ctx.data.organisation,
      actor: ctx.actor,
      jobId: ctx.jobId,
    });
    await ctx.progress(100);
    return { reportId: snapshot.id, kind: snapshot.kind };
  }
}
