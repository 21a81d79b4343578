import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobName } from '../../jobs/job-names';
import type { JobContext, JobProcessor } from '../../jobs/job.types';
import { connectorOf } from './connector-registry';
import { VendorSyncService, type SyncResult } from './vendor-sync.service';

export interface VendorSyncData {
  connector: string;
  /** set by the CLI only (the operator's own process); an HTTP request never chooses a URL */
  apiUrl?: string;
  /** the CLI's run: the credential comes from its own environment before any stored one */
  credentialFromEnv?: boolean;
}

@JobHandler(JobName.VendorSync)
export class VendorSyncProcessor implements JobProcessor<VendorSyncData, SyncResult> {
  constructor(private readonly vendors: VendorSyncService) {}

  handle(ctx: JobContext<VendorSyncData>): Promise<SyncResult> {
    // a credential never travels in job data; it is read where the job runs
    const credential = ctx.data.credentialFromEnv
      ? process.env[connectorOf(ctx.data.connector).credentialEnv]
      : undefined;
    return this.vendors.sync(
      ctx.data.connector,
      { apiUrl: ctx.data.apiUrl, credential: credential || undefined },
      ctx.actor,
      ctx.progress,
      ctx.jobId,
    );
  }
}
