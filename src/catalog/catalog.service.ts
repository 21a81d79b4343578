import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { writeClosedStoreFact } from '../database/closed-store-facts';
import { DomainError, ErrorCode } from '../common/domain-error';
import { PreparesJobs, type JobPreparer } from '../jobs/job-preparer.decorator';
import { loadBuiltinCatalog } from './catalog-loader';
import {
  CATALOG_STORE_FACT,
  catalogView,
  catalogViews,
  type CatalogStoreFact,
  defaultPolicy,
  toPolicy,
  type CatalogToolView,
  type ToolFilter,
} from './catalog-views';
import type { PolicyStatus, Signal, ToolCategory, ToolDefinition } from './catalog.types';
import { CustomToolRepository } from './custom-tool.repository';
import { FactOverrideRepository } from './fact-override.repository';
import { applyOverrides, type FactOverride } from './facts/fact-override';
import { CatalogMatcher, type RuleConflict } from './matcher/catalog-matcher';
import type { ToolPolicy } from './policy-yaml';
import { ToolPolicyRepository } from './tool-policy.repository';

export { defaultPolicy, toPolicy, type CatalogToolView, type ToolFilter } from './catalog-views';

/**
 * The catalog: built-in tools from the data files merged with the organisation's custom tools
 * (a custom tool with a built-in id replaces it), and the matcher the signal modules call.
 */
@Injectable()
@PreparesJobs()
export class CatalogService implements OnModuleInit, BeforeApplicationShutdown, JobPreparer {
  private readonly logger = new Logger(CatalogService.name);
  private readonly builtin = loadBuiltinCatalog();
  private readonly builtinIds = new Set(this.builtin.map((t) => t.id));
  private merged: ToolDefinition[] = this.builtin;
  private byId = new Map(this.builtin.map((t) => [t.id, t]));
  private current: CatalogMatcher = CatalogMatcher.fromTools(this.builtin);
  private loadedVersion: string | undefined;
  private overrides: FactOverride[] = [];

  constructor(
    private readonly customTools: CustomToolRepository,
    private readonly policies: ToolPolicyRepository,
    private readonly factOverrides: FactOverrideRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * On the embedded database, what the store adds to the built-in catalog as this process leaves
   * it, so that `catalog` can answer next time without starting the database (the next process to
   * open it removes this first). Not written when it cannot be read: the CLI then opens the store.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.config.embeddedDatabase) return;
    try {
      const [customTools, policies, factOverrides] = await Promise.all([
        this.customTools.count(),
        this.policies.count(),
        this.factOverrides.count(),
      ]);
      const fact: CatalogStoreFact = { customTools, policies, factOverrides };
      writeClosedStoreFact(this.config.dataDir, CATALOG_STORE_FACT, fact);
    } catch (e) {
      this.logger.warn(`catalog state not kept for the CLI: ${(e as Error).message}`);
    }
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  /** The matcher for the current catalog (built-in plus custom tools). */
  matcher(): CatalogMatcher {
    return this.current;
  }

  /**
   * Reloads custom tools if another process changed them. Long-running jobs call this before
   * they start, so a tool added through the API reaches workers without a restart.
   */
  async refresh(): Promise<CatalogMatcher> {
    if ((await this.version()) !== this.loadedVersion) await this.reload();
    return this.current;
  }

  private async version(): Promise<string> {
    return `${await this.customTools.version()}|${await this.factOverrides.version()}`;
  }

  /** Every job, in every process, starts on the catalog as it is now in the database. */
  async beforeJob(): Promise<void> {
    await this.refresh();
  }

  async reload(): Promise<void> {
    const version = await this.version();
    const rows = await this.customTools.findAll();
    this.overrides = await this.factOverrides.findAll();
    let tools = this.compose(rows.map((r) => ({ ...r.definition, origin: 'custom' as const })));
    let conflicts = CatalogMatcher.findConflicts(tools);
    if (conflicts.length > 0) {
      // A stored custom tool can clash with a newer built-in catalog; keep the rest working.
      const bad = new Set(
        conflicts.flatMap((c) => c.toolIds).filter((id) => !this.builtinIds.has(id)),
      );
      this.logger.warn(`custom tools skipped for rule conflicts: ${[...bad].join(', ')}`);
      tools = this.compose(
        rows
          .filter((r) => !bad.has(r.id))
          .map((r) => ({ ...r.definition, origin: 'custom' as const })),
      );
      conflicts = CatalogMatcher.findConflicts(tools);
      if (conflicts.length > 0) tools = this.compose([]);
    }
    this.current = CatalogMatcher.fromTools(tools);
    this.merged = tools;
    this.byId = new Map(tools.map((t) => [t.id, t]));
    this.loadedVersion = version;
  }

  /** The rules of `candidate` that another tool already claims, as the catalog would be with it. */
  conflictsOf(candidate: ToolDefinition): RuleConflict[] {
    const tools = this.merged.filter((t) => t.id !== candidate.id).concat(candidate);
    return CatalogMatcher.findConflicts(tools).filter((c) => c.toolIds.includes(candidate.id));
  }

  isBuiltin(id: string): boolean {
    return this.builtinIds.has(id);
  }

  tools(): readonly ToolDefinition[] {
    return this.merged;
  }

  ids(): ReadonlySet<string> {
    return new Set(this.byId.keys());
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  definition(id: string): ToolDefinition {
    const tool = this.byId.get(id);
    if (!tool) throw new DomainError(ErrorCode.NotFound, `no tool "${id}" in the catalog`);
    return tool;
  }

  async get(id: string): Promise<CatalogToolView> {
    const tool = this.definition(id);
    return catalogView(tool, await this.policies.findByToolId(id), this.builtinIds);
  }

  async list(filter: ToolFilter = {}): Promise<CatalogToolView[]> {
    return catalogViews(this.merged, await this.policies.findAll(), this.builtinIds, filter);
  }

  search(text: string): Promise<CatalogToolView[]> {
    return this.list({ q: text });
  }

  filter(
    category?: ToolCategory,
    status?: PolicyStatus,
    signal?: Signal,
  ): Promise<CatalogToolView[]> {
    return this.list({ category, status, signal });
  }

  /** Every tool's policy, unreviewed for tools nobody decided on. */
  async policiesById(): Promise<Map<string, ToolPolicy>> {
    const rows = await this.policies.findAll();
    const out = new Map(this.merged.map((t) => [t.id, defaultPolicy(t.id)]));
    for (const r of rows) if (out.has(r.toolId)) out.set(r.toolId, toPolicy(r));
    return out;
  }

  /**
   * Built-in tools, replaced by custom ones of the same id, each with its vendor facts: the
   * catalog's (kept when a custom definition replaces the rules) with the organisation's
   * overrides laid over them.
   */
  private compose(custom: ToolDefinition[]): ToolDefinition[] {
    const replaced = new Map(custom.map((t) => [t.id, t]));
    const factsOf = new Map<string, FactOverride[]>();
    for (const o of this.overrides) factsOf.set(o.toolId, [...(factsOf.get(o.toolId) ?? []), o]);
    const withFacts = (t: ToolDefinition, base: ToolDefinition) => {
      const own = base.vendorFacts;
      const vendorFacts = applyOverrides(own, factsOf.get(t.id) ?? []);
      return vendorFacts ? { ...t, vendorFacts } : t;
    };
    const tools = this.builtin.map((t) => withFacts(replaced.get(t.id) ?? t, t));
    return tools.concat(
      custom.filter((t) => !this.builtinIds.has(t.id)).map((t) => withFacts(t, t)),
    );
  }

  /** The organisation's fact overrides as last loaded (one tool's, or all). */
  overridesLoaded(toolId?: string): FactOverride[] {
    return toolId ? this.overrides.filter((o) => o.toolId === toolId) : [...this.overrides];
  }
}
