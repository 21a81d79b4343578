import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Actor, Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { DomainError, ErrorCode } from '../common/domain-error';
import {
  CreateSurveyDto,
  ExportSurveyQueryDto,
  ImportSurveyQueryDto,
  IssueInvitationsDto,
  ReplaceQuestionsDto,
  SendRemindersDto,
} from './dto/survey.dto';
import { SurveyTextsDto } from './dto/survey-texts.dto';
import { parseMapping, SurveyImportService } from './survey-import.service';
import { type LinkDelivery, SurveyLinkDeliveryService } from './survey-link-delivery.service';
import { SurveyQuestionsService } from './survey-questions.service';
import { SurveyResponsesService } from './survey-responses.service';
import { SurveyResultsService } from './survey-results.service';
import { SurveysService } from './surveys.service';

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

interface UploadedExport {
  buffer: Buffer;
  originalname: string;
  size: number;
}

@ApiTags('surveys')
@ApiBearerAuth()
@Controller('api/surveys')
export class SurveysController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly questions: SurveyQuestionsService,
    private readonly delivery: SurveyLinkDeliveryService,
    private readonly aggregates: SurveyResultsService,
    private readonly answers: SurveyResponsesService,
    private readonly imports: SurveyImportService,
  ) {}

  @Post()
  @Roles(Role.Admin, Role.Coe)
  create(@Body() dto: CreateSurveyDto, @CurrentActor() actor: Actor) {
    return this.surveys.createSurvey(dto, actor);
  }

  @Get()
  @Roles(Role.Admin, Role.Coe, Role.Security, Role.Leader)
  list() {
    return this.surveys.listSurveys();
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Coe, Role.Security, Role.Leader)
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.surveys.getSurvey(id);
  }

  @Put(':id/questions')
  @Roles(Role.Admin, Role.Coe)
  replaceQuestions(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ReplaceQuestionsDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.questions.replace(id, dto.questions, actor, dto.sections);
  }

  @Put(':id/texts')
  @Roles(Role.Admin, Role.Coe)
  setTexts(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: SurveyTextsDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.surveys.setTexts(id, dto, actor);
  }

  @Post(':id/close')
  @HttpCode(204)
  @Roles(Role.Admin, Role.Coe)
  async close(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    await this.surveys.close(id, actor);
  }

  /**
   * Issues links; `?format=csv` answers with the mail-merge CSV instead of JSON. With `send: true`
   * the links are e-mailed by a job instead and the job is the answer (202).
   */
  @Post(':id/invitations')
  @Roles(Role.Admin, Role.Coe)
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiResponse({ status: 201, description: 'links issued (JSON, or CSV with ?format=csv)' })
  @ApiResponse({ status: 202, description: 'send: true — the e-mail job, as GET /api/jobs/:id' })
  @ApiResponse({ status: 503, description: 'send: true but SMTP_URL is not configured' })
  async invite(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: IssueInvitationsDto,
    @Query('format') format: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    sendDelivery(res, id, format, await this.delivery.invite(id, dto, originOf(req), actor));
  }

  /**
   * New links for those who have not answered, as JSON or (`?format=csv`) a mail-merge CSV; with
   * `send: true` they are e-mailed by a job and the job is the answer (202).
   */
  @Post(':id/reminders')
  @Roles(Role.Admin, Role.Coe)
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiResponse({ status: 201, description: 'links issued (JSON, or CSV with ?format=csv)' })
  @ApiResponse({ status: 202, description: 'send: true — the e-mail job, as GET /api/jobs/:id' })
  @ApiResponse({ status: 503, description: 'send: true but SMTP_URL is not configured' })
  async remind(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: SendRemindersDto,
    @Query('format') format: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    sendDelivery(res, id, format, await this.delivery.remind(id, dto, originOf(req), actor));
  }

  @Post(':id/open-link')
  @Roles(Role.Admin, Role.Coe)
  openLink(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: Request,
    @CurrentActor() actor: Actor,
  ) {
    return this.delivery.openLink(id, originOf(req), actor);
  }

  @Post(':id/imports/plan')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Coe)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES } }))
  async plan(
    @Param('id', new ParseUUIDPipe()) id: string,
    @UploadedFile() file: UploadedExport | undefined,
    @Query() q: ImportSurveyQueryDto,
  ) {
    await this.surveys.requireSurvey(id);
    const upload = requireFile(file);
    return this.imports.plan(upload.buffer, {
      format: q.format,
      mapping: parseMapping(q.mapping),
      fileName: upload.originalname,
    });
  }

  @Post(':id/imports')
  @Roles(Role.Admin, Role.Coe)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES } }))
  async import(
    @Param('id', new ParseUUIDPipe()) id: string,
    @UploadedFile() file: UploadedExport | undefined,
    @Query() q: ImportSurveyQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    const upload = requireFile(file);
    return this.imports.importInto(
      id,
      upload.buffer,
      { format: q.format, mapping: parseMapping(q.mapping), fileName: upload.originalname },
      actor,
    );
  }

  @Get(':id/results')
  @Roles(Role.Admin, Role.Coe, Role.Security, Role.Leader)
  results(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.aggregates.results(id);
  }

  @Get(':id/export')
  @Roles(Role.Admin, Role.Coe, Role.Security)
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'xlsx'] })
  @ApiResponse({ status: 200, description: 'responses, a column per question, suppressed under k' })
  @ApiResponse({ status: 409, description: 'fewer than k responses' })
  async export(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() q: ExportSurveyQueryDto,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const file = await this.aggregates.export(id, q.format ?? 'csv', actor);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.send(file.body);
  }

  @Get(':id/responses')
  @Roles(Role.Admin, Role.Coe, Role.Security)
  responses(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.answers.responses(id, actor);
  }
}

/** The origin the request came to; PUBLIC_URL wins over it when set. */
function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}

/** 202 with the e-mail job, or 201 with the links as JSON or (`?format=csv`) a mail-merge CSV. */
function sendDelivery(
  res: Response,
  id: string,
  format: string | undefined,
  delivery: LinkDelivery,
): void {
  if ('sent' in delivery) {
    res.status(202).json(delivery.sent);
    return;
  }
  res.status(201).setHeader('Cache-Control', 'no-store');
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="survey-${id}-invitations.csv"`);
    res.send(delivery.issued.csv);
    return;
  }
  const { csv: _csv, ...json } = delivery.issued;
  res.json(json);
}

function requireFile(file: UploadedExport | undefined): UploadedExport {
  if (!file || file.size === 0)
    throw new DomainError(
      ErrorCode.InvalidInput,
      'file: upload the export as multipart field "file"',
    );
  return file;
}
