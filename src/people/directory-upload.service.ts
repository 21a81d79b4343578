import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Actor } from '../auth/role';
import { AuditService } from '../auth/audit.service';
import { spoolUpload } from '../common/upload-spool';
import { AppConfig } from '../config/app-config';
import { JobName } from '../jobs/job-names';
import type { JobView } from '../jobs/job.types';
import { JobsService } from '../jobs/jobs.service';
import type { ImportDirectoryData } from './directory-import.processor';

/** The file is parsed in memory by its job: past this a directory is not a CSV one would upload. */
const DIRECTORY_MAX_BYTES = 256 << 20;

/** Receives a directory CSV as a file (no JSON body limit) and queues its import. */
@Injectable()
export class DirectoryUploadService {
  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  async receive(
    req: Readable & { headers: IncomingHttpHeaders },
    name: string | undefined,
    actor: Actor,
  ): Promise<{ job: JobView; file: string; bytes: number }> {
    const spooled = await spoolUpload(req, {
      dir: join(this.config.dataDir, 'spool', 'people'),
      maxBytes: Math.min(this.config.uploadMaxBytes, DIRECTORY_MAX_BYTES),
      name,
      defaultName: 'directory.csv',
    });
    const data: ImportDirectoryData = { path: spooled.path, name: spooled.name };
    const job = await this.jobs.enqueue(JobName.ImportDirectory, data, { actor });
    // The receipt; the import itself is audited by its job, as the uploader's.
    await this.audit.record({
      actor,
      action: 'directory-upload.create',
      targetType: 'job',
      targetId: job.id,
      detail: { file: spooled.name, bytes: spooled.bytes },
    });
    return { job, file: spooled.name, bytes: spooled.bytes };
  }
}
