import { Body, Controller, Get, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { open, readFile } from 'node:fs/promises';
import { DomainError, ErrorCode } from '../../../common/domain-error';
import { JobName } from '../../../jobs/job-names';
import { JobsService } from '../../../jobs/jobs.service';
import { previewDirectoryCsv } from '../../../people/directory-csv.parser';
import { DirectoryUploadService } from '../../../people/directory-upload.service';
import { LogUploadService } from '../../../signals/network/log-upload.service';
import { NetworkUsageService } from '../../../signals/network/network-usage.service';
import { ReposService } from '../../../signals/repos/repos.service';
import type { ImportSurveyExportData } from '../../../surveys/survey-import.processor';
import { SurveyImportService } from '../../../surveys/survey-import.service';
import { PRIVACY_MODES } from '../../../surveys/survey.types';
import { ConsolePage } from '../../console/console.decorators';
import { CONSOLE_ROLES } from '../../console/nav';
import { page, redirectTo, SignedIn } from '../../console/page';
import type { ConsoleSessionContext } from '../../session/console-session.service';
import { enumLabel, type CoeFieldError, type CoeFormBody } from '../coe-form';
import { CoeUploads } from '../coe-uploads';
import {
  directoryPreviewView,
  parseScanForm,
  parseSurveyImportConfirm,
  surveyImportPreviewView,
} from './sources.view';

/** What a job started from this page is called on its progress bar. */
const JOB_LABELS = {
  scan: 'Scanning',
  logs: 'Reading the log file',
  directory: 'Importing the directory',
  survey: 'Importing the survey export',
} as const;
type SourceJobKind = keyof typeof JOB_LABELS;

const JOB_ID = /^[\w.:-]{1,200}$/;
/** Enough of a directory CSV to read its header row. */
const HEADER_BYTES = 64 * 1024;

/** /sources: scans, network logs, the directory and other tools' survey exports, each as a job. */
@Controller('sources')
export class SourcesPagesController {
  constructor(
    private readonly repos: ReposService,
    private readonly logs: LogUploadService,
    private readonly network: NetworkUsageService,
    private readonly directory: DirectoryUploadService,
    private readonly surveyImports: SurveyImportService,
    private readonly uploads: CoeUploads,
    private readonly jobs: JobsService,
  ) {}

  @Get()
  @ConsolePage(...CONSOLE_ROLES.sources)
  async overview(@Query('job') job?: string, @Query('what') what?: string) {
    const kind = (Object.keys(JOB_LABELS) as SourceJobKind[]).find((k) => k === what);
    return this.overviewPage({
      job: typeof job === 'string' && JOB_ID.test(job) && kind ? { id: job, kind } : undefined,
    });
  }

  @Post('scans')
  @ConsolePage(...CONSOLE_ROLES.sources)
  async scan(@Body() body: CoeFormBody, @SignedIn() session: ConsoleSessionContext) {
    const { request, errors } = parseScanForm(body);
    if (!request) return this.overviewPage({ errors }, 400);
    try {
      const job = await this.repos.queueScan(request, session.actor);
      return this.jobStarted(job.id, 'scan', 'Scan queued.');
    } catch (error) {
      // a path outside LOCAL_SCAN_ROOTS answers one and the same 403, said on the form
      if (error instanceof DomainError)
        return this.overviewPage({ errors: [{ field: 'path', message: error.message }] }, 400);
      throw error;
    }
  }

  /** A network log as multipart field `file` (CSRF in `?_csrf=`): queued as an ingest job. */
  @Post('logs')
  @ConsolePage(...CONSOLE_ROLES.sources)
  async uploadLogs(@Req() req: Request, @SignedIn() session: ConsoleSessionContext) {
    const receipt = await this.logs.receive(req, {}, session.actor);
    return this.jobStarted(
      receipt.job.id,
      'logs',
      `${receipt.file} (${receipt.bytes} bytes) received; the format is detected from its first lines.`,
    );
  }

  @Post('directory/preview')
  @ConsolePage(...CONSOLE_ROLES.sources)
  async previewDirectory(@Req() req: Request) {
    const file = await this.uploads.keep(req, 'directory.csv', (dir) =>
      this.directory.spool(req, undefined, dir),
    );
    const preview = previewDirectoryCsv(await head(file.path, HEADER_BYTES), file.name);
    if (preview.error) await this.uploads.discard(file.path);
    return page('coe/sources/directory-preview', 'Directory import: preview', {
      file: { uploadId: file.uploadId, name: file.name, bytes: file.bytes },
      view: directoryPreviewView(preview),
    });
  }

  @Post('directory/import')
  @ConsolePage(...CONSOLE_ROLES.sources)
  async importDirectory(@Body() body: CoeFormBody, @SignedIn() session: ConsoleSessionContext) {
    const file = await this.uploads.find(typeof body.upload === 'string' ? body.upload : '');
    const { job } = await this.directory.queue(file, session.actor);
    return this.jobStarted(job.id, 'directory', `Importing ${file.name}.`);
  }

  @Post('survey-export/preview')
  @ConsolePage(...CONSOLE_ROLES.sources)
  async previewSurveyExport(@Req() req: Request) {
    const file = await this.uploads.keep(req, 'survey-export.csv');
    try {
      const plan = await this.surveyImports.plan(await readFile(file.path), {
        fileName: file.name,
      });
      return page('coe/sources/survey-export-preview', 'Survey export: preview', {
        file: { uploadId: file.uploadId, name: file.name, bytes: file.bytes },
        view: surveyImportPreviewView(plan),
        privacyModes: PRIVACY_MODES.map((m) => ({
          value: m,
          label: enumLabel(m),
          checked: m === 'pseudonymous',
        })),
      });
    } catch (error) {
      await this.uploads.discard(file.path);
      if (error instanceof DomainError && error.code === ErrorCode.InvalidInput)
        return this.overviewPage(
          { errors: [{ field: 'survey-export', message: error.message }] },
          400,
        );
      throw error;
    }
  }

  @Post('survey-export/import')
  @ConsolePage(...CONSOLE_ROLES.sources)
  async importSurveyExport(@Body() body: CoeFormBody, @SignedIn() session: ConsoleSessionContext) {
    const { request, errors } = parseSurveyImportConfirm(body);
    if (!request) return this.overviewPage({ errors }, 400);
    const file = await this.uploads.find(request.uploadId);
    const data: ImportSurveyExportData = {
      path: file.path,
      name: file.name,
      title: request.title || undefined,
      privacyMode: request.privacyMode,
    };
    // the job removes the file once it is read; the survey it creates is listed on /surveys
    const job = await this.jobs.enqueue(JobName.ImportSurveyExport, data, {
      actor: session.actor,
    });
    return this.jobStarted(job.id, 'survey', `Importing ${file.name} as a new survey.`);
  }

  private jobStarted(jobId: string, kind: SourceJobKind, flash: string) {
    return redirectTo(`/sources?job=${encodeURIComponent(jobId)}&what=${kind}`, flash);
  }

  private async overviewPage(
    extra: { job?: { id: string; kind: SourceJobKind }; errors?: CoeFieldError[] },
    status?: number,
  ) {
    const [scans, ingests] = await Promise.all([
      this.repos.listScans(10),
      this.network.ingests(10, 0),
    ]);
    return page(
      'coe/sources/sources',
      'Sources',
      {
        job: extra.job
          ? {
              id: extra.job.id,
              label: JOB_LABELS[extra.job.kind],
              done: extra.job.kind === 'survey' ? '/surveys' : '/sources',
            }
          : null,
        errors: extra.errors ?? [],
        scans: scans.map((s) => ({
          source: s.source === 'github' ? 'GitHub' : 'Local',
          target: s.target,
          state: enumLabel(s.state),
          repositories: s.repositories,
          traces: s.traces,
          startedAt: s.startedAt,
          error: s.error,
        })),
        ingests: ingests.ingests.map((i) => ({
          file: i.file,
          format: i.format,
          status: enumLabel(String(i.status)),
          lines: i.lines,
          parsed: i.parsed,
          malformed: i.malformed,
        })),
      },
      status,
    );
  }
}

/** The first bytes of a file as text: a header row, without reading a large file whole. */
async function head(path: string, bytes: number): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}
