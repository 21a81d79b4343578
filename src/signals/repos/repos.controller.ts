import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { type Actor, Role } from '../../auth/role';
import { Roles } from '../../auth/roles.decorator';
import { JobName } from '../../jobs/job-names';
import { JobsService } from '../../jobs/jobs.service';
import { AppConfig } from '../../config/app-config';
import { scannablePath } from './local/scan-roots';
import { CreateRepoScanDto, ListReposDto, RepoEvidenceQueryDto } from './dto/repos.dto';
import { RepoReportService } from './repo-report.service';
import { ReposService } from './repos.service';

@ApiTags('repos')
@ApiBearerAuth()
@Controller('api/repos')
export class ReposController {
  constructor(
    private readonly repos: ReposService,
    private readonly reports: RepoReportService,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
  ) {}

  /** Queues a scan; poll GET /api/jobs/:id for progress and the result. The scan audits itself. */
  @Post('scans')
  @HttpCode(202)
  @Roles(Role.Admin, Role.Security, Role.Coe)
  async scan(@Body() dto: CreateRepoScanDto, @CurrentActor() actor: Actor) {
    if ((dto.path === undefined) === (dto.owner === undefined))
      throw new BadRequestException('give exactly one of path (local checkout) or owner (GitHub)');
    // A caller never chooses what on the server is read: only checkouts under configured roots.
    const path =
      dto.path !== undefined
        ? await scannablePath(dto.path, this.config.localScanRoots)
        : undefined;
    const job =
      path !== undefined
        ? await this.jobs.enqueue(JobName.ScanRepo, { path, since: dto.since }, { actor })
        : await this.jobs.enqueue(
            JobName.ScanGithub,
            { owner: dto.owner, since: dto.since, sbom: dto.sbom },
            { actor },
          );
    return job;
  }

  @Get('scans')
  @Roles(Role.Admin, Role.Security, Role.Coe)
  scans() {
    return this.repos.listScans();
  }

  @Get()
  @Roles(Role.Admin, Role.Security, Role.Coe, Role.Leader)
  list(@Query() q: ListReposDto) {
    return this.repos.list(q);
  }

  /** Evidence carries commit e-mails and GitHub logins: person-level, so audited. */
  @Get(':id/evidence')
  @Roles(Role.Admin, Role.Security, Role.Coe)
  evidence(
    @Param('id') id: string,
    @Query() q: RepoEvidenceQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.repos.evidenceOf(id, q, actor);
  }

  @Get(':id/sarif')
  @Header('content-type', 'application/sarif+json')
  @Roles(Role.Admin, Role.Security, Role.Coe)
  sarif(@Param('id') id: string) {
    return this.reports.sarif(id);
  }

  @Get(':id/cyclonedx')
  @Header('content-type', 'application/vnd.cyclonedx+json; version=1.6')
  @Roles(Role.Admin, Role.Security, Role.Coe, Role.Leader)
  cyclonedx(@Param('id') id: string) {
    return this.reports.cyclonedx(id);
  }
}
