import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import { JobName } from '../../jobs/job-names';
import { JobsService } from '../../jobs/jobs.service';
import {
  REPORT_FORMATS,
  REPORT_KINDS,
  type BaselineModel,
  type ReportFormat,
  type ReportKind,
} from '../../reports/model/report.types';
import { chartsFor } from '../../reports/render/chart-defs';
import { kindsFor, REPORT_FORMATS_BY_KIND } from '../../reports/report-access';
import { ReportsService } from '../../reports/reports.service';
import { ConsolePage } from '../console/console.decorators';
import { CONSOLE_ROLES } from '../console/nav';
import { page, redirectTo, SignedIn } from '../console/page';
import type { ConsoleSessionContext } from '../session/console-session.service';
import { baselineDashboard } from './baseline-dashboard';

export class BuildReportForm {
  @IsIn(REPORT_KINDS) kind: ReportKind;
}

export class ReportsPageQuery {
  @IsOptional() @IsString() @MaxLength(200) job?: string;
}

export class DownloadForm {
  @IsIn(REPORT_FORMATS) format: ReportFormat;
}

const CHART_TITLES: Record<string, string> = {
  'chart-tools': 'People per tool: observed and self-reported',
  'chart-tiers': 'Shadow AI findings by risk tier',
  'chart-teams': 'Adoption by team (% of headcount)',
};

/**
 * The leaders' dashboard (the latest baseline, aggregate only: k-suppressed as in the report) and
 * the report list with downloads. Everything here is what ReportsService lets the role read.
 */
@Controller()
export class ReportPagesController {
  constructor(
    private readonly reports: ReportsService,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ConsolePage(...CONSOLE_ROLES.dashboard)
  async dashboard(@SignedIn() session: ConsoleSessionContext) {
    const latest = (await this.reports.list(session.actor, 50)).find((r) => r.kind === 'baseline');
    if (!latest) return page('reports/dashboard', 'Dashboard', { baseline: null });
    const snapshot = await this.reports.get(latest.id, session.actor);
    const model = snapshot.model as BaselineModel;
    return page('reports/dashboard', 'Dashboard', {
      baseline: baselineDashboard(model),
      reportId: snapshot.id,
      createdAt: snapshot.createdAt,
      formats: REPORT_FORMATS_BY_KIND.baseline,
      charts: chartsFor(model).map((c) => ({
        id: c.id,
        title: CHART_TITLES[c.id] ?? c.id,
        def: { type: c.type, data: c.data, options: c.options ?? {} },
      })),
      scripts: ['chart.umd.min.js', 'charts.mjs'],
    });
  }

  @Get('reports')
  @ConsolePage(...CONSOLE_ROLES.reports)
  async list(@Query() q: ReportsPageQuery, @SignedIn() session: ConsoleSessionContext) {
    const rows = await this.reports.list(session.actor, 100);
    return page('reports/reports-list', 'Reports', {
      reports: rows.map((r) => ({ ...r, formats: REPORT_FORMATS_BY_KIND[r.kind] })),
      kinds: kindsFor(session.actor.role),
      job: q.job,
    });
  }

  /** Queues a report build (a job); the list page follows it with a progress bar. */
  @Post('reports')
  @ConsolePage(...CONSOLE_ROLES.reports)
  async build(@Body() form: BuildReportForm, @SignedIn() session: ConsoleSessionContext) {
    if (!kindsFor(session.actor.role).includes(form.kind))
      throw new DomainError(
        ErrorCode.Forbidden,
        `The ${session.actor.role} role may not build the ${form.kind} report.`,
      );
    const job = await this.jobs.enqueue(
      JobName.Report,
      { kind: form.kind, organisation: this.config.organisationName },
      { actor: session.actor },
    );
    return redirectTo(
      `/reports?job=${encodeURIComponent(job.id)}`,
      `Building the ${form.kind} report.`,
    );
  }

  @Get('reports/:id/download')
  @ConsolePage(...CONSOLE_ROLES.reports)
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: DownloadForm,
    @SignedIn() session: ConsoleSessionContext,
    @Res() res: Response,
  ): Promise<void> {
    const r = await this.reports.download(id, q.format, session.actor);
    res.setHeader('Content-Type', r.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${r.filename}"`);
    res.send(r.body);
  }
}
