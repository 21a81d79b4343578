import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { Actor, Role } from '../../auth/role';
import { Roles } from '../../auth/roles.decorator';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { JobName } from '../../jobs/job-names';
import { JobsService } from '../../jobs/jobs.service';
import { RequestErasureDto } from './dto/erasure.dto';
import { PersonErasureService } from './person-erasure.service';

/** Erasure of one person: an administrator or the privacy role asks; it runs as a job. */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api/privacy/erasures')
export class ErasureController {
  constructor(
    private readonly erasure: PersonErasureService,
    private readonly jobs: JobsService,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles(Role.Admin, Role.Privacy)
  request(@Body() dto: RequestErasureDto, @CurrentActor() actor: Actor) {
    return this.erasure.request(dto.person, dto.reason, actor);
  }

  /** The erasure's job: state, progress and, once done, its counts. */
  @Get(':id')
  @Roles(Role.Admin, Role.Privacy)
  async get(@Param('id', ParseUUIDPipe) id: string) {
    const job = await this.jobs.get(id);
    if (job.name !== JobName.ErasePerson)
      throw new DomainError(ErrorCode.NotFound, `No erasure with id ${id}`);
    return job;
  }
}
