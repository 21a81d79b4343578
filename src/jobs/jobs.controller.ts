import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AuditService } from '../auth/audit.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Actor, Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { DiagnosticsJobDto, ListJobsDto } from './dto/job.dto';
import { JobName, PERSON_LEVEL_RESULT } from './job-names';
import { JobsService } from './jobs.service';
import { AppConfig } from '../config/app-config';

const LEADER_VISIBLE_JOBS: ReadonlySet<JobName> = new Set([JobName.Report]);

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('api/jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Jobs for monitoring: results that can name people are left out (read them one by one). */
  @Get()
  @Roles(Role.Admin, Role.Coe, Role.Security)
  async list(@Query() q: ListJobsDto) {
    return (await this.jobs.list(q)).map((job) =>
      PERSON_LEVEL_RESULT[job.name] && job.result !== null
        ? { ...job, result: null, resultOmitted: true }
        : job,
    );
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Coe, Role.Security, Role.Leader)
  async get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    const job = await this.jobs.get(id);
    // Leaders queue reports; other jobs' results can hold person-level data (scans, mail, ingests).
    if (actor.role === Role.Leader && !LEADER_VISIBLE_JOBS.has(job.name)) {
      throw new DomainError(
        ErrorCode.Forbidden,
        `The leader role may follow report jobs only; ${job.name} is not one`,
      );
    }
    // Under PSEUDONYMISED_TRIAGE the findings' readers see no names, so not in job results either.
    if (
      PERSON_LEVEL_RESULT[job.name] &&
      job.result !== null &&
      this.config.pseudonymisedTriage &&
      (actor.role === Role.Security || actor.role === Role.Coe)
    )
      return { ...job, result: null, resultWithheld: 'pseudonymised triage: it names people' };
    // A scan's or an ingest's result names people: reading it is audited like other such reads.
    if (PERSON_LEVEL_RESULT[job.name] && job.result !== null)
      await this.audit.recordRead(actor, 'job-result', job.id, { name: job.name });
    return job;
  }

  @Post('diagnostics')
  @HttpCode(202)
  @Roles(Role.Admin)
  diagnostics(@Body() dto: DiagnosticsJobDto, @CurrentActor() actor: Actor) {
    return this.jobs.enqueue(JobName.Diagnostics, { ...dto }, { actor });
  }
}
