// Streams an upload to the spool folder under a size limit, then queues its ingest job.
import { Injectable } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../../auth/role';
import { AuditService } from '../../auth/audit.service';
import { AppConfig } from '../../config/app-config';
import { spoolUpload } from '../../common/upload-spool';
import { JobName } from '../../jobs/job-names';
import type { JobView } from '../../jobs/job.types';
import { JobsService } from '../../jobs/jobs.service';
import type { IngestLogsData } from './ingest-logs.processor';
import type { NetworkFormat } from './network.types';

export interface UploadReceipt {
  job: JobView;
  file: string;
  bytes: number;
  fingerprint: string;
}

/** A deterministic job id: one file, one ingest job, however often it is submitted. */
export function ingestJobId(fingerprint: string): string {
  return `ingest-logs-${fingerprint.replace(/[^a-z0-9]+/gi, '-')}`;
}

@Injectable()
export class LogUploadService {
  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  get spoolDir(): string {
    return join(this.config.dataDir, 'spool', 'network');
  }

  async receive(
    req: Readable & { headers: IncomingHttpHeaders },
    opts: { format?: string; zone?: string; name?: string },
    actor: Actor,
  ): Promise<UploadReceipt> {
    const spooled = await spoolUpload(req, {
      dir: this.spoolDir,
      maxBytes: this.config.uploadMaxBytes,
      name: opts.name,
      defaultName: 'upload.log',
    });
    // the content's hash, computed while spooling: the same log under any name is one ingest
    const fingerprint = spooled.sha256;
    const data: IngestLogsData = {
      files: [{ path: spooled.path, name: spooled.name, fingerprint }],
      format: (opts.format ?? 'auto') as NetworkFormat | 'auto',
      zone: opts.zone,
    };
    const jobId = ingestJobId(fingerprint);
    const before = await this.jobs.get(jobId).catch(() => undefined);
    const job = await this.jobs.enqueue(JobName.IngestLogs, data, { jobId, actor });
    // the same content was queued before and that job (with its own copy) stands
    if (before && before.state !== 'failed') await rm(spooled.path, { force: true });
    await this.audit.record({
      actor,
      action: 'network-upload.create',
      targetType: 'job',
      targetId: job.id,
      detail: { file: spooled.name, bytes: spooled.bytes, fingerprint },
    });
    return { job, file: spooled.name, bytes: spooled.bytes, fingerprint };
  }
}
