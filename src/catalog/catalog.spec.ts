import { loadBuiltinCatalog } from './catalog-loader';
import { TOOL_CATEGORIES, type CommitFacts, type ToolDefinition } from './catalog.types';
import { CatalogMatcher } from './matcher/catalog-matcher';
import { SHARED_INFRASTRUCTURE_DOMAINS } from './matcher/shared-infrastructure';

// Tools the issue names explicitly: the catalog must never lose one of them.
const REQUIRED_TOOLS = [
  'github-copilot',
  'cursor',
  'claude-code',
  'windsurf',
  'cline',
  'roo-code',
  'kilo-code',
  'aider',
  'continue',
  'tabnine',
  'amazon-q-developer',
  'gemini-code-assist',
  'gemini-cli',
  'openai-codex',
  'google-jules',
  'devin',
  'sourcegraph-cody',
  'amp',
  'jetbrains-ai-assistant',
  'junie',
  'kiro',
  'zed-ai',
  'opencode',
  'qwen-code',
  'augment-code',
  'replit',
  'bolt',
  'lovable',
  'v0',
  'ai-coding-agent',
  'model-context-protocol',
];

/** A concrete path a glob matches: `**` → two folders, `*` and `?` → a letter. */
function samplePath(rule: string): string {
  const pattern = rule.endsWith('/') ? `${rule}x` : rule;
  return pattern
    .replace(/\*\*/g, 'a/b')
    .replace(/\{([^,}]+)[^}]*\}/g, '$1')
    .replace(/[*?]/g, 'x')
    .replace(/a\/b\/+/g, 'a/b/');
}

const commit = (c: Partial<CommitFacts>): CommitFacts => ({
  authorName: 'Ada Lovelace',
  authorEmail: 'ada@example.com',
  committerName: 'Ada Lovelace',
  committerEmail: 'ada@example.com',
  message: 'fix: something',
  ...c,
});

describe('built-in catalog', () => {
  const tools: ToolDefinition[] = loadBuiltinCatalog();
  const sut = CatalogMatcher.fromTools(tools);
  const byId = new Map(tools.map((t) => [t.id, t]));

  it('should hold at least 200 validated tools', () => {
    expect(tools.length).toBeGreaterThanOrEqual(200);
  });

  it('should have no rule that two tools claim', () => {
    expect(CatalogMatcher.findConflicts(tools)).toEqual([]);
  });

  it('should hold every tool the issue names', () => {
    expect(REQUIRED_TOOLS.filter((id) => !byId.has(id))).toEqual([]);
  });

  it('should cover every category', () => {
    const used = new Set(tools.map((t) => t.category));
    expect(TOOL_CATEGORIES.filter((c) => !used.has(c))).toEqual([]);
  });

  it('should resolve every domain rule and its subdomains to its own tool', () => {
    const wrong: string[] = [];
    for (const t of tools) {
      for (const d of t.rules.domains ?? []) {
        const host = d.replace(/\*/g, 'us-east-1');
        for (const h of [host, `edge-1.${host}`]) {
          const got = sut.matchHost(h);
          if (got !== t.id) wrong.push(`${h} → ${got} (rule of ${t.id})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('should map no deny-listed host or its subdomains to a tool', () => {
    const mapped = SHARED_INFRASTRUCTURE_DOMAINS.flatMap((d) =>
      [d, `static-content-7.${d}`, `a.b.${d}`].filter((h) => sut.matchHost(h) !== undefined),
    );
    expect(mapped).toEqual([]);
  });

  it.each([
    ['storage.googleapis.com', undefined],
    ['www.googleapis.com', undefined],
    ['oauth2.googleapis.com', undefined],
    ['generativelanguage.googleapis.com', 'gemini-api'],
    ['objects.githubusercontent.com', undefined],
    ['raw.githubusercontent.com', undefined],
    ['copilot-proxy.githubusercontent.com', 'github-copilot'],
    ['api.githubcopilot.com', 'github-copilot'],
    ['api.openai.com', 'openai-api'],
    ['chatgpt.com', 'chatgpt'],
    ['claude.ai', 'claude'],
    ['api.anthropic.com', 'anthropic-api'],
    ['s3.amazonaws.com', undefined],
    ['bedrock-runtime.us-east-1.amazonaws.com', 'amazon-bedrock'],
    ['myresource.openai.azure.com', 'azure-openai'],
    ['portal.azure.com', undefined],
    ['login.microsoftonline.com', undefined],
    ['copilot.microsoft.com', 'microsoft-copilot'],
    ['cursor.com.attacker.example', undefined],
    ['openai.com-login.example', undefined],
    ['notopenai.com', undefined],
    ['mycursor.com', undefined],
    ['d3abc.cloudfront.net', undefined],
    ['js.stripe.com', undefined],
    ['o1.ingest.sentry.io', undefined],
    ['tenant.auth0.com', undefined],
    ['widget.intercom.io', undefined],
    ['http-intake.logs.datadoghq.com', undefined],
  ])('should resolve %s to %s', (host, expected) => {
    expect(sut.matchHost(host)).toBe(expected);
  });

  it('should resolve every package rule to its own tool', () => {
    const wrong: string[] = [];
    for (const t of tools) {
      for (const [eco, names] of Object.entries(t.rules.packages ?? {})) {
        for (const n of names ?? []) {
          const name = n.endsWith('*') ? `${n.slice(0, -1)}example` : n;
          const got = sut.matchPackage(eco as never, name);
          if (got !== t.id) wrong.push(`${eco}:${name} → ${got} (rule of ${t.id})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('should resolve a path from every path rule to its own tool and no other', () => {
    const wrong: string[] = [];
    for (const t of tools) {
      for (const rule of t.rules.paths ?? []) {
        const path = samplePath(rule);
        const got = sut.matchPath(path).map((m) => m.toolId);
        if (got.length !== 1 || got[0] !== t.id) wrong.push(`${path} → [${got}] (rule of ${t.id})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('should not take a Semantic Kernel prompt template for a GitHub Models prompt file', () => {
    expect(sut.matchPath('planners/Handlebars.prompt.yaml')).toEqual([]);
    expect(sut.matchPath('prompts/summarise.prompt.yml').map((m) => m.toolId)).toEqual([
      'github-models',
    ]);
  });

  it('should resolve every identity, extension, app and action to its own tool', () => {
    const wrong: string[] = [];
    const check = (what: string, got: string | undefined, id: string) => {
      if (got !== id) wrong.push(`${what} → ${got} (rule of ${id})`);
    };
    for (const t of tools) {
      for (const c of t.rules.commitIdentities ?? []) {
        if (c.email) check(c.email, sut.matchCommitEmail(c.email.toUpperCase()), t.id);
        if (c.login) check(c.login, sut.matchLogin(c.login), t.id);
      }
      for (const e of t.rules.ideExtensions ?? []) check(e, sut.matchIdeExtension(e), t.id);
      for (const a of t.rules.githubApps ?? []) check(a, sut.matchGithubApp(a), t.id);
      for (const w of t.rules.workflowActions ?? [])
        check(w, sut.matchWorkflowAction(`${w}@v1`), t.id);
      for (const m of t.rules.messageMarkers ?? []) {
        const got = sut.matchCommit(commit({ message: `feat: x\n\n${m}` })).map((x) => x.toolId);
        check(m, got.length === 1 ? got[0] : got.join('+'), t.id);
      }
      for (const n of [t.name, ...(t.aliases ?? [])]) check(n, sut.matchName(n), t.id);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    [
      'a terminal cursor',
      commit({ message: 'fix(tty): hide the cursor while redrawing the prompt' }),
    ],
    [
      'a database cursor',
      commit({ message: 'refactor: close the cursor in finally\n\nCursor leaks on error.' }),
    ],
    [
      'a human named Devin',
      commit({
        authorName: 'Devin Lee',
        authorEmail: 'devin@corp.example',
        authorLogin: 'devinlee',
      }),
    ],
    [
      'a human named Jules',
      commit({ authorName: 'Jules', authorEmail: 'jules@corp.example', committerName: 'Jules' }),
    ],
    [
      'a human named Claude',
      commit({ message: 'x\n\nCo-Authored-By: Claude Paroz <claude@2xlibre.net>' }),
    ],
    ['a vendor employee', commit({ authorName: 'Someone', authorEmail: 'someone@anthropic.com' })],
    [
      'a human co-author',
      commit({ message: 'feat: y\n\nCo-authored-by: Grace Hopper <grace@navy.example>' }),
    ],
    [
      'tool names in prose',
      commit({
        message:
          'docs: compare Copilot, Cursor, Windsurf, Claude Code, Gemini, Devin, Jules and aider',
      }),
    ],
    [
      'dependabot',
      commit({
        authorName: 'dependabot[bot]',
        authorEmail: '49699333+dependabot[bot]@users.noreply.github.com',
        authorLogin: 'dependabot[bot]',
      }),
    ],
    [
      'renovate',
      commit({
        authorName: 'renovate[bot]',
        authorEmail: '29139614+renovate[bot]@users.noreply.github.com',
        authorLogin: 'renovate[bot]',
      }),
    ],
    [
      'github-actions',
      commit({
        authorName: 'github-actions[bot]',
        authorEmail: '41898282+github-actions[bot]@users.noreply.github.com',
      }),
    ],
    [
      'the web-flow committer',
      commit({ committerName: 'GitHub', committerEmail: 'noreply@github.com' }),
    ],
  ])('should match nothing for %s', (_label, facts) => {
    expect(sut.matchCommit(facts)).toEqual([]);
  });

  it.each([
    ['Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>', 'github-copilot'],
    [
      'Co-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>',
      'github-copilot',
    ],
    ['Co-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>', 'claude-code'],
    ['Co-authored-by: Cursor Agent <cursoragent@cursor.com>', 'cursor'],
    ['Co-authored-by: Codex <codex@openai.com>', 'openai-codex'],
    [
      'Co-authored-by: google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>',
      'google-jules',
    ],
    ['Co-Authored-By: opencode <noreply@opencode.ai>', 'opencode'],
    ['Co-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>', 'qwen-code'],
    ['Co-authored-by: Amp <amp@ampcode.com>', 'amp'],
    ['Co-authored-by: aider (gpt-4o) <noreply@aider.chat>', 'aider'],
    ['Co-authored-by: v0[bot] <v0[bot]@users.noreply.github.com>', 'v0'],
  ])('should attribute the trailer %s to %s', (trailer, expected) => {
    expect(
      sut.matchCommit(commit({ message: `feat: x\n\n${trailer}` })).map((m) => m.toolId),
    ).toEqual([expected]);
  });
});
