import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Actor, ALL_ROLES, Role } from '../auth/role';
import { Roles } from '../auth/roles.decorator';
import { DomainError, ErrorCode } from '../common/domain-error';
import { CatalogService } from './catalog.service';
import { CustomToolService } from './custom-tool.service';
import { CustomToolDto } from './dto/custom-tool.dto';
import { ImportPolicyDto } from './dto/import-policy.dto';
import { ListToolsQueryDto } from './dto/list-tools-query.dto';
import { MatchQueryDto } from './dto/match-query.dto';
import { SetPolicyDto } from './dto/set-policy.dto';
import { COMPLIANCE_REFERENCES } from './compliance-references';
import { builtinMcpCatalog } from './mcp/mcp-catalog';
import { ToolPolicyService } from './tool-policy.service';
import { FactOverrideDto, RemoveFactOverrideQueryDto } from './dto/fact-override.dto';
import { VendorFactService } from './vendor-fact.service';

/** Reading the catalog is open to every role; policy and custom tools belong to CoE and admins. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/catalog')
export class CatalogController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly policies: ToolPolicyService,
    private readonly customTools: CustomToolService,
    private readonly vendorFacts: VendorFactService,
  ) {}

  @Get('tools')
  @Roles(...ALL_ROLES)
  async list(@Query() q: ListToolsQueryDto) {
    return { tools: await this.catalog.list(q) };
  }

  /** Known MCP servers: publisher, packages or remote host, what each reaches, whether it writes. */
  @Get('mcp-servers')
  @Roles(...ALL_ROLES)
  mcpServers() {
    return { servers: builtinMcpCatalog().entries };
  }

  @Get('tools/:id')
  @Roles(...ALL_ROLES)
  get(@Param('id') id: string) {
    return this.catalog.get(id);
  }

  @Put('tools/:id/policy')
  @Roles(Role.Coe, Role.Admin)
  setPolicy(@Param('id') id: string, @Body() dto: SetPolicyDto, @CurrentActor() actor: Actor) {
    return this.policies.set(
      {
        toolId: id,
        status: dto.status,
        dataClasses: dto.dataClasses ?? [],
        tenantBound: dto.tenantBound ?? false,
        note: dto.note ?? null,
        owner: dto.owner,
        purpose: dto.purpose,
        nextReview: dto.nextReview,
        plan: dto.plan,
      },
      actor,
    );
  }

  /** A tool's vendor facts as scoring reads them, with the organisation's overrides apart. */
  @Get('tools/:id/facts')
  @Roles(...ALL_ROLES)
  facts(@Param('id') id: string) {
    return this.vendorFacts.facts(id);
  }

  /** Adds or corrects one vendor fact, with its source and date; audited. */
  @Put('tools/:id/facts')
  @Roles(Role.Coe, Role.Admin)
  setFact(@Param('id') id: string, @Body() dto: FactOverrideDto, @CurrentActor() actor: Actor) {
    return this.vendorFacts.set(id, dto, actor);
  }

  /** Removes an organisation override: the catalog's fact applies again. */
  @Delete('tools/:id/facts')
  @HttpCode(204)
  @Roles(Role.Coe, Role.Admin)
  async removeFact(
    @Param('id') id: string,
    @Query() q: RemoveFactOverrideQueryDto,
    @CurrentActor() actor: Actor,
  ) {
    await this.vendorFacts.remove(id, q.fact, q.plan ?? null, actor);
  }

  @Get('compliance-references')
  @Roles(...ALL_ROLES)
  complianceReferences() {
    return { references: COMPLIANCE_REFERENCES };
  }

  @Get('policies')
  @Roles(...ALL_ROLES)
  async listPolicies() {
    return { policies: await this.policies.list() };
  }

  @Get('policies/export')
  @Roles(...ALL_ROLES)
  @Header('Content-Type', 'application/yaml; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="ai-tool-policy.yaml"')
  exportPolicies() {
    return this.policies.exportYaml();
  }

  @Post('policies/import')
  @HttpCode(200)
  @Roles(Role.Coe, Role.Admin)
  importPolicies(@Body() dto: ImportPolicyDto, @CurrentActor() actor: Actor) {
    return this.policies.importYaml(dto.yaml, actor);
  }

  @Get('custom-tools')
  @Roles(...ALL_ROLES)
  async listCustom() {
    return { tools: await this.customTools.list() };
  }

  @Post('custom-tools')
  @Roles(Role.Coe, Role.Admin)
  createCustom(@Body() dto: CustomToolDto, @CurrentActor() actor: Actor) {
    return this.customTools.create(dto, actor);
  }

  @Put('custom-tools/:id')
  @Roles(Role.Coe, Role.Admin)
  replaceCustom(@Param('id') id: string, @Body() dto: CustomToolDto, @CurrentActor() actor: Actor) {
    return this.customTools.replace(id, dto, actor);
  }

  @Delete('custom-tools/:id')
  @HttpCode(204)
  @Roles(Role.Coe, Role.Admin)
  async removeCustom(@Param('id') id: string, @CurrentActor() actor: Actor) {
    await this.customTools.remove(id, actor);
  }

  /** What the matcher makes of a host, package, path or name: for checking rules by hand. */
  @Get('match')
  @Roles(...ALL_ROLES)
  match(@Query() q: MatchQueryDto) {
    const m = this.catalog.matcher();
    if (q.package !== undefined && q.ecosystem === undefined) {
      throw new DomainError(ErrorCode.InvalidInput, 'ecosystem: required with package');
    }
    return {
      ...(q.host !== undefined
        ? { host: { input: q.host, toolId: m.matchHost(q.host) ?? null } }
        : {}),
      ...(q.package !== undefined && q.ecosystem
        ? {
            package: {
              input: `${q.ecosystem}:${q.package}`,
              toolId: m.matchPackage(q.ecosystem, q.package) ?? null,
            },
          }
        : {}),
      ...(q.path !== undefined ? { path: { input: q.path, matches: m.matchPath(q.path) } } : {}),
      ...(q.name !== undefined
        ? { name: { input: q.name, toolId: m.matchName(q.name) ?? null } }
        : {}),
    };
  }
}
