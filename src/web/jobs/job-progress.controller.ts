import { Controller, Get, Param } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { Role } from '../../auth/role';
import { JobName } from '../../jobs/job-names';
import { JobsService } from '../../jobs/jobs.service';
import { ConsolePage } from '../console/console.decorators';
import { SignedIn } from '../console/page';
import type { ConsoleSessionContext } from '../session/console-session.service';

/** What a progress bar needs of a job: never its result, which may name people. */
export interface JobProgressView {
  id: string;
  name: string;
  state: string;
  progress: number;
  error: string | null;
  finishedAt: Date | null;
}

/**
 * The console's progress bars poll this with the session cookie; the Bearer job API stays as it is.
 * Leaders follow report jobs only, as on `GET /api/jobs/:id`.
 */
@Controller('console/api/jobs')
export class JobProgressController {
  constructor(private readonly jobs: JobsService) {}

  @Get(':id')
  @ConsolePage(Role.Admin, Role.Coe, Role.Security, Role.Leader)
  async progress(
    @Param('id') id: string,
    @SignedIn() session: ConsoleSessionContext,
  ): Promise<JobProgressView> {
    const job = await this.jobs.get(id);
    if (session.actor.role === Role.Leader && job.name !== JobName.Report)
      throw new DomainError(ErrorCode.Forbidden, `The leader role may follow report jobs only`);
    return {
      id: job.id,
      name: job.name,
      state: job.state,
      progress: job.progress,
      error: job.error,
      finishedAt: job.finishedAt,
    };
  }
}
