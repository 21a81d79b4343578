import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { PeopleAdminService } from './people-admin.service';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('api')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly admin: PeopleAdminService,
  ) {}

  @Post('people/imports/csv')
  @Roles(Role.Admin, Role.Coe)
  @ApiOperation({
    summary: 'Directory CSV: email, name, team, manager, github login, aliases (any order)',
  })
  importCsv(@Body() dto: CsvImportDto, @CurrentActor() actor: Actor) {
    return this.admin.importCsv(dto.csv, dto.fileName, actor);
  }

  @Post('people/imports/github')
  @Roles(Role.Admin, Role.Coe)
  importGithub(@Body() dto: ImportGithubOrgDto, @CurrentActor() actor: Actor) {
    return this.admin.importGithubOrg(dto.org, dto.apiUrl, actor);
  }

  /** IP leases (a DHCP or VPN export): network logs that name only an address find their person. */
  @Post('people/imports/leases')
  @Roles(Role.Admin, Role.Coe)
  @ApiOperation({
    summary:
      'IP lease CSV: ip, person (e-mail or user name in the directory), from, to (ISO 8601; empty = open)',
  })
  importLeases(@Body() dto: CsvImportDto, @CurrentActor() actor: Actor) {
    return this.admin.importLeases(dto.csv, dto.fileName, actor);
  }

  @Get('people')
  @Roles(Role.Admin, Role.Coe, Role.Security)
  list(@Query() q: ListPeopleQueryDto, @CurrentActor() actor: Actor) {
    return this.admin.list(q, actor);
  }

  @Get('people/:id')
  @Roles(Role.Admin, Role.Coe, Role.Security)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.admin.get(id, actor);
  }

  @Get('teams')
  @Roles(Role.Admin, Role.Coe, Role.Security, Role.Leader)
  teams() {
    return this.people.listTeams();
  }

  @Get('identities/unresolved')
  @Roles(Role.Admin, Role.Coe, Role.Security)
  unresolved(@CurrentActor() actor: Actor) {
    return this.admin.unresolved(actor);
  }

  @Post('identities/resolve')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Coe, Role.Security)
  resolve(@Body() dto: ResolveIdentityDto, @CurrentActor() actor: Actor) {
    return this.admin.resolve(dto.kind, dto.value, actor, dto.at);
  }

  @Post('identities/links')
  @Roles(Role.Admin, Role.Coe, Role.Security)
  async link(@Body() dto: LinkIdentityDto, @CurrentActor() actor: Actor) {
    await this.admin.link(dto.personId, dto.kind, dto.value, actor);
    return { linked: true };
  }
}
