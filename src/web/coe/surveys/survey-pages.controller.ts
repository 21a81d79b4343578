import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CatalogService } from '../../../catalog/catalog.service';
import { DomainError, ErrorCode } from '../../../common/domain-error';
import { AppConfig } from '../../../config/app-config';
import { PeopleService } from '../../../people/people.service';
import { SurveyLinkDeliveryService } from '../../../surveys/survey-link-delivery.service';
import { SurveyQuestionsService } from '../../../surveys/survey-questions.service';
import { SurveyResultsService } from '../../../surveys/survey-results.service';
import { SurveysService } from '../../../surveys/surveys.service';
import { SurveyWavesService, type SurveyWave } from '../../../surveys/waves/survey-waves.service';
import { ConsolePage } from '../../console/console.decorators';
import { CONSOLE_ROLES } from '../../console/nav';
import { page, redirectTo, SignedIn } from '../../console/page';
import type { ConsoleSessionContext } from '../../session/console-session.service';
import { enumLabel, type CoeFieldError, type CoeFormBody } from '../coe-form';
import {
  parseInviteForm,
  parseSurveyCreateForm,
  surveyCreateFormView,
  surveyResultsView,
} from './survey-pages.view';
import { benchmarksView, waveChangeView } from './survey-waves.view';
import { questionListView } from './question-editor.view';
import { EDITOR_KINDS } from './question-editor-form';

const JOB_ID = /^[\w.:-]{1,200}$/;

/** /surveys: create from the inventory template, invite and remind, follow answers and results. */
@Controller('surveys')
export class SurveyPagesController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly delivery: SurveyLinkDeliveryService,
    private readonly results: SurveyResultsService,
    private readonly waves: SurveyWavesService,
    private readonly questions: SurveyQuestionsService,
    private readonly people: PeopleService,
    private readonly catalog: CatalogService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async list() {
    return this.listPage(surveyCreateFormView(this.surveys.defaultK()));
  }

  @Post()
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async create(@Body() body: CoeFormBody, @SignedIn() session: ConsoleSessionContext) {
    const { input, errors } = parseSurveyCreateForm(body, this.surveys.defaultK());
    if (!input)
      return this.listPage(surveyCreateFormView(this.surveys.defaultK(), body, errors), 400);
    const survey = await this.surveys.createSurvey(input, session.actor);
    return redirectTo(
      `/surveys/${survey.id}`,
      `Survey "${survey.title}" created (${survey.privacyMode}, k = ${survey.k}) with ${survey.questions.length} questions.`,
    );
  }

  @Get(':id')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async detail(@Param('id', new ParseUUIDPipe()) id: string, @Query('job') job?: string) {
    return this.detailPage(id, { job: typeof job === 'string' && JOB_ID.test(job) ? job : null });
  }

  /** Links as a mail-merge CSV download, or (e-mail) the send job, followed on the survey page. */
  @Post(':id/invitations')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async invite(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CoeFormBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    const { request, errors } = parseInviteForm(body, { reminder: false });
    if (!request) return this.detailPage(id, { errors }, 400);
    return this.deliver(id, res, () =>
      this.delivery.invite(id, request, originOf(req), session.actor),
    );
  }

  @Post(':id/reminders')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async remind(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CoeFormBody,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    const { request, errors } = parseInviteForm(body, { reminder: true });
    if (!request) return this.detailPage(id, { errors }, 400);
    return this.deliver(id, res, () =>
      this.delivery.remind(id, request, originOf(req), session.actor),
    );
  }

  /** The shared link of an anonymous survey, shown once (issuing again replaces it). */
  @Post(':id/open-link')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async openLink(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: Request,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    const link = await this.delivery.openLink(id, originOf(req), session.actor);
    return this.detailPage(id, { openLink: link.url });
  }

  /** Re-runs the survey as a new wave (same questions, privacy and k) and opens it. */
  @Post(':id/waves')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async newWave(
    @Param('id', new ParseUUIDPipe()) id: string,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    const created = await this.waves.newWave(id, {}, session.actor);
    return redirectTo(
      `/surveys/${created.id}`,
      `Wave ${created.wave} created with the same ${created.questions.length} questions: invite people to answer it.`,
    );
  }

  @Post(':id/close')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async close(
    @Param('id', new ParseUUIDPipe()) id: string,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    await this.surveys.close(id, session.actor);
    return redirectTo(`/surveys/${id}`, 'Survey closed: its links no longer take answers.');
  }

  /** Each wave's export links, once it has the k answers the export needs. */
  private async exportsOf(
    waves: SurveyWave[],
    survey: { id: string; k: number; responses: number },
  ) {
    return Promise.all(
      waves.map(async (w) => {
        const of = w.id === survey.id ? survey : await this.surveys.getSurvey(w.id);
        return { id: w.id, wave: w.wave, current: w.id === survey.id, ready: of.responses >= of.k };
      }),
    );
  }

  private async deliver(
    id: string,
    res: Response,
    run: () => ReturnType<SurveyLinkDeliveryService['invite']>,
  ) {
    let delivery: Awaited<ReturnType<typeof run>>;
    try {
      delivery = await run();
    } catch (error) {
      // no one left to remind, no SMTP, a closed survey: say it on the page
      if (error instanceof DomainError && error.code !== ErrorCode.Forbidden)
        return this.detailPage(
          id,
          { errors: [{ field: 'delivery', message: error.message }] },
          400,
        );
      throw error;
    }
    if ('sent' in delivery)
      return redirectTo(
        `/surveys/${id}?job=${encodeURIComponent(delivery.sent.id)}`,
        'The e-mails are being sent.',
      );
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="survey-${id}-links.csv"`);
    return delivery.issued.csv;
  }

  private async listPage(form: ReturnType<typeof surveyCreateFormView>, status?: number) {
    const surveys = await this.surveys.listSurveys();
    return page(
      'coe/surveys/survey-list',
      'Surveys',
      {
        form,
        surveys: surveys.map((s) => ({
          id: s.id,
          title: s.title,
          privacyMode: enumLabel(s.privacyMode),
          k: s.k,
          status: enumLabel(s.status),
          source: s.source === 'import' ? `import (${s.importFormat ?? 'file'})` : 'form',
          createdAt: s.createdAt,
        })),
      },
      status,
    );
  }

  private async detailPage(
    id: string,
    extra: { job?: string | null; errors?: CoeFieldError[]; openLink?: string },
    status?: number,
  ) {
    const [survey, results, teams, waves, locked] = await Promise.all([
      this.surveys.getSurvey(id),
      this.results.results(id),
      this.people.listTeams(),
      this.waves.waves(id),
      this.questions.lockedBecause(id),
    ]);
    const names = new Map(this.catalog.tools().map((t) => [t.id, t.name]));
    const view = surveyResultsView(results, (toolId) => names.get(toolId) ?? toolId);
    return page(
      'coe/surveys/survey-detail',
      survey.title,
      {
        survey: {
          id: survey.id,
          title: survey.title,
          description: survey.description,
          privacyMode: survey.privacyMode,
          privacyLabel: enumLabel(survey.privacyMode),
          k: survey.k,
          status: survey.status,
          statusLabel: enumLabel(survey.status),
          open: survey.status === 'open',
          anonymous: survey.privacyMode === 'anonymous',
          questions: survey.questions.length,
          wave: survey.wave,
        },
        questionRows: questionListView(survey.questions),
        editorKinds: EDITOR_KINDS,
        locked: locked ? `${locked.code}: ${locked.message}` : null,
        exports: await this.exportsOf(waves, survey),
        previousWave: results.wave.previous,
        waveChange: results.waveChange ? waveChangeView(results.waveChange) : null,
        benchmarks: benchmarksView(results.benchmarks, survey.k),
        results: view,
        teams: teams.map((t) => ({ id: t.id, path: t.path })),
        mailEnabled: Boolean(this.config.smtpUrl && this.config.publicUrl),
        job: extra.job ?? null,
        jobDone: `/surveys/${survey.id}`,
        errors: extra.errors ?? [],
        openLink: extra.openLink ?? null,
        scripts: view.charts.length ? ['chart.umd.min.js', 'charts.mjs'] : [],
      },
      status,
    );
  }
}

/** The origin the request came to; PUBLIC_URL wins over it when set (in the delivery service). */
function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}
