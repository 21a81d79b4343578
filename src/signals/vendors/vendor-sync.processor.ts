import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobName } from '../../jobs/job-names';
import type { JobContext, JobProcessor } from '../../jobs/job.types';
import { connectorOf, credentialFromEnv } from './connector-registry';
import { VendorImportService } from './vendor-import.service';
import { VendorSyncService, type SyncResult } from './vendor-sync.service';

export interface VendorSyncData {
  connector: string;
  /** set by the CLI only (the operator's own process); an HTTP request never chooses a URL */
  apiUrl?: string;
  /** the CLI's run: the credential comes from its own environment before any stored one */
  credentialFromEnv?: boolean;
  /** the GitHub organisation (github-copilot), else GITHUB_ORG where the job runs */
  org?: string;
  /** an export file to import instead of calling the API (the CLI's --file, an absolute path) */
  file?: string;
  /** amazon-q with --file: a `userid,email` CSV mapping IAM Identity Center ids (absolute path) */
  userMap?: string;
}

@JobHandler(JobName.VendorSync)
export class VendorSyncProcessor implements JobProcessor<VendorSyncData, SyncResult> {
  constructor(
    private readonly vendors: VendorSyncService,
    private readonly imports: VendorImportService,
  ) {}

  handle(ctx: JobContext<VendorSyncData>): Promise<SyncResult> {
    if (ctx.data.file)
      return this.imports.importFile(
        ctx.data.connector,
        ctx.data.file,
        ctx.actor,
        ctx.progress,
        ctx.jobId,
        undefined,
        ctx.data.userMap,
      );
    // a credential never travels in job data; it is read where the job runs
    const credential = ctx.data.credentialFromEnv
      ? credentialFromEnv(connectorOf(ctx.data.connector))
      : undefined;
    return this.vendors.sync(
      ctx.data.connector,
      { apiUrl: ctx.data.apiUrl, credential: credential || undefined, org: ctx.data.org },
      ctx.actor,
      ctx.progress,
      ctx.jobId,
    );
  }
}
