import { loadBuiltinCatalog } from '../../catalog/catalog-loader';
import { CatalogMatcher } from '../../catalog/matcher/catalog-matcher';
import {
  endpointEvidence,
  endpointIdentity,
  inventoryOf,
  reportHash,
  type EndpointToolMatcher,
} from './endpoint-inventory';
import {
  AI_EXECUTABLES,
  collectorWatchList,
  MCP_CLIENT_TOOLS,
  RUNTIME_TOOLS,
} from './endpoint-watch-list';
import type { EndpointReport } from './endpoints.types';

const tools = loadBuiltinCatalog();
const ids = new Set(tools.map((t) => t.id));
const catalog = CatalogMatcher.fromTools(tools);
const matcher: EndpointToolMatcher = {
  matchIdeExtension: (id) => catalog.matchIdeExtension(id),
  matchBrowserExtension: (id) => catalog.matchBrowserExtension(id),
  matchPackage: (eco, name) => catalog.matchPackage(eco, name),
  hasTool: (id) => ids.has(id),
  toolName: (id) => tools.find((t) => t.id === id)?.name,
};

const report: EndpointReport = {
  schemaVersion: 1,
  collectorVersion: '1.0.0',
  device: { id: '00000000-0000-4000-8000-000000000001', hostname: 'laptop-7', os: 'darwin' },
  user: 'Alice@Example.com',
  ideExtensions: [
    { ide: 'vscode', id: 'GitHub.copilot', version: '1.250.0' },
    { ide: 'IntelliJIdea', id: 'com.github.copilot', version: '1.5.40' },
    { ide: 'vscode', id: 'acme.unknown-ai', version: '0.1.0' },
  ],
  mcpServers: [
    {
      client: 'claude-desktop',
      name: 'github',
      transport: 'stdio',
      command: 'npx',
      package: '@modelcontextprotocol/server-github',
      version: null,
      host: null,
      envNames: ['GITHUB_PERSONAL_ACCESS_TOKEN'],
      headerNames: [],
    },
    {
      client: 'vscode',
      name: 'linear',
      transport: 'http',
      command: null,
      package: null,
      version: null,
      host: 'mcp.linear.app',
      envNames: [],
      headerNames: ['Authorization'],
    },
  ],
  cliTools: [
    { name: 'claude', package: '@anthropic-ai/claude-code', version: '2.0.14' },
    { name: 'llm', package: null, version: null },
  ],
  runtimes: [{ runtime: 'ollama', models: ['llama3.2:latest'] }],
  browserExtensions: [{ browser: 'chrome', id: 'ofpnmcalabcbjgholdjcjblkibolbppb', version: '7' }],
};

describe('endpoint watch list', () => {
  it('should name only tools the built-in catalog has', () => {
    const named = [
      ...Object.values(AI_EXECUTABLES),
      ...Object.values(MCP_CLIENT_TOOLS),
      ...Object.values(RUNTIME_TOOLS),
    ].filter((id): id is string => id !== null);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('should ask the collector for every IDE extension id in the catalog, in lower case', () => {
    const sut = collectorWatchList(
      tools.flatMap((t) => t.rules.ideExtensions ?? []),
      tools.flatMap((t) => t.rules.browserExtensions ?? []),
    );
    expect(sut.ideExtensions).toContain('github.copilot');
    expect(sut.ideExtensions).toContain('com.intellij.ml.llm');
    // Monica's store id, from the catalog's browserExtensions rules
    expect(sut.browserExtensions).toContain('ofpnmcalabcbjgholdjcjblkibolbppb');
    expect(sut.executables).toContain('claude');
    expect(sut.browserExtensions.every((id) => /^[a-p]{32}$/.test(id))).toBe(true);
  });
});

describe(inventoryOf.name, () => {
  it('should map each item to its tool and keep unknown ones as inventory only', () => {
    const sut = inventoryOf(report, matcher);
    expect(sut.map((i) => [i.kind, i.key, i.toolId])).toEqual([
      ['ide-extension', 'vscode:github.copilot', 'github-copilot'],
      ['ide-extension', 'IntelliJIdea:com.github.copilot', 'github-copilot'],
      ['ide-extension', 'vscode:acme.unknown-ai', null],
      ['mcp-server', 'claude-desktop:github', 'claude'],
      ['mcp-server', 'vscode:linear', null],
      ['cli-tool', 'claude', 'claude-code'],
      ['cli-tool', 'llm', null],
      ['runtime', 'ollama', 'ollama'],
      ['browser-extension', 'chrome:ofpnmcalabcbjgholdjcjblkibolbppb', 'monica'],
    ]);
  });

  it('should not take a lookalike command for the AI tool of the same name', () => {
    const withCli = (cliTools: EndpointReport['cliTools']) =>
      inventoryOf({ ...report, cliTools }, matcher)
        .filter((i) => i.kind === 'cli-tool')
        .map((i) => i.toolId);
    // AWS Copilot's CLI is a Go binary named copilot; GitHub's comes from npm
    expect(withCli([{ name: 'copilot', package: null, version: null }])).toEqual([null]);
    expect(withCli([{ name: 'copilot', package: '@github/copilot', version: '0.1' }])).toEqual([
      'github-copilot',
    ]);
    expect(withCli([{ name: 'amp', package: 'amp-cli-other', version: '1' }])).toEqual([null]);
  });

  it('should label a known browser extension by its tool and an unknown one by its id', () => {
    const sut = inventoryOf(
      {
        ...report,
        browserExtensions: [
          { browser: 'chrome', id: 'ofpnmcalabcbjgholdjcjblkibolbppb', version: '7' },
          { browser: 'edge', id: 'cjpalhdlnbpafiamejdnhcphjbkeiagm', version: '1' },
        ],
      },
      matcher,
    ).filter((i) => i.kind === 'browser-extension');
    expect(sut.map((i) => [i.label, i.toolId])).toEqual([
      ['Monica extension (chrome)', 'monica'],
      ['cjpalhdlnbpafiamejdnhcphjbkeiagm (edge)', null],
    ]);
  });

  it('should not claim a tool the catalog no longer has', () => {
    const sut = inventoryOf(report, { ...matcher, hasTool: (id) => id !== 'monica' });
    expect(sut.find((i) => i.kind === 'browser-extension')?.toolId).toBeNull();
  });
});

describe(endpointEvidence.name, () => {
  const at = new Date('2026-11-29T10:00:00Z');

  it('should record endpoint evidence per mapped item under the owner, fingerprinted by device', () => {
    const sut = endpointEvidence(report, inventoryOf(report, matcher), at);
    expect(sut).toHaveLength(6);
    expect(new Set(sut.map((e) => e.fingerprint)).size).toBe(6);
    expect(sut[0]).toMatchObject({
      toolId: 'github-copilot',
      signal: 'endpoint',
      identityKind: 'email',
      identityValue: 'alice@example.com',
      confidence: 0.85,
      firstSeen: at,
      lastSeen: at,
      detail: { device: 'laptop-7', kind: 'ide-extension', item: 'GitHub.copilot@1.250.0' },
    });
    const again = endpointEvidence(report, inventoryOf(report, matcher), new Date());
    expect(again.map((e) => e.fingerprint)).toEqual(sut.map((e) => e.fingerprint));
    const otherDevice = endpointEvidence(
      { ...report, device: { ...report.device, id: '00000000-0000-4000-8000-000000000009' } },
      inventoryOf(report, matcher),
      at,
    );
    expect(otherDevice[0].fingerprint).not.toBe(sut[0].fingerprint);
  });

  it('should read an e-mail as an e-mail and anything else as a user name', () => {
    expect(endpointIdentity(' Bob@Corp.example ')).toEqual({
      kind: 'email',
      value: 'bob@corp.example',
    });
    expect(endpointIdentity('CORP\\bob')).toEqual({ kind: 'username', value: 'CORP\\bob' });
    expect(endpointIdentity('bob@localhost')).toEqual({ kind: 'username', value: 'bob@localhost' });
  });
});

describe(reportHash.name, () => {
  it('should hash the same report alike whatever its key order, and differ on any change', () => {
    const reordered = JSON.parse(
      JSON.stringify({ ...report, user: undefined, device: report.device }),
    ) as EndpointReport;
    reordered.user = report.user;
    expect(reportHash(reordered)).toBe(reportHash(report));
    expect(reportHash({ ...report, runtimes: [] })).not.toBe(reportHash(report));
  });
});
