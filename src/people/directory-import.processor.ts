import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobName } from '../jobs/job-names';
import type { JobContext, JobProcessor } from '../jobs/job.types';
import { consumeSpooled } from '../jobs/spooled-inputs';
import { PeopleAdminService } from './people-admin.service';
import type { DirectoryImportResult } from './people.service';

export interface ImportDirectoryData {
  /** the spooled upload */
  path: string;
  /** the name the client gave it, for error messages */
  name: string;
}

/** A directory CSV uploaded as a file: imported as a job, with progress per batch of persons. */
@JobHandler(JobName.ImportDirectory)
export class DirectoryImportProcessor implements JobProcessor<
  ImportDirectoryData,
  DirectoryImportResult
> {
  constructor(
    private readonly admin: PeopleAdminService,
    private readonly config: AppConfig,
  ) {}

  handle(ctx: JobContext<ImportDirectoryData>): Promise<DirectoryImportResult> {
    const spooled = { paths: [ctx.data.path], spoolDir: join(this.config.dataDir, 'spool') };
    return consumeSpooled(ctx, spooled, async () => {
      const text = await readFile(ctx.data.path, 'utf8');
      // audited as the change of whoever uploaded the file, as the JSON route is
      return this.admin.importCsv(text, ctx.data.name, ctx.actor, {
        id: ctx.jobId,
        progress: ctx.progress,
      });
    });
  }
}
