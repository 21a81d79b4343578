import { Body, Controller, Get, Header, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { AuditService } from '../../../auth/audit.service';
import { CatalogService } from '../../../catalog/catalog.service';
import { CustomToolService } from '../../../catalog/custom-tool.service';
import type { PolicyFileProblem } from '../../../catalog/policy-yaml';
import { ToolPolicyService } from '../../../catalog/tool-policy.service';
import { DomainError, ErrorCode } from '../../../common/domain-error';
import { ConsolePage } from '../../console/console.decorators';
import { CONSOLE_ROLES } from '../../console/nav';
import { page, redirectTo, SignedIn } from '../../console/page';
import type { ConsoleSessionContext } from '../../session/console-session.service';
import type { CoeFieldError, CoeFormBody } from '../coe-form';
import { CoeUploads } from '../coe-uploads';
import { catalogListView, readCatalogQuery } from './catalog-list.view';
import {
  customToolFormView,
  customToolValues,
  emptyCustomToolValues,
  parseCustomToolForm,
  postedCustomToolValues,
} from './custom-tool-form';
import { parsePolicyForm, policyEditorView } from './policy-editor.view';

const POLICY_FILE_MAX_BYTES = 1_000_000;
const HISTORY_SHOWN = 20;

/** /catalog: browse the catalog, decide each tool's policy, custom tools, the policy file. */
@Controller('catalog')
export class CatalogPagesController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly policies: ToolPolicyService,
    private readonly customTools: CustomToolService,
    private readonly audit: AuditService,
    private readonly uploads: CoeUploads,
  ) {}

  @Get()
  @ConsolePage(...CONSOLE_ROLES.catalog)
  async list(@Query() raw: Record<string, unknown>) {
    return this.listPage(readCatalogQuery(raw));
  }

  @Get('policy.yaml')
  @ConsolePage(...CONSOLE_ROLES.catalog)
  @Header('Content-Type', 'application/yaml; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="ai-tool-policy.yaml"')
  exportPolicy(): Promise<string> {
    return this.policies.exportYaml();
  }

  /** A policy file as multipart field `file` (CSRF in `?_csrf=`): all or nothing, errors by line. */
  @Post('policy-import')
  @ConsolePage(...CONSOLE_ROLES.catalog)
  async importPolicy(@Req() req: Request, @SignedIn() session: ConsoleSessionContext) {
    let problems: PolicyFileProblem[];
    let message: string;
    try {
      const file = await this.uploads.readText(req, POLICY_FILE_MAX_BYTES, 'policy.yaml');
      const r = await this.policies.importYaml(file.text, session.actor, 'console');
      return redirectTo(
        '/catalog',
        `Policy file ${file.name} applied: ${r.changed} tool${r.changed === 1 ? '' : 's'} changed, ${r.unchanged} unchanged.`,
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === ErrorCode.Forbidden) throw error;
      problems = (error.details?.problems as PolicyFileProblem[] | undefined) ?? [];
      message = problems.length
        ? `The policy file was not applied: ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing changed.`
        : error.message;
    }
    return this.listPage(readCatalogQuery({}), {
      message,
      problems: problems.map((p) => ({
        line: p.line ?? '?',
        field: p.field,
        message: p.message,
      })),
    });
  }

  @Get('tools/:id')
  @ConsolePage(...CONSOLE_ROLES.catalog)
  async tool(@Param('id') id: string, @SignedIn() session: ConsoleSessionContext) {
    return this.editorPage(id, session);
  }

  @Post('tools/:id/policy')
  @ConsolePage(...CONSOLE_ROLES.catalog)
  async setPolicy(
    @Param('id') id: string,
    @Body() body: CoeFormBody,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    const tool = await this.catalog.get(id);
    const posted = parsePolicyForm(body, tool.id);
    if (posted.errors.length > 0) return this.editorPage(id, session, posted, 400);
    await this.policies.set(posted.change, session.actor);
    return redirectTo(
      `/catalog/tools/${encodeURIComponent(tool.id)}`,
      `Policy of ${tool.name} saved.`,
    );
  }

  @Get('custom-tools/new')
  @ConsolePage(...CONSOLE_ROLES.catalog)
  newCustomTool() {
    return page('coe/catalog/custom-tool', 'New custom tool', {
      form: customToolFormView(emptyCustomToolValues(), false),
      action: '/catalog/custom-tools',
    });
  }

  @Post('custom-tools')
  @ConsolePage(...CONSOLE_ROLES.catalog)
  async createCustomTool(@Body() body: CoeFormBody, @SignedIn() session: ConsoleSessionContext) {
    return this.saveCustomTool(body, session, null);
  }

  @Get('custom-tools/:id/edit')
  @ConsolePage(...CONSOLE_ROLES.catalog)
  async editCustomTool(@Param('id') id: string) {
    const tool = (await this.customTools.list()).find((t) => t.id === id);
    if (!tool) throw new DomainError(ErrorCode.NotFound, `No custom tool "${id}".`);
    return page('coe/catalog/custom-tool', `Edit ${tool.name}`, {
      form: customToolFormView(customToolValues(tool), true),
      action: `/catalog/custom-tools/${encodeURIComponent(id)}`,
    });
  }

  @Post('custom-tools/:id')
  @ConsolePage(...CONSOLE_ROLES.catalog)
  async replaceCustomTool(
    @Param('id') id: string,
    @Body() body: CoeFormBody,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    return this.saveCustomTool(body, session, id);
  }

  private async saveCustomTool(
    body: CoeFormBody,
    session: ConsoleSessionContext,
    id: string | null,
  ) {
    const { definition, errors } = parseCustomToolForm(body);
    const fail = (list: CoeFieldError[]) =>
      page(
        'coe/catalog/custom-tool',
        id ? `Edit ${definition.name || id}` : 'New custom tool',
        {
          form: customToolFormView(postedCustomToolValues(body), id !== null, list),
          action: id ? `/catalog/custom-tools/${encodeURIComponent(id)}` : '/catalog/custom-tools',
        },
        400,
      );
    if (errors.length > 0) return fail(errors);
    try {
      if (id) await this.customTools.replace(id, definition, session.actor);
      else await this.customTools.create(definition, session.actor);
    } catch (error) {
      // the catalog's validator and rule-conflict check name what is wrong; show it on the form
      if (error instanceof DomainError && error.code !== ErrorCode.Forbidden)
        return fail(error.message.split('; ').map((message) => ({ field: 'rules', message })));
      throw error;
    }
    return redirectTo(
      `/catalog/tools/${encodeURIComponent(definition.id)}`,
      `Custom tool ${definition.name} saved.`,
    );
  }

  private async listPage(
    query: ReturnType<typeof readCatalogQuery>,
    importResult?: {
      message: string;
      problems: { line: number | string; field: string; message: string }[];
    },
  ) {
    const tools = await this.catalog.list({
      q: query.q || undefined,
      category: query.category || undefined,
      status: query.status || undefined,
    });
    const custom = await this.customTools.list();
    return page(
      'coe/catalog/catalog-list',
      'Catalog',
      {
        view: catalogListView(tools, query),
        custom: custom.map((t) => ({
          id: t.id,
          name: t.name,
          vendor: t.vendor,
          overridesBuiltin: this.catalog.isBuiltin(t.id),
        })),
        importResult: importResult ?? null,
      },
      importResult ? 400 : 200,
    );
  }

  private async editorPage(
    id: string,
    session: ConsoleSessionContext,
    posted?: ReturnType<typeof parsePolicyForm>,
    status?: number,
  ) {
    const tool = await this.catalog.get(id);
    const history = await this.audit.read(
      { targetType: 'tool', targetId: tool.id, action: 'policy.update', limit: HISTORY_SHOWN },
      session.actor,
    );
    return page(
      'coe/catalog/policy-editor',
      tool.name,
      { view: policyEditorView(tool, history, posted) },
      status,
    );
  }
}
