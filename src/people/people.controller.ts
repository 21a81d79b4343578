import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../auth/audit.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Actor, Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import {
  CsvImportDto,
  ImportGithubOrgDto,
  LinkIdentityDto,
  ListPeopleQueryDto,
  ResolveIdentityDto,
} from './dto/people.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('api')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  @Post('people/imports/csv')
  @Roles(Role.Admin, Role.Coe)
  @ApiOperation({
    summary: 'Directory CSV: email, name, team, manager, github login, aliases (any order)',
  })
  async importCsv(@Body() dto: CsvImportDto, @CurrentActor() actor: Actor) {
    const result = await this.people.importDirectoryCsv(dto.csv, dto.fileName);
    await this.audit.record({
      actor,
      action: 'people.import',
      targetType: 'directory',
      detail: { source: 'csv', persons: result.persons, errors: result.errors.length },
    });
    return result;
  }

  @Post('people/imports/github')
  @Roles(Role.Admin, Role.Coe)
  async importGithub(@Body() dto: ImportGithubOrgDto, @CurrentActor() actor: Actor) {
    const result = await this.people.importGithubOrg(dto.org, dto.apiUrl);
    await this.audit.record({
      actor,
      action: 'people.import',
      targetType: 'directory',
      detail: { source: 'github-org', org: dto.org, ...result },
    });
    return result;
  }

  /** IP leases (a DHCP or VPN export): network logs that name only an address find their person. */
  @Post('people/imports/leases')
  @Roles(Role.Admin, Role.Coe)
  @ApiOperation({
    summary:
      'IP lease CSV: ip, person (e-mail or user name in the directory), from, to (ISO 8601; empty = open)',
  })
  async importLeases(@Body() dto: CsvImportDto, @CurrentActor() actor: Actor) {
    const result = await this.people.importLeasesCsv(dto.csv, dto.fileName);
    await this.audit.record({
      actor,
      action: 'people.import',
      targetType: 'directory',
      detail: {
        source: 'leases',
        leases: result.leases,
        added: result.added,
        errors: result.errors.length,
      },
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
    return this.people.resolveIdentity(dto.kind, dto.value, { at: dto.at, source: 'api' });
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
