import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Actor, Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { DomainError, ErrorCode } from '../common/domain-error';
import { JobName } from '../jobs/job-names';
import { JobsService } from '../jobs/jobs.service';
import { CreateReportDto, DownloadReportDto } from './dto/reports.dto';
import { REPORT_ROLES } from './report-access';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly jobs: JobsService,
  ) {}

  /** Queues a report build; the job's result names the report to download. */
  @Post()
  @HttpCode(202)
  @Roles(Role.Leader, Role.Coe, Role.Security, Role.Admin)
  create(@Body() dto: CreateReportDto, @CurrentActor() actor: Actor) {
    if (!REPORT_ROLES[dto.kind].includes(actor.role)) {
      throw new DomainError(
        ErrorCode.Forbidden,
        `role ${actor.role} may not build the ${dto.kind} report`,
      );
    }
    return this.jobs.enqueue(
      JobName.Report,
      { kind: dto.kind, organisation: dto.organisation },
      { actor },
    );
  }

  @Get()
  @Roles(Role.Leader, Role.Coe, Role.Security, Role.Admin)
  list(@CurrentActor() actor: Actor) {
    return this.reports.list(actor);
  }

  @Get(':id')
  @Roles(Role.Leader, Role.Coe, Role.Security, Role.Admin)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.reports.get(id, actor);
  }

  @Get(':id/download')
  @Roles(Role.Leader, Role.Coe, Role.Security, Role.Admin)
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: DownloadReportDto,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const r = await this.reports.download(id, q.format, actor, q.part);
    res.setHeader('Content-Type', r.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${r.filename}"`);
    res.send(r.body);
  }
}
