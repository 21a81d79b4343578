import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Actor, Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { DiagnosticsJobDto, ListJobsDto } from './dto/job.dto';
import { JobName } from './job-names';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('api/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Roles(Role.Admin, Role.Coe, Role.Security)
  list(@Query() q: ListJobsDto) {
    return this.jobs.list(q);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Coe, Role.Security, Role.Leader)
  get(@Param('id') id: string) {
    return this.jobs.get(id);
  }

  @Post('diagnostics')
  @HttpCode(202)
  @Roles(Role.Admin)
  diagnostics(@Body() dto: DiagnosticsJobDto, @CurrentActor() actor: Actor) {
    return this.jobs.enqueue(JobName.Diagnostics, { ...dto }, { actor });
  }
}
