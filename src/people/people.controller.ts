import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../auth/audit.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Actor, Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import {
  DirectoryUploadQueryDto,
  ImportDirectoryDto,
  ImportGithubOrgDto,
  LinkIdentityDto,
  ListPeopleQueryDto,
  ResolveIdentityDto,
} from './dto/people.dto';
import { DirectoryUploadService } from './directory-upload.service';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('api')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly uploads: DirectoryUploadService,
  ) {}

  @Post('people/imports/csv')
  @Roles(Role.Admin, Role.Coe)
  async importCsv(@Body() dto: ImportDirectoryDto, @CurrentActor() actor: Actor) {
    const result = await this.people.importDirectoryCsv(dto.csv, dto.fileName);
    await this.audit.record({
      actor,
      action: 'people.import',
      targetType: 'directory',
      detail: { source: 'csv', persons: result.persons, errors: result.errors.length },
    });
    return result;
  }

  /** The CSV as multipart field `file` or as the raw body (text/csv): any size up to the upload limit. */
  @Post('people/imports/csv-file')
  @HttpCode(202)
  @Roles(Role.Admin, Role.Coe)
  @ApiConsumes('multipart/form-data', 'text/csv', 'application/octet-stream')
  async importCsvFile(
    @Req() req: Request,
    @Query() q: DirectoryUploadQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    const r = await this.uploads.receive(req, q.name, actor);
    return { jobId: r.job.id, state: r.job.state, file: r.file, bytes: r.bytes };
  }

  @Post('people/imports/github')
  @Roles(Role.Admin, Role.Coe)
  async importGithub(@Body() dto: ImportGithubOrgDto, @CurrentActor() actor: Actor) {
    const result = await this.people.importGithubOrg(dto.org);
    await this.audit.record({
      actor,
      action: 'people.import',
      targetType: 'directory',
      detail: { source: 'github-org', org: dto.org, ...result },
    });
    return result;
  }

  @Get('people')
  @Roles(Role.Admin, Role.Coe, Role.Security)
  async list(@Query() q: ListPeopleQueryDto, @CurrentActor() actor: Actor) {
    await this.audit.recordRead(actor, 'person', null, { filter: { ...q } });
    return this.people.listPersons(q);
  }

  @Get('people/:id')
  @Roles(Role.Admin, Role.Coe, Role.Security)
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    await this.audit.recordRead(actor, 'person', id);
    return this.people.getPerson(id);
  }

  @Get('teams')
  @Roles(Role.Admin, Role.Coe, Role.Security, Role.Leader)
  teams() {
    return this.people.listTeams();
  }

  @Get('identities/unresolved')
  @Roles(Role.Admin, Role.Coe, Role.Security)
  async unresolved(@CurrentActor() actor: Actor) {
    await this.audit.recordRead(actor, 'identity', null, { list: 'unresolved' });
    return this.people.listUnresolved();
  }

  @Post('identities/resolve')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Coe, Role.Security)
  async resolve(@Body() dto: ResolveIdentityDto, @CurrentActor() actor: Actor) {
    await this.audit.recordRead(actor, 'identity', null, { kind: dto.kind });
    return this.people.resolveIdentity(dto.kind, dto.value, { source: 'api' });
  }

  @Post('identities/links')
  @Roles(Role.Admin, Role.Coe, Role.Security)
  async link(@Body() dto: LinkIdentityDto, @CurrentActor() actor: Actor) {
    await this.people.linkIdentity(dto.personId, dto.kind, dto.value, actor.name);
    await this.audit.record({
      actor,
      action: 'identity.link',
      targetType: 'person',
      targetId: dto.personId,
      detail: { kind: dto.kind },
    });
    return { linked: true };
  }
}
