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
  ) {}

  /** Queues a scan; poll GET /api/jobs/:id for progress and the result. The scan audits itself. */
  @Post('scans')
  @HttpCode(202)
  @Roles(Role.Admin, Role.Security, Role.Coe)
  async scan(@Body() dto: CreateRepoScanDto, @CurrentActor() actor: Actor) {
    if ((dto.path === undefined) === (dto.owner === undefined))
      throw new BadRequestException('give exactly one of path (local checkout) or owner (GitHub)');
    return this.repos.queueScan(dto, actor);
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
