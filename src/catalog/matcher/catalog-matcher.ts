import {
  ECOSYSTEMS,
  type CommitFacts,
  type Ecosystem,
  type ToolAction,
  type ToolDefinition,
  type ToolMatch,
  type ToolMatcher,
  type ToolRequest,
  type RequestBytes,
} from '../catalog.types';
import { ActionIndex } from './action-index';
import { CommitIndex } from './commit-index';
import { matchDisclosureTrailers, type TrailerResolvers } from './disclosure-trailers';
import { ModelIndex } from './model-index';
import { HostIndex } from './host-index';
import { KeyedIndex, PatternIndex } from './keyed-index';
import { NameIndex } from './name-index';
import { PackageIndex } from './package-index';
import { PathIndex } from './path-index';
import { SHARED_INFRASTRUCTURE_DOMAINS } from './shared-infrastructure';

/** A rule claimed by two tools (or a tool rule that is shared infrastructure). */
export interface RuleConflict {
  kind: string;
  value: string;
  toolIds: [string, string];
}

export class CatalogConflictError extends Error {
  constructor(readonly conflicts: RuleConflict[]) {
    super(
      `catalog rules claimed by two tools: ${conflicts
        .slice(0, 10)
        .map((c) => `${c.kind} "${c.value}" (${c.toolIds.join(', ')})`)
        .join('; ')}${conflicts.length > 10 ? ` and ${conflicts.length - 10} more` : ''}`,
    );
    this.name = 'CatalogConflictError';
  }
}

/** The tool a disclosure that names no product (or a model many serve) maps to. */
export const GENERIC_AI_ASSISTANT = 'ai-assistant';

export class CatalogMatcher implements ToolMatcher {
  private readonly hosts = new HostIndex(SHARED_INFRASTRUCTURE_DOMAINS);
  private readonly packages = new PackageIndex();
  private readonly paths = new PathIndex();
  private readonly commits = new CommitIndex();
  private readonly userAgents = new PatternIndex();
  private readonly extensions = new KeyedIndex();
  private readonly apps = new KeyedIndex();
  private readonly actions = new KeyedIndex();
  private readonly browserExtensions = new KeyedIndex();
  private readonly requestActions = new ActionIndex();
  private readonly names = new NameIndex();
  private readonly integrations = new PackageIndex();
  private readonly models = new ModelIndex();
  private readonly conflicts: RuleConflict[] = [];
  private readonly trailers: TrailerResolvers;

  private constructor(tools: readonly ToolDefinition[]) {
    for (const tool of tools) this.index(tool);
    this.trailers = {
      // a trailer value is not a survey answer: ordinary words and given names never count
      byName: (t) => this.names.exact(t, false),
      byModel: (t) => this.models.lookup(t),
      byEmail: (e) => this.commits.matchEmail(e)?.toolId,
      genericId: tools.some((t) => t.id === GENERIC_AI_ASSISTANT)
        ? GENERIC_AI_ASSISTANT
        : undefined,
    };
    for (const o of this.packages.overlaps()) {
      this.conflicts.push({ kind: `package ${o.ecosystem}`, value: o.name, toolIds: o.toolIds });
    }
    for (const o of this.integrations.overlaps()) {
      this.conflicts.push({
        kind: `integration package ${o.ecosystem}`,
        value: o.name,
        toolIds: o.toolIds,
      });
    }
  }

  /** Builds the matcher; throws CatalogConflictError if two tools claim one rule. */
  static fromTools(tools: readonly ToolDefinition[]): CatalogMatcher {
    const matcher = new CatalogMatcher(tools);
    if (matcher.conflicts.length > 0) throw new CatalogConflictError(matcher.conflicts);
    return matcher;
  }

  /** Every rule two tools claim, without throwing (for tests and for vetting custom tools). */
  static findConflicts(tools: readonly ToolDefinition[]): RuleConflict[] {
    return [...new CatalogMatcher(tools).conflicts];
  }

  matchHost(host: string): string | undefined {
    return this.hosts.lookup(host);
  }

  matchPackage(ecosystem: Ecosystem, name: string): string | undefined {
    return this.packages.lookup(ecosystem, name);
  }

  matchIntegration(ecosystem: Ecosystem, name: string): string | undefined {
    return this.integrations.lookup(ecosystem, name);
  }

  /** The tool a model name belongs to (shared families: the generic assistant). */
  matchModel(model: string): string | undefined {
    return this.models.lookup(model);
  }

  matchPath(path: string): ToolMatch[] {
    return this.paths
      .lookup(path)
      .map((hit) => ({ toolId: hit.toolId, signal: 'config-file', rule: hit.rule }));
  }

  matchCommit(commit: CommitFacts): ToolMatch[] {
    const out = this.commits.match(commit);
    if (!commit.message) return out;
    for (const t of matchDisclosureTrailers(commit.message, this.trailers)) {
      if (out.some((o) => o.toolId === t.toolId && o.signal === 'commit-trailer')) continue;
      out.push({ toolId: t.toolId, signal: 'commit-trailer', rule: t.rule });
    }
    return out;
  }

  /** The tool a commit e-mail or co-author e-mail belongs to (e.g. noreply@anthropic.com). */
  matchCommitEmail(email: string): string | undefined {
    return this.commits.matchEmail(email)?.toolId;
  }

  /** The tool a GitHub login belongs to (e.g. copilot-swe-agent[bot]). */
  matchLogin(login: string): string | undefined {
    return this.commits.matchLogin(login)?.toolId;
  }

  matchUserAgent(userAgent: string): string | undefined {
    return userAgent ? this.userAgents.match(userAgent) : undefined;
  }

  matchIdeExtension(id: string): string | undefined {
    return this.extensions.get(id);
  }

  matchGithubApp(slug: string): string | undefined {
    return this.apps.get(slug);
  }

  matchWorkflowAction(uses: string): string | undefined {
    const ref = uses.trim().split('@')[0].toLowerCase();
    if (ref.startsWith('./') || ref.startsWith('docker://')) return undefined;
    const parts = ref.split('/');
    // owner/repo/sub/path: try the full path, then the repository
    for (let n = parts.length; n >= 2; n--) {
      const hit = this.actions.get(parts.slice(0, n).join('/'));
      if (hit !== undefined) return hit;
    }
    return undefined;
  }

  matchBrowserExtension(id: string): string | undefined {
    return this.browserExtensions.get(id);
  }

  /** Whether any of the tool's requests can be told apart by action (ActionRule). */
  hasActions(toolId: string): boolean {
    return this.requestActions.has(toolId);
  }

  matchAction(toolId: string, request: ToolRequest): ToolAction | undefined {
    return this.requestActions.match(toolId, request);
  }

  matchActionBytes(
    toolId: string,
    buf: Buffer,
    request: RequestBytes,
    bytesUp: number | undefined,
  ): ToolAction | undefined | null {
    return this.requestActions.matchBytes(toolId, buf, request, bytesUp);
  }

  matchName(text: string): string | undefined {
    return this.names.lookup(text);
  }

  matchExactName(text: string, wholeAnswer: boolean): string | undefined {
    return this.names.exact(text, wholeAnswer);
  }

  private index(tool: ToolDefinition): void {
    const id = tool.id;
    const r = tool.rules;
    const note = (kind: string, value: string, held: string | undefined) => {
      if (held !== undefined) this.conflicts.push({ kind, value, toolIds: [held, id] });
    };
    for (const d of r.domains ?? []) {
      if (this.hosts.isDenied(d)) note('domain', d, 'shared-infrastructure');
      else note('domain', d, this.hosts.add(d, id));
    }
    for (const eco of ECOSYSTEMS) {
      for (const p of r.packages?.[eco] ?? [])
        note(`package ${eco}`, p, this.packages.add(eco, p, id));
    }
    for (const eco of ECOSYSTEMS) {
      for (const p of r.integrationPackages?.[eco] ?? [])
        note(`integration package ${eco}`, p, this.integrations.add(eco, p, id));
    }
    for (const m of r.models ?? []) note('model', m, this.models.add(m, id));
    for (const p of r.paths ?? []) note('path', p, this.paths.add(p, id));
    for (const c of r.commitIdentities ?? []) {
      note(
        'commit identity',
        c.email ?? c.login ?? c.emailPattern ?? '',
        this.commits.addIdentity(c, id),
      );
    }
    for (const m of r.messageMarkers ?? [])
      note('message marker', m, this.commits.addMarker(m, id));
    for (const s of r.committerNameSuffixes ?? []) {
      note('committer name suffix', s, this.commits.addNameSuffix(s, id));
    }
    for (const u of r.userAgents ?? []) note('user agent', u, this.userAgents.add(u, id));
    for (const e of r.ideExtensions ?? []) note('ide extension', e, this.extensions.add(e, id));
    for (const a of r.githubApps ?? []) note('github app', a, this.apps.add(a, id));
    for (const w of r.workflowActions ?? []) note('workflow action', w, this.actions.add(w, id));
    for (const b of r.browserExtensions ?? [])
      note('browser extension', b, this.browserExtensions.add(b, id));
    for (const a of r.actions ?? []) this.requestActions.add(id, a);
    for (const n of [tool.id, tool.name, ...(tool.aliases ?? [])]) {
      note('name', n, this.names.add(n, id));
    }
  }
}
