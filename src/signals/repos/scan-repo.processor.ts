import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobName } from '../../jobs/job-names';
import type { JobContext, JobProcessor } from '../../jobs/job.types';
import { LocalScanService, type ScanRepoData, type ScanRepoResult } from './local-scan.service';

/** Scans a local checkout; a later run reads only the commits since the stored one. */
@JobHandler(JobName.ScanRepo)
export class ScanRepoProcessor implements JobProcessor<ScanRepoData, ScanRepoResult> {
  constructor(private readonly scans: LocalScanService) {}

  handle(ctx: JobContext<ScanRepoData>): Promise<ScanRepoResult> {
    return this.scans.scan(
      ctx.data,
      ctx.actor,
      (pct, counts) => ctx.progress(pct, counts),
      ctx.jobId,
    );
  }
}
