import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobName } from '../../jobs/job-names';
import type { JobContext, JobProcessor } from '../../jobs/job.types';
import {
  GithubScanService,
  type ScanGithubData,
  type ScanGithubResult,
} from './github-scan.service';

/** Scans a GitHub organisation or user; repositories not pushed since the last scan are skipped. */
@JobHandler(JobName.ScanGithub)
export class ScanGithubProcessor implements JobProcessor<ScanGithubData, ScanGithubResult> {
  constructor(private readonly scans: GithubScanService) {}

  handle(ctx: JobContext<ScanGithubData>): Promise<ScanGithubResult> {
    return this.scans.scan(
      ctx.data,
      ctx.actor,
      (pct, counts) => ctx.progress(pct, counts),
      ctx.jobId,
    );
  }
}
