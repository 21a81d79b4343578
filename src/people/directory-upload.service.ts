import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Actor } from '../auth/role';
import { AuditService } from '../auth/audit.service';
import { spoolUpload, type SpooledFile } from '../common/upload-spool';
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
    return this.queue(
      await this.spool(req, name, join(this.config.dataDir, 'spool', 'people')),
      actor,
    );
  }

  /** Streams a directory upload to `dir` (under the data directory's spool), size-checked. */
  spool(
    req: Readable & { headers: IncomingHttpHeaders },
    name: string | undefined,
    dir: string,
  ): Promise<SpooledFile> {
    return spoolUpload(req, {
      dir,
      maxBytes: Math.min(this.config.uploadMaxBytes, DIRECTORY_MAX_BYTES),
      name,
      defaultName: 'directory.csv',
    });
  }

  /** Queues the import of a spooled directory file (the job removes the file when done). */
  async queue(
    spooled: Pick<SpooledFile, 'path' | 'name' | 'bytes'>,
    actor: Actor,
  ): Promise<{ job: JobView; file: string; bytes: number }> {
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
