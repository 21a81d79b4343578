import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildFakeHome, SECRET_VALUE, zipOf } from '../testing/fake-home';
import * as sut from './collector';

const WATCH = {
  ideExtensions: ['github.copilot', 'anthropic.claude-code', 'com.github.copilot'],
  browserExtensions: ['ofpnmcalabcbjgholdjcjblkibolbppb', 'eanggfilgoajaocelnaflolkadkeghjp'],
  executables: ['claude', 'ollama'],
};

describe('collector: MCP server entries', () => {
  it('should keep the package and the names of env variables, never their values or the args', () => {
    const s = sut.describeMcpServer('claude-desktop', 'github', {
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-github@2025.4.8', `--token=${SECRET_VALUE}`],
      env: { GITHUB_PERSONAL_ACCESS_TOKEN: SECRET_VALUE },
    });
    expect(s).toEqual({
      client: 'claude-desktop',
      name: 'github',
      transport: 'stdio',
      command: 'npx',
      package: '@modelcontextprotocol/server-github',
      version: '2025.4.8',
      host: null,
      envNames: ['GITHUB_PERSONAL_ACCESS_TOKEN'],
      headerNames: [],
    });
    expect(JSON.stringify(s)).not.toContain(SECRET_VALUE);
  });

  it('should keep only the host of a remote server whose path and query hold a key', () => {
    const s = sut.describeMcpServer('cursor', 'zapier', {
      url: `https://user:${SECRET_VALUE}@mcp.zapier.com/api/mcp/s/${SECRET_VALUE}/sse?k=${SECRET_VALUE}`,
      headers: { Authorization: `Bearer ${SECRET_VALUE}` },
      type: 'sse',
    });
    expect(s).toMatchObject({
      transport: 'sse',
      host: 'mcp.zapier.com',
      command: null,
      headerNames: ['Authorization'],
    });
    expect(JSON.stringify(s)).not.toContain(SECRET_VALUE);
  });

  it('should read the image of docker run past flags that take values', () => {
    expect(
      sut.describeMcpServer('cursor', 'pg', {
        command: 'docker',
        args: ['run', '-i', '--rm', '-e', 'DATABASE_URI', '--network', 'host', 'mcp/postgres:1.0'],
      }),
    ).toMatchObject({ command: 'docker', package: 'docker:mcp/postgres', version: '1.0' });
  });

  it('should read uvx, uvx --from, pnpm dlx and a Windows npx.cmd path', () => {
    expect(sut.launchedPackage('uvx', ['mcp-server-fetch==2025.1.17'])).toEqual({
      ecosystem: 'pypi',
      spec: 'mcp-server-fetch==2025.1.17',
    });
    expect(sut.launchedPackage('uvx', ['--from', 'mcp-server-git', 'mcp-git'])).toEqual({
      ecosystem: 'pypi',
      spec: 'mcp-server-git',
    });
    expect(sut.launchedPackage('pnpm', ['dlx', '@playwright/mcp@latest'])).toEqual({
      ecosystem: 'npm',
      spec: '@playwright/mcp@latest',
    });
    expect(
      sut.describeMcpServer('vscode', 'fs', {
        command: 'C:\\Users\\alice\\AppData\\Roaming\\npm\\npx.cmd',
        args: ['-y', '@modelcontextprotocol/server-filesystem', 'C:\\Users\\alice\\secret-project'],
      }),
    ).toMatchObject({
      command: 'npx',
      package: '@modelcontextprotocol/server-filesystem',
      version: null,
    });
  });

  it('should drop credentials from a package given as a URL', () => {
    const s = sut.describeMcpServer('cursor', 'git', {
      command: 'uvx',
      args: ['--from', `git+https://oauth2:${SECRET_VALUE}@gitlab.example.com/team/mcp.git`, 'x'],
    });
    expect(s.package).toBe('pypi:git+https://gitlab.example.com/team/mcp.git');
  });

  it('should read the command shapes of opencode (array) and Zed (object)', () => {
    expect(
      sut.describeMcpServer('opencode', 'ctx', {
        type: 'local',
        command: ['bunx', '@upstash/context7-mcp@1.0.0'],
        environment: { CONTEXT7_KEY: SECRET_VALUE },
      }),
    ).toMatchObject({
      command: 'bunx',
      package: '@upstash/context7-mcp',
      version: '1.0.0',
      envNames: ['CONTEXT7_KEY'],
    });
    expect(
      sut.describeMcpServer('zed', 'gh', {
        command: { path: '/usr/bin/npx', args: ['@acme/mcp'], env: { TOKEN: SECRET_VALUE } },
      }),
    ).toMatchObject({ command: 'npx', package: '@acme/mcp', envNames: ['TOKEN'] });
  });

  it('should split versions of each ecosystem', () => {
    expect(sut.splitVersion('npm', '@scope/pkg@1.2.3')).toEqual({
      name: '@scope/pkg',
      version: '1.2.3',
    });
    expect(sut.splitVersion('npm', '@scope/pkg')).toEqual({ name: '@scope/pkg', version: null });
    expect(sut.splitVersion('pypi', 'mcp-server-fetch==1.0')).toEqual({
      name: 'mcp-server-fetch',
      version: '1.0',
    });
    expect(sut.splitVersion('docker', 'localhost:5000/mcp/x')).toEqual({
      name: 'localhost:5000/mcp/x',
      version: null,
    });
    expect(sut.splitVersion('docker', 'ghcr.io/github/github-mcp-server@sha256:abc')).toEqual({
      name: 'ghcr.io/github/github-mcp-server',
      version: 'sha256:abc',
    });
  });
});

describe('collector: configuration formats', () => {
  it('should read JSON with comments and trailing commas, leaving strings alone', () => {
    const text = `{
      // a comment
      "url": "https://a.example/x//y", /* block */
      "list": [1, 2,],
    }`;
    expect(JSON.parse(sut.stripJsonComments(text))).toEqual({
      url: 'https://a.example/x//y',
      list: [1, 2],
    });
  });

  it('should read Codex mcp_servers tables keeping env names and dropping their values', () => {
    const servers = sut.codexMcpServers(`
model = "o3"
[mcp_servers.sentry]
command = "npx"
args = ["-y", "@sentry/mcp-server@0.17.1"]
env = { SENTRY_TOKEN = "${SECRET_VALUE}", "SENTRY_HOST" = "x" }

[mcp_servers."docs site"]
url = "https://mcp.example.com/mcp"
[mcp_servers."docs site".http_headers]
X-Api-Key = "${SECRET_VALUE}"
[profiles.fast]
command = "not a server"
`);
    expect(servers).toEqual({
      sentry: {
        command: 'npx',
        args: ['-y', '@sentry/mcp-server@0.17.1'],
        env: { SENTRY_TOKEN: true, SENTRY_HOST: true },
      },
      'docs site': { url: 'https://mcp.example.com/mcp', http_headers: { 'X-Api-Key': true } },
    });
    expect(JSON.stringify(servers)).not.toContain(SECRET_VALUE);
  });

  it('should read the id and version of a plugin.xml, and fall back to its name', () => {
    expect(
      sut.pluginXmlOf(
        '<idea-plugin><id>com.github.copilot</id><version>1.5</version></idea-plugin>',
      ),
    ).toEqual({ id: 'com.github.copilot', version: '1.5' });
    expect(sut.pluginXmlOf('<idea-plugin><name>Old &amp; Gold</name></idea-plugin>')).toEqual({
      id: 'Old & Gold',
      version: null,
    });
    expect(sut.jetBrainsProduct('IntelliJIdea2025.2')).toBe('IntelliJIdea');
    expect(sut.jetBrainsProduct('PyCharm2024.3.1')).toBe('PyCharm');
  });

  it('should read one stored or deflated entry of a zip and nothing else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-zip-'));
    try {
      const jar = path.join(dir, 'p.jar');
      fs.writeFileSync(
        jar,
        zipOf([
          { name: 'a.txt', data: 'stored', deflate: false },
          { name: 'META-INF/plugin.xml', data: '<id>x.y</id>'.repeat(50) },
        ]),
      );
      expect(sut.readZipEntry(jar, 'a.txt')?.toString()).toBe('stored');
      expect(sut.readZipEntry(jar, 'META-INF/plugin.xml')?.toString()).toBe(
        '<id>x.y</id>'.repeat(50),
      );
      expect(sut.readZipEntry(jar, 'missing')).toBeNull();
      fs.writeFileSync(jar, 'not a zip');
      expect(sut.readZipEntry(jar, 'a.txt')).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should order Chromium version folders by number, not text', () => {
    expect(sut.newestVersion(['9.0.1_0', '10.0.0_0', '9.10.0_0'])).toBe('10.0.0');
    expect(sut.newestVersion([])).toBeNull();
  });

  it('should refuse unknown options and a missing server or token', () => {
    expect(() => sut.parseArgs(['--server', 'http://x'], {})).toThrow(/--token/);
    expect(() => sut.parseArgs(['--token', 't'], {})).toThrow(/--server/);
    expect(() =>
      sut.parseArgs(['--server', 'http://x', '--token', 't', '--os', 'beos'], {}),
    ).toThrow(/--os must be/);
    expect(() => sut.parseArgs(['--serve', 'x'], {})).toThrow(/unknown option "--serve"/);
    expect(
      sut.parseArgs(['--server=http://x/', '--dry-run'], { AI_CENSUS_TOKEN: 't' }),
    ).toMatchObject({ server: 'http://x', token: 't', dryRun: true });
  });
});

describe(sut.collect.name, () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-home-'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it.each(['linux', 'darwin', 'win32'] as const)(
    'should find the same tools in a %s home and no secret',
    (osName) => {
      const home = path.join(root, osName);
      const { binDir } = buildFakeHome(home, osName);
      const env = { PATH: binDir };
      const report = sut.collect({
        layout: sut.layoutFor(osName, home, env, true),
        env,
        watch: WATCH,
        device: { id: '00000000-0000-4000-8000-000000000001', hostname: 'laptop' },
        user: 'alice@example.com',
      });
      expect(report.ideExtensions).toEqual([
        { ide: 'IntelliJIdea', id: 'com.github.copilot', version: '1.5.40' },
        { ide: 'cursor', id: 'Anthropic.claude-code', version: '2.0.1' },
        { ide: 'vscode', id: 'GitHub.copilot', version: '1.250.0' },
      ]);
      expect(report.mcpServers.map((s) => `${s.client}/${s.name}:${s.package ?? s.host}`)).toEqual([
        'claude-desktop/github:@modelcontextprotocol/server-github',
        'claude-desktop/zapier:mcp.zapier.com',
        'codex/notion docs:null',
        'codex/sentry:@sentry/mcp-server',
        'cursor/postgres:docker:crystaldba/postgres-mcp',
        'vscode/fetch:pypi:mcp-server-fetch',
        'vscode/linear:mcp.linear.app',
      ]);
      expect(report.cliTools).toEqual([
        osName === 'win32'
          ? { name: 'claude', package: null, version: null }
          : { name: 'claude', package: '@anthropic-ai/claude-code', version: '2.0.14' },
      ]);
      expect(report.runtimes).toEqual([
        { runtime: 'gpt4all', models: ['Meta-Llama-3-8B-Instruct.Q4_0.gguf'] },
        { runtime: 'ollama', models: ['acme/coder:7b', 'llama3.2:latest'] },
      ]);
      expect(report.browserExtensions).toEqual([
        { browser: 'chrome', id: 'ofpnmcalabcbjgholdjcjblkibolbppb', version: '7.9.7' },
        { browser: 'edge', id: 'eanggfilgoajaocelnaflolkadkeghjp', version: '11.2.0' },
      ]);
      expect(JSON.stringify(report)).not.toContain(SECRET_VALUE);
    },
  );

  it('should find nothing of another OS in a home laid out for Windows', () => {
    const home = path.join(root, 'win-only');
    buildFakeHome(home, 'win32');
    const report = sut.collect({
      layout: sut.layoutFor('linux', home, {}, true),
      env: {},
      watch: WATCH,
      device: { id: '00000000-0000-4000-8000-000000000002', hostname: 'x' },
      user: 'u',
    });
    // the folders shared by every OS still count; the per-OS ones do not
    expect(report.mcpServers.map((s) => s.client)).not.toContain('claude-desktop');
    expect(report.ideExtensions.map((e) => e.ide)).not.toContain('IntelliJIdea');
    expect(report.browserExtensions).toEqual([]);
  });
});
