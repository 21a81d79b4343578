import type { ScanWarning } from '../../repo-scan.types';
import { parseAgentPermissions } from './agent-permission.parser';
import { parseAgentWorkflow } from './agent-workflow.parser';
import { detectAgents } from './agents.detector';
import { parseLaunch } from './mcp-launch';
import { parseMcpConfig } from './mcp-config.parser';

const SECRET = 'ghp_SuperSecretValue1234567890abcdef';

function servers(path: string, text: string) {
  const r = parseMcpConfig(path, text);
  expect(r.error).toBeUndefined();
  return r.servers;
}

describe('parseLaunch', () => {
  it('should read npx, uvx, pipx and docker launches with their versions', () => {
    expect(
      parseLaunch('npx', ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '/srv']),
    ).toMatchObject({
      command: 'npx',
      package: {
        ecosystem: 'npm',
        name: '@modelcontextprotocol/server-filesystem',
        version: '2025.8.21',
        pinned: true,
      },
    });
    expect(parseLaunch('npx', ['-y', 'firecrawl-mcp@latest']).package).toMatchObject({
      version: 'latest',
      pinned: false,
    });
    expect(parseLaunch('cmd', ['/c', 'npx', '-y', '@playwright/mcp']).package).toMatchObject({
      name: '@playwright/mcp',
      pinned: false,
    });
    expect(
      parseLaunch('uvx', ['--from', 'redis-mcp-server==0.5.1', 'redis-mcp-server']).package,
    ).toEqual({
      ecosystem: 'pypi',
      name: 'redis-mcp-server',
      version: '0.5.1',
      pinned: true,
    });
    expect(parseLaunch('uvx', ['mcp-server-git', '--repository', '.']).package).toEqual({
      ecosystem: 'pypi',
      name: 'mcp-server-git',
      pinned: false,
    });
    expect(parseLaunch('pipx', ['run', 'mcp-server-fetch']).package?.name).toBe('mcp-server-fetch');
    const docker = parseLaunch('docker', [
      'run',
      '-i',
      '--rm',
      '-e',
      'GITHUB_PERSONAL_ACCESS_TOKEN',
      '-e',
      `OTHER=${SECRET}`,
      '-v',
      '/a:/b',
      'ghcr.io/github/github-mcp-server:v0.13.0',
    ]);
    expect(docker).toMatchObject({
      command: 'docker',
      package: {
        ecosystem: 'docker',
        name: 'ghcr.io/github/github-mcp-server',
        version: 'v0.13.0',
        pinned: true,
      },
      envNames: ['GITHUB_PERSONAL_ACCESS_TOKEN', 'OTHER'],
    });
    expect(JSON.stringify(docker)).not.toContain(SECRET);
    expect(parseLaunch('docker', ['run', '-i', 'mcp/fetch']).package).toMatchObject({
      name: 'mcp/fetch',
      pinned: false,
    });
    expect(parseLaunch('npx', ['mcp-remote', 'https://mcp.atlassian.com/v1/sse']).proxiedUrl).toBe(
      'https://mcp.atlassian.com/v1/sse',
    );
    expect(parseLaunch('node', ['./server.js', `--token=${SECRET}`])).toEqual({
      command: 'node',
      envNames: [],
    });
    expect(
      parseLaunch('uvx', ['--from', 'git+https://github.com/oraios/serena', 'serena']).unregistered,
    ).toBe('git');
  });
});

describe('parseMcpConfig', () => {
  it('should read Claude Code .mcp.json: stdio and http servers, env and header names only', () => {
    const text = JSON.stringify(
      {
        mcpServers: {
          github: {
            command: 'npx',
            args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
            env: { GITHUB_PERSONAL_ACCESS_TOKEN: SECRET },
          },
          sentry: {
            type: 'http',
            url: 'https://mcp.sentry.dev/mcp?token=abc',
            headers: { Authorization: 'Bearer ${SENTRY_TOKEN}' },
          },
        },
      },
      null,
      2,
    );
    const out = servers('.mcp.json', text);
    expect(out).toEqual([
      expect.objectContaining({
        name: 'github',
        client: 'claude-code',
        transport: 'stdio',
        command: 'npx',
        envNames: ['GITHUB_PERSONAL_ACCESS_TOKEN'],
        literalValueNames: ['GITHUB_PERSONAL_ACCESS_TOKEN'],
        line: 3,
      }),
      expect.objectContaining({
        name: 'sentry',
        transport: 'http',
        url: 'https://mcp.sentry.dev/mcp',
        host: 'mcp.sentry.dev',
        headerNames: ['Authorization'],
        literalValueNames: [],
      }),
    ]);
    expect(JSON.stringify(out)).not.toContain(SECRET);
    expect(JSON.stringify(out)).not.toContain('token=abc');
  });

  it('should read Cursor, Roo, Amazon Q, Kiro, Cline and Claude Desktop files (mcpServers)', () => {
    const body = JSON.stringify({
      mcpServers: { fs: { command: 'npx', args: ['@modelcontextprotocol/server-filesystem'] } },
    });
    expect(servers('.cursor/mcp.json', body)[0].client).toBe('cursor');
    expect(servers('.roo/mcp.json', body)[0].client).toBe('roo-code');
    expect(servers('.amazonq/mcp.json', body)[0].client).toBe('amazon-q-developer');
    expect(servers('.kiro/settings/mcp.json', body)[0].client).toBe('kiro');
    expect(servers('config/cline_mcp_settings.json', body)[0].client).toBe('cline');
    expect(servers('docs/claude_desktop_config.json', body)[0].client).toBe('claude');
  });

  it('should read VS Code .vscode/mcp.json (servers, inputs, comments) naming inputs, not values', () => {
    const text = `{
      // comments are allowed here
      "inputs": [{ "type": "promptString", "id": "pat", "description": "GitHub PAT", "password": true }],
      "servers": {
        "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/", "headers": { "Authorization": "Bearer \${input:pat}" } },
        "pw": { "type": "stdio", "command": "npx", "args": ["@playwright/mcp@0.0.41"] },
      },
    }`;
    const out = servers('.vscode/mcp.json', text);
    expect(out.map((s) => [s.name, s.client, s.transport, s.inputNames])).toEqual([
      ['github', 'github-copilot', 'http', ['pat']],
      ['pw', 'github-copilot', 'stdio', []],
    ]);
  });

  it('should read Gemini CLI settings (url = SSE, httpUrl = streamable HTTP)', () => {
    const text = JSON.stringify({
      mcpServers: {
        a: { url: 'https://x.example.com/sse' },
        b: { httpUrl: 'https://y.example.com/mcp', headers: { 'X-Api-Key': SECRET } },
        c: { command: 'uvx', args: ['mcp-server-time'] },
      },
    });
    const out = servers('.gemini/settings.json', text);
    expect(out.map((s) => [s.name, s.transport])).toEqual([
      ['a', 'sse'],
      ['b', 'http'],
      ['c', 'stdio'],
    ]);
    expect(out[1].literalValueNames).toEqual(['X-Api-Key']);
    expect(JSON.stringify(out)).not.toContain(SECRET);
  });

  it('should read opencode.json (command arrays, environment, remote) in both layouts', () => {
    const v1 = JSON.stringify({
      $schema: 'https://opencode.ai/config.json',
      mcp: {
        ctx: { type: 'remote', url: 'https://mcp.context7.com/mcp' },
        mem: {
          type: 'local',
          command: ['npx', '-y', '@modelcontextprotocol/server-memory'],
          environment: { MEMORY_FILE_PATH: '/tmp/m' },
          enabled: false,
        },
      },
    });
    expect(servers('opencode.json', v1)).toEqual([
      expect.objectContaining({ name: 'ctx', transport: 'http', host: 'mcp.context7.com' }),
      expect.objectContaining({
        name: 'mem',
        command: 'npx',
        package: expect.objectContaining({ name: '@modelcontextprotocol/server-memory' }),
        envNames: ['MEMORY_FILE_PATH'],
        disabled: true,
      }),
    ]);
    const v2 = JSON.stringify({
      mcp: {
        servers: {
          e: { type: 'local', command: ['npx', '-y', '@modelcontextprotocol/server-everything'] },
        },
      },
    });
    expect(servers('opencode.jsonc', v2).map((s) => s.name)).toEqual(['e']);
  });

  it('should read Windsurf (serverUrl), Zed (context_servers, old and new form) and Codex TOML', () => {
    expect(
      servers(
        '.codeium/windsurf/mcp_config.json',
        JSON.stringify({ mcpServers: { l: { serverUrl: 'https://mcp.linear.app/sse' } } }),
      )[0],
    ).toMatchObject({ client: 'windsurf', transport: 'sse', host: 'mcp.linear.app' });
    const zed = `{ "context_servers": { "old": { "command": { "path": "uvx", "args": ["mcp-server-fetch"], "env": {"A": "1"} } }, "new": { "source": "custom", "command": "npx", "args": ["-y", "tavily-mcp"] } } }`;
    expect(
      servers('.zed/settings.json', zed).map((s) => [
        s.name,
        s.client,
        s.package?.name,
        s.envNames,
      ]),
    ).toEqual([
      ['old', 'zed-ai', 'mcp-server-fetch', ['A']],
      ['new', 'zed-ai', 'tavily-mcp', []],
    ]);
    const toml = `model = "o3"\n\n[mcp_servers.docs]\ncommand = "npx"\nargs = ["-y", "@upstash/context7-mcp@1.0.14"]\nenv = { "CONTEXT7_API_KEY" = "${SECRET}" }\n\n[mcp_servers.figma]\nurl = "https://mcp.figma.com/mcp"\nbearer_token_env_var = "FIGMA_TOKEN"\nhttp_headers = { "X-Team" = "a" }\n`;
    const out = servers('.codex/config.toml', toml);
    expect(
      out.map((s) => [s.name, s.client, s.transport, s.envNames, s.headerNames, s.line]),
    ).toEqual([
      ['docs', 'openai-codex', 'stdio', ['CONTEXT7_API_KEY'], [], 3],
      ['figma', 'openai-codex', 'http', ['FIGMA_TOKEN'], ['X-Team'], 8],
    ]);
    expect(JSON.stringify(out)).not.toContain(SECRET);
  });

  it('should read Continue YAML (list), block files and the old JSON layout', () => {
    const yaml = `name: a\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: SQLite\n    command: uvx\n    args: [mcp-server-sqlite, --db-path, ./db]\n    env:\n      TOKEN: \${{ secrets.TOKEN }}\n`;
    expect(servers('.continue/mcpServers/sqlite.yaml', yaml)[0]).toMatchObject({
      name: 'SQLite',
      client: 'continue',
      package: { name: 'mcp-server-sqlite' },
      envNames: ['TOKEN'],
      literalValueNames: [],
    });
    expect(servers('.continue/config.yaml', yaml)).toHaveLength(1);
    const old = JSON.stringify({
      experimental: {
        modelContextProtocolServers: [
          { transport: { type: 'stdio', command: 'uvx', args: ['mcp-server-time'] } },
        ],
      },
    });
    expect(servers('.continue/config.json', old)[0]).toMatchObject({
      name: 'server-1',
      package: { name: 'mcp-server-time' },
    });
  });

  it('should yield nothing for a mcp.json that is not an MCP configuration', () => {
    expect(
      servers('mcp.json', JSON.stringify({ name: 'mcp', version: '1.0.0', servers: ['a', 'b'] })),
    ).toEqual([]);
    expect(
      servers(
        'app/mcp.json',
        JSON.stringify({ mcpServers: { x: { description: 'no command or url' } } }),
      ),
    ).toEqual([]);
    expect(parseMcpConfig('package.json', '{"name":"mcp-server-thing"}').servers).toEqual([]);
  });

  it('should name the file and line of a broken configuration', () => {
    expect(parseMcpConfig('.cursor/mcp.json', '{\n  "mcpServers": {\n    "a": \n}').error).toMatch(
      /not valid JSON at line 4/,
    );
  });
});

describe('parseAgentPermissions', () => {
  it('should summarise Claude settings: unrestricted shell, network, writes, hooks', () => {
    const text = JSON.stringify(
      {
        permissions: { allow: ['Bash', 'WebFetch', 'Edit(src/**)'], deny: ['Read(./.env)'] },
        hooks: { PreToolUse: [], Stop: [] },
      },
      null,
      2,
    );
    expect(parseAgentPermissions('.claude/settings.json', text)).toEqual([
      expect.objectContaining({
        client: 'claude-code',
        kind: 'settings',
        unrestrictedShell: true,
        shell: 'any',
        network: true,
        write: 'scoped',
        bypass: false,
        hooks: ['PreToolUse', 'Stop'],
        denied: ['Read(./.env)'],
      }),
    ]);
    expect(
      parseAgentPermissions(
        '.claude/settings.local.json',
        JSON.stringify({ permissions: { allow: ['Bash(npm run test:*)'] } }),
      )[0],
    ).toMatchObject({ unrestrictedShell: false, shell: 'scoped' });
    expect(
      parseAgentPermissions(
        '.claude/settings.json',
        JSON.stringify({ permissions: { defaultMode: 'bypassPermissions' } }),
      )[0],
    ).toMatchObject({ unrestrictedShell: true, bypass: true, write: 'any' });
    expect(
      parseAgentPermissions(
        '.claude/settings.json',
        JSON.stringify({ permissions: { allow: ['Bash(*)'], deny: ['Bash'] } }),
      )[0].unrestrictedShell,
    ).toBe(false);
  });

  it('should read sub-agents, skills and Copilot custom agents and chat modes from front matter', () => {
    expect(
      parseAgentPermissions(
        '.claude/agents/reviewer.md',
        '---\nname: reviewer\ndescription: Reviews code\ntools: Read, Grep, Bash\n---\nYou review.',
      )[0],
    ).toMatchObject({
      kind: 'sub-agent',
      name: 'reviewer',
      allowed: ['Read', 'Grep', 'Bash'],
      shell: 'ask',
      unrestrictedShell: false,
    });
    expect(
      parseAgentPermissions('.claude/agents/all.md', '---\nname: all\ndescription: x\n---\n')[0]
        .allowed,
    ).toEqual(['(inherits all tools)']);
    expect(
      parseAgentPermissions(
        '.claude/skills/pdf/SKILL.md',
        '---\nname: pdf\ndescription: PDFs\nallowed-tools: [Read, Write]\n---\n',
      )[0],
    ).toMatchObject({ kind: 'skill', write: 'any' });
    expect(
      parseAgentPermissions(
        '.github/agents/docs.agent.md',
        "---\nname: docs\ndescription: d\ntools: ['read', 'edit', 'shell']\n---\n",
      )[0],
    ).toMatchObject({ client: 'github-copilot', kind: 'custom-agent', write: 'any', shell: 'ask' });
    expect(
      parseAgentPermissions(
        '.github/chatmodes/plan.chatmode.md',
        "---\ndescription: plan\ntools: ['codebase', 'fetch']\n---\n",
      )[0],
    ).toMatchObject({ kind: 'chat-mode', name: 'plan', network: true, write: 'none' });
  });

  it('should read Gemini, Codex, Cursor CLI and Amazon Q permissions', () => {
    expect(
      parseAgentPermissions(
        '.gemini/settings.json',
        JSON.stringify({ tools: { allowed: ['run_shell_command'], exclude: ['web_fetch'] } }),
      )[0],
    ).toMatchObject({ client: 'gemini-cli', unrestrictedShell: true });
    expect(
      parseAgentPermissions(
        '.gemini/settings.json',
        JSON.stringify({
          coreTools: ['ReadFileTool'],
          tools: { allowed: ['run_shell_command(git status)'] },
        }),
      )[0],
    ).toMatchObject({ unrestrictedShell: false, shell: 'scoped' });
    expect(
      parseAgentPermissions(
        '.codex/config.toml',
        'approval_policy = "never"\nsandbox_mode = "danger-full-access"\n',
      )[0],
    ).toMatchObject({ client: 'openai-codex', unrestrictedShell: true, bypass: true });
    expect(
      parseAgentPermissions(
        '.codex/config.toml',
        'sandbox_mode = "workspace-write"\n[sandbox_workspace_write]\nnetwork_access = true\n',
      )[0],
    ).toMatchObject({ unrestrictedShell: false, write: 'scoped', network: true });
    expect(
      parseAgentPermissions(
        '.cursor/cli.json',
        JSON.stringify({ permissions: { allow: ['Shell(*)', 'Write(src/**)'] } }),
      )[0],
    ).toMatchObject({ client: 'cursor', unrestrictedShell: true, write: 'scoped' });
    expect(
      parseAgentPermissions(
        '.amazonq/cli-agents/dev.json',
        JSON.stringify({ name: 'dev', tools: ['*'], allowedTools: ['fs_read', 'execute_bash'] }),
      )[0],
    ).toMatchObject({ client: 'amazon-q-developer', unrestrictedShell: true });
  });

  it('should ignore lookalikes: an unrelated settings.json, a Markdown file without front matter', () => {
    expect(
      parseAgentPermissions('.claude/settings.json', JSON.stringify({ theme: 'dark' })),
    ).toEqual([]);
    expect(
      parseAgentPermissions('.gemini/settings.json', JSON.stringify({ ui: { theme: 'x' } })),
    ).toEqual([]);
    expect(
      parseAgentPermissions(
        '.vscode/settings.json',
        JSON.stringify({ permissions: { allow: ['Bash'] } }),
      ),
    ).toEqual([]);
    expect(
      parseAgentPermissions('.claude/agents/README.md', '# Our agents\nNothing here.'),
    ).toEqual([]);
  });
});

describe('parseAgentWorkflow', () => {
  const claude = `name: Claude
on:
  issue_comment:
    types: [created]
  pull_request_target:
permissions:
  contents: write
  pull-requests: write
  issues: read
jobs:
  claude:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: anthropics/claude-code-action@v1
        with:
          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}
          github_token: \${{ secrets.GITHUB_TOKEN }}
`;

  it('should find a job running an agent action with its write scopes, triggers and secret names', () => {
    expect(parseAgentWorkflow('.github/workflows/claude.yml', claude)).toEqual([
      {
        client: 'claude-code',
        path: '.github/workflows/claude.yml',
        job: 'claude',
        line: 11,
        runs: 'anthropics/claude-code-action@v1',
        triggers: ['issue_comment', 'pull_request_target'],
        permissions: { contents: 'write', 'pull-requests': 'write', issues: 'read' },
        writeScopes: ['contents', 'pull-requests'],
        secrets: ['ANTHROPIC_API_KEY', 'GITHUB_TOKEN'],
      },
    ]);
  });

  it('should find agent CLIs run in steps and the default token when no permissions are set', () => {
    const wf = `on: push\njobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          npm ci\n          codex exec "fix the tests"\n        env:\n          OPENAI_API_KEY: \${{ secrets.OPENAI_KEY }}\n  copilot-setup-steps:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n`;
    expect(parseAgentWorkflow('.github/workflows/fix.yml', wf)).toEqual([
      expect.objectContaining({
        client: 'openai-codex',
        job: 'fix',
        runs: 'codex exec',
        permissions: 'default',
        writeScopes: ['(default token)'],
        secrets: ['OPENAI_KEY'],
      }),
    ]);
    expect(
      parseAgentWorkflow('.github/workflows/copilot-setup-steps.yml', wf).map((j) => j.client),
    ).toEqual(['openai-codex', 'github-copilot']);
  });

  it('should not match a workflow that only mentions an agent in a comment or an echo', () => {
    const wf = `# Ask claude to review: anthropics/claude-code-action is not used yet\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "claude -p is how we would call it"\n      - run: npm test -- --grep codex\n`;
    expect(parseAgentWorkflow('.github/workflows/ci.yml', wf)).toEqual([]);
  });
});

describe('detectAgents', () => {
  it('should flag unknown, unpinned and write-capable servers and unrestricted shells for risk', () => {
    const warnings: ScanWarning[] = [];
    const contents = new Map([
      [
        '.mcp.json',
        JSON.stringify({
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
            helper: { command: 'npx', args: ['-y', 'mcp-shady-helper'] },
            remote: { type: 'http', url: 'https://mcp.unknown-vendor.example/mcp' },
            docs: { type: 'http', url: 'https://mcp.context7.com/mcp' },
          },
        }),
      ],
      ['.claude/settings.json', JSON.stringify({ permissions: { allow: ['Bash(*)'] } })],
      [
        '.github/workflows/ai.yml',
        'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: openai/codex-action@v1\n',
      ],
      [
        'tests/fixtures/.mcp.json',
        JSON.stringify({ mcpServers: { x: { command: 'npx', args: ['@playwright/mcp@0.0.41'] } } }),
      ],
    ]);
    const traces = detectAgents(contents, warnings);
    const bySignal = (s: string) => traces.filter((t) => t.signal === s);
    const mcp = bySignal('mcp-server');
    expect(
      mcp.map((t) => [
        t.detail.server,
        t.toolId,
        (t.detail.catalog as { id?: string }).id ?? t.detail.catalog,
        t.detail.riskFlags,
      ]),
    ).toEqual([
      [
        'github',
        'claude-code',
        'github',
        ['mcp.write-sensitive|github (GitHub MCP Server: writes code-host)'],
      ],
      [
        'helper',
        'claude-code',
        'unknown',
        ['mcp.unknown-package|helper (mcp-shady-helper)', 'mcp.unpinned|helper (mcp-shady-helper)'],
      ],
      [
        'remote',
        'claude-code',
        'unknown',
        ['mcp.remote-unknown|remote (mcp.unknown-vendor.example)'],
      ],
      ['docs', 'claude-code', 'context7', []],
      ['x', 'claude-code', 'playwright', []],
    ]);
    expect(mcp[0].confidence).toBe(0.9);
    expect(mcp[4].confidence).toBe(0.3);
    expect(bySignal('agent-permission')[0].detail.riskFlags).toEqual([
      'agent.unrestricted-shell|claude-code settings .claude/settings.json',
    ]);
    expect(bySignal('agent-workflow')[0]).toMatchObject({
      toolId: 'openai-codex',
      detail: { writeScopes: ['(default token)'] },
    });
    expect(JSON.stringify(traces)).not.toContain(SECRET);
    expect(warnings).toEqual([]);
  });
});
