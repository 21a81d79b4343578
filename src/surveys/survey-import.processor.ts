import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobName } from '../jobs/job-names';
import type { JobContext, JobProcessor } from '../jobs/job.types';
import { consumeSpooled } from '../jobs/spooled-inputs';
import { SurveyImportService, type ImportSummary } from './survey-import.service';
import type { PrivacyMode } from './survey.types';

export interface ImportSurveyExportData {
  /** the spooled upload */
  path: string;
  /** the name the client gave it, for messages */
  name: string;
  title?: string;
  privacyMode: PrivacyMode;
}

/** Another tool's survey export, uploaded as a file and imported into a new survey as a job. */
@JobHandler(JobName.ImportSurveyExport)
export class SurveyImportProcessor implements JobProcessor<ImportSurveyExportData, ImportSummary> {
  constructor(
    private readonly imports: SurveyImportService,
    private readonly config: AppConfig,
  ) {}

  handle(ctx: JobContext<ImportSurveyExportData>): Promise<ImportSummary> {
    const spooled = { paths: [ctx.data.path], spoolDir: join(this.config.dataDir, 'spool') };
    return consumeSpooled(ctx, spooled, async () => {
      const buffer = await readFile(ctx.data.path);
      await ctx.progress(10);
      // audited (survey.create, survey.import) as whoever uploaded the file
      const summary = await this.imports.importAsNewSurvey(
        buffer,
        { fileName: ctx.data.name, title: ctx.data.title, privacyMode: ctx.data.privacyMode },
        ctx.actor,
      );
      await ctx.progress(100, { responses: summary.responses, questions: summary.questions });
      return summary;
    });
  }
}
