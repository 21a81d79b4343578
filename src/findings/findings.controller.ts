import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Actor, Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { JobName } from '../jobs/job-names';
import { JobsService } from '../jobs/jobs.service';
import { AssignDto, CommentDto, ListFindingsDto, TriageDto } from './dto/findings.dto';
import { FindingReadsService } from './finding-reads.service';
import { TriageService } from './triage/triage.service';

/** Person-level findings: security and the CoE only, every read audited. */
@ApiTags('findings')
@ApiBearerAuth()
@Controller('api/findings')
export class FindingsController {
  constructor(
    private readonly reads: FindingReadsService,
    private readonly triage: TriageService,
    private readonly jobs: JobsService,
  ) {}

  @Get()
  @Roles(Role.Security, Role.Coe)
  list(@Query() q: ListFindingsDto, @CurrentActor() actor: Actor) {
    return this.reads.list(q, actor);
  }

  @Get(':id')
  @Roles(Role.Security, Role.Coe)
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.reads.get(id, actor);
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
