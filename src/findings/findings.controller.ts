import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../auth/audit.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Actor, Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { DomainError, ErrorCode } from '../common/domain-error';
import { JobName } from '../jobs/job-names';
import { JobsService } from '../jobs/jobs.service';
import { AssignDto, CommentDto, ListFindingsDto, TriageDto } from './dto/findings.dto';
import { FindingsRepository } from './findings.repository';
import { FindingsService } from './findings.service';
import { TriageService } from './triage/triage.service';

/** Person-level findings: security and the CoE only, every read audited. */
@ApiTags('findings')
@ApiBearerAuth()
@Controller('api/findings')
export class FindingsController {
  constructor(
    private readonly repo: FindingsRepository,
    private readonly findings: FindingsService,
    private readonly triage: TriageService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  @Get()
  @Roles(Role.Security, Role.Coe)
  async list(@Query() q: ListFindingsDto, @CurrentActor() actor: Actor) {
    const [items, total] = await this.repo.list(q);
    await this.audit.recordRead(actor, 'finding', null, {
      filter: { ...q },
      returned: items.length,
    });
    return { total, items };
  }

  @Get(':id')
  @Roles(Role.Security, Role.Coe)
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    const finding = await this.repo.findById(id);
    if (!finding) throw new DomainError(ErrorCode.NotFound, `No finding with id ${id}`);
    const [events, evidence] = await Promise.all([
      this.repo.eventsOf(id),
      this.findings.evidenceFor([id], 50),
    ]);
    await this.audit.recordRead(actor, 'finding', id);
    return { ...finding, events, evidence };
  }

  @Post(':id/triage')
  @Roles(Role.Security, Role.Coe)
  triageFinding(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TriageDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.triage.triage(id, dto, actor);
  }

  @Post(':id/assign')
  @Roles(Role.Security, Role.Coe)
  assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.triage.assign(id, dto.assignee ?? null, dto.comment, actor);
  }

  @Post(':id/comments')
  @HttpCode(204)
  @Roles(Role.Security, Role.Coe)
  async comment(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CommentDto,
    @CurrentActor() actor: Actor,
  ) {
    await this.triage.comment(id, dto.comment, actor);
  }

  /** Queues a correlation run; one at a time per minute is enough (deterministic job id). */
  @Post('correlate')
  @HttpCode(202)
  @Roles(Role.Security, Role.Coe, Role.Admin)
  correlate(@CurrentActor() actor: Actor) {
    const minute = new Date().toISOString().slice(0, 16);
    return this.jobs.enqueue(JobName.Correlate, {}, { jobId: `correlate:${minute}`, actor });
  }
}
