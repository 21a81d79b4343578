import * as path from 'node:path';
import { CorrelationService } from '../../../src/findings/correlation/correlation.service';
import { runCli } from '../../support/processes';
import { GitRepoBuilder } from '../../support/git-repo-builder';
import { bearer, createTestApp, type TestApp, waitForJob } from '../../support/test-app';

// A token that must never leave the fixture: not in evidence, the MCP table, the API or the CLI.
const SECRET = 'ghp_DoNotLeakThisValue_9f8e7d6c5b4a3210';
const json = (v: unknown) => JSON.stringify(v, null, 2);

function clinicRepo(): GitRepoBuilder {
  const repo = new GitRepoBuilder('clinic');
  repo.commit({
    message: 'Set up agents',
    files: {
      '.mcp.json': json({
        mcpServers: {
          github: {
            command: 'docker',
            args: [
              'run',
              '-i',
              '--rm',
              '-e',
              'GITHUB_PERSONAL_ACCESS_TOKEN',
              'ghcr.io/github/github-mcp-server:v0.13.0',
            ],
            env: { GITHUB_PERSONAL_ACCESS_TOKEN: SECRET },
          },
          helper: { command: 'npx', args: ['-y', 'mcp-clinic-helper'] },
          billing: {
            type: 'http',
            url: `https://mcp.billing-vendor.example/mcp?key=${SECRET}`,
            headers: { Authorization: `Bearer ${SECRET}` },
          },
        },
      }),
      '.cursor/mcp.json': json({ mcpServers: { linear: { url: 'https://mcp.linear.app/sse' } } }),
      '.vscode/mcp.json': `{\n  // VS Code\n  "inputs": [{ "type": "promptString", "id": "pg", "password": true }],\n  "servers": { "pw": { "type": "stdio", "command": "npx", "args": ["@playwright/mcp@0.0.41"], "env": { "PGPASSWORD": "\${input:pg}" } } }\n}\n`,
      '.gemini/settings.json': json({
        mcpServers: { time: { command: 'uvx', args: ['mcp-server-time==0.6.2'] } },
        tools: { allowed: ['run_shell_command(git status)'] },
      }),
      'opencode.json': json({
        mcp: { ctx: { type: 'remote', url: 'https://mcp.context7.com/mcp' } },
      }),
      '.codex/config.toml': `approval_policy = "never"\nsandbox_mode = "danger-full-access"\n\n[mcp_servers.notion]\ncommand = "npx"\nargs = ["-y", "@notionhq/notion-mcp-server@1.9.0"]\nenv = { "NOTION_TOKEN" = "${SECRET}" }\n`,
      '.continue/mcpServers/db.yaml':
        'name: db\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: sqlite\n    command: uvx\n    args: [mcp-server-sqlite, --db-path, ./clinic.db]\n',
      '.zed/settings.json': json({
        context_servers: { fetch: { command: 'uvx', args: ['mcp-server-fetch'] } },
      }),
      '.roo/mcp.json': json({
        mcpServers: {
          memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] },
        },
      }),
      '.amazonq/mcp.json': json({
        mcpServers: {
          aws: {
            command: 'uvx',
            args: ['awslabs.aws-api-mcp-server@1.0.0'],
            env: { AWS_PROFILE: 'clinic' },
          },
        },
      }),
      '.codeium/windsurf/mcp_config.json': json({
        mcpServers: { figma: { serverUrl: 'https://mcp.figma.com/mcp' } },
      }),
      'tools/claude_desktop_config.json': json({
        mcpServers: {
          fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/data'] },
        },
      }),
      'tools/cline_mcp_settings.json': json({
        mcpServers: { brave: { command: 'npx', args: ['-y', '@brave/brave-search-mcp-server'] } },
      }),
      '.claude/settings.json': json({
        permissions: { allow: ['Bash', 'WebFetch'], deny: ['Read(./.env)'] },
        hooks: { PostToolUse: [] },
      }),
      '.claude/agents/triage.md':
        '---\nname: triage\ndescription: Triage tickets\ntools: Read, Grep\n---\nYou triage.\n',
      '.github/workflows/claude.yml': `on:\n  issue_comment:\npermissions:\n  contents: write\n  pull-requests: write\njobs:\n  claude:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}\n`,
      // lookalikes: none of these is an MCP configuration, an agent setting or an agent job
      'mcp.json': json({ name: 'mcp', description: 'Master control program', servers: ['a', 'b'] }),
      'app/.claude/notes.md': 'claude settings are discussed here',
      '.vscode/settings.json': json({ permissions: { allow: ['Bash'] } }),
      'package.json': json({ name: 'clinic', dependencies: { 'mcp-handler': '^1.0.0' } }),
      '.github/workflows/ci.yml':
        '# later: anthropics/claude-code-action\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "claude -p would go here"\n',
    },
  });
  return repo;
}

describe('agents and MCP servers in repositories', () => {
  let t: TestApp;
  let repo: GitRepoBuilder;
  let scanResult: {
    tools: {
      toolId: string;
      signals: { signal: string; path?: string; detail: Record<string, unknown> }[];
    }[];
  };

  beforeAll(async () => {
    repo = clinicRepo();
    t = await createTestApp({ env: { LOCAL_SCAN_ROOTS: path.dirname(repo.dir) } });
    const res = await t.http
      .post('/api/repos/scans')
      .set(bearer(t.tokens.security))
      .send({ path: repo.dir });
    expect(res.status).toBe(202);
    const job = await waitForJob(t, res.body.id as string);
    expect(job.error ?? null).toBeNull();
    scanResult = job.result as typeof scanResult;
  });

  afterAll(async () => {
    await t.close();
    repo.remove();
  });

  it('should list every configuration format’s servers with transport, package, version and names', async () => {
    const res = await t.http.get('/api/mcp-servers').set(bearer(t.tokens.security));
    expect(res.status).toBe(200);
    const rows = (res.body.servers as Record<string, unknown>[]).map((s) => [
      s.path,
      s.name,
      s.clientToolId,
      s.transport,
      s.packageName ?? s.host,
      s.packageVersion ?? null,
      s.catalogId,
    ]);
    expect(rows).toEqual([
      [
        '.amazonq/mcp.json',
        'aws',
        'amazon-q-developer',
        'stdio',
        'awslabs.aws-api-mcp-server',
        '1.0.0',
        'aws-api',
      ],
      [
        '.codeium/windsurf/mcp_config.json',
        'figma',
        'windsurf',
        'http',
        'mcp.figma.com',
        null,
        'figma',
      ],
      [
        '.codex/config.toml',
        'notion',
        'openai-codex',
        'stdio',
        '@notionhq/notion-mcp-server',
        '1.9.0',
        'notion',
      ],
      [
        '.continue/mcpServers/db.yaml',
        'sqlite',
        'continue',
        'stdio',
        'mcp-server-sqlite',
        null,
        'mcp-sqlite',
      ],
      ['.cursor/mcp.json', 'linear', 'cursor', 'sse', 'mcp.linear.app', null, 'linear'],
      [
        '.gemini/settings.json',
        'time',
        'gemini-cli',
        'stdio',
        'mcp-server-time',
        '0.6.2',
        'mcp-time',
      ],
      ['.mcp.json', 'billing', 'claude-code', 'http', 'mcp.billing-vendor.example', null, null],
      [
        '.mcp.json',
        'github',
        'claude-code',
        'stdio',
        'ghcr.io/github/github-mcp-server',
        'v0.13.0',
        'github',
      ],
      ['.mcp.json', 'helper', 'claude-code', 'stdio', 'mcp-clinic-helper', null, null],
      [
        '.roo/mcp.json',
        'memory',
        'roo-code',
        'stdio',
        '@modelcontextprotocol/server-memory',
        null,
        'mcp-memory',
      ],
      [
        '.vscode/mcp.json',
        'pw',
        'github-copilot',
        'stdio',
        '@playwright/mcp',
        '0.0.41',
        'playwright',
      ],
      ['.zed/settings.json', 'fetch', 'zed-ai', 'stdio', 'mcp-server-fetch', null, 'mcp-fetch'],
      ['opencode.json', 'ctx', 'opencode', 'http', 'mcp.context7.com', null, 'context7'],
      [
        'tools/claude_desktop_config.json',
        'fs',
        'claude',
        'stdio',
        '@modelcontextprotocol/server-filesystem',
        null,
        'mcp-filesystem',
      ],
      [
        'tools/cline_mcp_settings.json',
        'brave',
        'cline',
        'stdio',
        '@brave/brave-search-mcp-server',
        null,
        'brave-search',
      ],
    ]);
    const github = (res.body.servers as Record<string, unknown>[]).find((s) => s.name === 'github');
    expect(github).toMatchObject({
      envNames: ['GITHUB_PERSONAL_ACCESS_TOKEN'],
      pinned: true,
      known: true,
      publisher: 'GitHub',
      canWrite: true,
    });
    const billing = (res.body.servers as Record<string, unknown>[]).find(
      (s) => s.name === 'billing',
    );
    expect(billing).toMatchObject({
      url: 'https://mcp.billing-vendor.example/mcp',
      headerNames: ['Authorization'],
      known: false,
    });
    expect((await t.http.get('/api/mcp-servers').set(bearer(t.tokens.leader))).status).toBe(403);
  });

  it('should serve the MCP server catalog to every role', async () => {
    const res = await t.http.get('/api/catalog/mcp-servers').set(bearer(t.tokens.leader));
    expect(res.status).toBe(200);
    const servers = res.body.servers as { id: string; source: string }[];
    expect(servers.length).toBeGreaterThanOrEqual(100);
    expect(servers.find((s) => s.id === 'github')?.source).toBe(
      'https://github.com/github/github-mcp-server',
    );
  });

  it('should list agent permissions and agent CI jobs with where they are', async () => {
    const res = await t.http.get('/api/agents?repository=clinic').set(bearer(t.tokens.coe));
    expect(res.status).toBe(200);
    const agents = res.body.agents as {
      toolId: string;
      signal: string;
      path: string;
      detail: Record<string, unknown>;
    }[];
    expect(agents.map((a) => `${a.signal} ${a.toolId} ${a.path}`)).toEqual([
      'agent-permission claude-code .claude/agents/triage.md',
      'agent-permission claude-code .claude/settings.json',
      'agent-permission openai-codex .codex/config.toml',
      'agent-permission gemini-cli .gemini/settings.json',
      'agent-workflow claude-code .github/workflows/claude.yml',
    ]);
    expect(agents[1].detail).toMatchObject({
      permissions: { unrestrictedShell: true, network: true },
      hooks: ['PostToolUse'],
    });
    expect(agents[3].detail).toMatchObject({
      permissions: { unrestrictedShell: false, shell: 'scoped' },
    });
    expect(agents[4].detail).toMatchObject({
      writeScopes: ['contents', 'pull-requests'],
      secrets: ['ANTHROPIC_API_KEY'],
      triggers: ['issue_comment'],
    });
  });

  it('should print the new signals in the scan result and the AI-BOM, never a secret value', async () => {
    const signals = scanResult.tools.flatMap((tool) => tool.signals.map((s) => s.signal));
    for (const s of ['mcp-server', 'agent-permission', 'agent-workflow'])
      expect(signals).toContain(s);
    expect(JSON.stringify(scanResult)).not.toContain(SECRET);
    const [{ id }] = (await t.http.get('/api/repos').set(bearer(t.tokens.security))).body as {
      id: string;
    }[];
    const bom = await t.http.get(`/api/repos/${id}/cyclonedx`).set(bearer(t.tokens.security));
    const services = JSON.parse(bom.text).services as {
      name: string;
      endpoints?: string[];
      data: { flow: string; classification: string }[];
    }[];
    expect(services.find((s) => s.name === 'github')).toMatchObject({
      data: [
        { flow: 'bi-directional', classification: 'code-host' },
        { classification: 'tickets' },
        { classification: 'ci-cd' },
      ],
    });
    expect(services.find((s) => s.name === 'billing')).toMatchObject({
      endpoints: ['https://mcp.billing-vendor.example/mcp'],
      data: [{ flow: 'unknown' }],
    });
    expect(bom.text).not.toContain(SECRET);
    const stored = await t.dataSource.query(
      `SELECT (SELECT coalesce(string_agg(detail::text, ''), '') FROM evidence) || (SELECT string_agg(m::text, '') FROM mcp_server m) AS all`,
    );
    expect(stored[0].all).toContain('GITHUB_PERSONAL_ACCESS_TOKEN');
    expect(stored[0].all).not.toContain(SECRET);
  });

  it('should put the agent and MCP risk factors on the repository finding after correlation', async () => {
    const [{ id }] = (await t.http.get('/api/repos').set(bearer(t.tokens.security))).body as {
      id: string;
    }[];
    const set = await t.http
      .patch(`/api/repos/${id}/ownership`)
      .set(bearer(t.tokens.coe))
      .send({ dataClasses: ['phi'] });
    expect(set.status).toBe(200);
    await t.app.get(CorrelationService).correlate();
    const res = await t.http.get('/api/findings?toolId=claude-code').set(bearer(t.tokens.security));
    expect(res.status).toBe(200);
    const finding = (
      res.body.items as { subjectId: string; factors: { key: string; reason: string }[] }[]
    ).find((f) => f.subjectId === 'clinic');
    const factors = new Map(finding?.factors.map((f) => [f.key, f.reason]));
    expect(factors.get('agent.unrestricted-shell')).toBe(
      'an agent may run any shell command where the repository holds phi data: claude-code settings .claude/settings.json',
    );
    expect(factors.get('mcp.write-sensitive')).toContain(
      'github (GitHub MCP Server: writes code-host)',
    );
    expect(factors.get('mcp.unknown-package')).toContain('helper (mcp-clinic-helper)');
    expect(factors.get('mcp.unpinned')).toContain('helper (mcp-clinic-helper)');
    expect(factors.get('mcp.remote-unknown')).toContain('billing (mcp.billing-vendor.example)');
    // the Codex finding: full access without approval in a phi repository
    const codex = await t.http
      .get('/api/findings?toolId=openai-codex')
      .set(bearer(t.tokens.security));
    const keys = (codex.body.items as { factors: { key: string }[] }[])[0].factors.map(
      (f) => f.key,
    );
    expect(keys).toContain('agent.unrestricted-shell');
    expect(keys).not.toContain('mcp.unknown-package');
  });

  it('should print the same signals from the CLI scan-repo --json', () => {
    const out = runCli(['scan-repo', repo.dir, '--json'], {
      DATABASE_URL: t.env.DATABASE_URL,
      AI_CENSUS_DATA_DIR: t.env.AI_CENSUS_DATA_DIR,
      LOG_LEVEL: 'error',
    });
    expect(out.stderr).toBe('');
    expect(out.stdout).not.toContain(SECRET);
    const body = JSON.parse(out.stdout) as typeof scanResult;
    const mcp = body.tools.flatMap((tool) =>
      tool.signals
        .filter((s) => s.signal === 'mcp-server')
        .map((s) => `${tool.toolId}:${String(s.detail.server)}`),
    );
    expect(mcp).toEqual(
      expect.arrayContaining([
        'claude-code:github',
        'cursor:linear',
        'github-copilot:pw',
        'openai-codex:notion',
      ]),
    );
    expect(mcp).toHaveLength(15);
  });
});
