import { CatalogValidationError } from '../catalog-validator';
import { builtinMcpCatalog, McpServerCatalog, parseMcpCatalog } from './mcp-catalog';

describe('MCP server catalog', () => {
  const sut = builtinMcpCatalog();

  it('should hold at least 100 servers, each with an https source, a publisher and what it reaches', () => {
    expect(sut.entries.length).toBeGreaterThanOrEqual(100);
    for (const e of sut.entries) {
      expect(e.source).toMatch(/^https:\/\//);
      expect(e.publisher.length).toBeGreaterThan(0);
      expect(e.reaches.length).toBeGreaterThan(0);
    }
  });

  it('should cover the reference servers and the major vendors the issue names', () => {
    const ids = new Set(sut.entries.map((e) => e.id));
    for (const id of [
      'mcp-filesystem',
      'mcp-fetch',
      'mcp-git',
      'mcp-memory',
      'mcp-github-archived',
      'github',
      'gitlab',
      'atlassian',
      'linear',
      'notion',
      'sentry',
      'stripe',
      'cloudflare',
      'azure',
      'supabase',
      'mongodb',
      'neon',
      'redis',
      'elasticsearch',
      'grafana',
      'playwright',
      'browserbase',
      'figma',
      'zapier',
      'terraform',
      'context7',
      'firecrawl',
      'tavily',
      'brave-search',
      'perplexity',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('should find servers by package (pypi names normalised), docker image, command and host', () => {
    expect(sut.matchPackage('npm', '@modelcontextprotocol/server-filesystem')?.entry.id).toBe(
      'mcp-filesystem',
    );
    expect(sut.matchPackage('pypi', 'MCP_Server.Git')?.entry.id).toBe('mcp-git');
    expect(sut.matchPackage('docker', 'docker.io/mcp/github')?.entry.id).toBe(
      'mcp-github-archived',
    );
    expect(sut.matchPackage('docker', 'ghcr.io/github/github-mcp-server')?.entry.id).toBe('github');
    expect(sut.matchCommand('/usr/local/bin/github-mcp-server')?.entry.id).toBe('github');
    expect(sut.matchHost('docs.mcp.cloudflare.com')?.entry.id).toBe('cloudflare');
    expect(sut.matchHost('mcp.atlassian.com')).toMatchObject({
      by: 'remote-host',
      entry: { id: 'atlassian', canWrite: true },
    });
  });

  it('should not match lookalike names', () => {
    expect(sut.matchPackage('npm', 'mcp-server-filesystem-extra')).toBeUndefined();
    expect(sut.matchPackage('npm', 'server-filesystem')).toBeUndefined();
    expect(sut.matchHost('notmcp.atlassian.com.evil.example')).toBeUndefined();
    expect(sut.matchHost('example.com')).toBeUndefined();
  });

  it('should reject an entry without a source, naming the file, server and field', () => {
    const text = `servers:\n  - id: x\n    name: X\n    publisher: P\n    official: true\n    packages: { npm: [x-mcp] }\n    reaches: [web]\n    canWrite: false\n`;
    expect(() => parseMcpCatalog(text, 'f.yaml')).toThrow(CatalogValidationError);
    expect(() => parseMcpCatalog(text, 'f.yaml')).toThrow(
      /f\.yaml: tool "x": source must be an https URL/,
    );
  });

  it('should reject an unknown reach, a missing identifier and a package claimed twice', () => {
    const base = (id: string, extra: string) =>
      `  - id: ${id}\n    name: N\n    publisher: P\n    official: false\n    canWrite: false\n    source: https://example.com/${id}\n${extra}`;
    const text = [
      'servers:',
      base('a', "    reaches: [teleport]\n    packages: { npm: ['a-mcp'] }"),
      base('b', '    reaches: [web]'),
      base('c', "    reaches: [web]\n    packages: { npm: ['shared'] }"),
      base('d', "    reaches: [web]\n    packages: { npm: ['Shared'] }"),
    ].join('\n');
    let error: CatalogValidationError | undefined;
    try {
      parseMcpCatalog(text, 'f.yaml');
    } catch (e) {
      error = e as CatalogValidationError;
    }
    expect(error?.problems.map((p) => `${p.toolId}.${p.field}`)).toEqual([
      'a.reaches',
      'b.packages',
      'd.npm',
    ]);
  });

  it('should build from given entries', () => {
    const custom = new McpServerCatalog([
      {
        id: 'x',
        name: 'X',
        publisher: 'P',
        official: false,
        remoteHosts: ['mcp.example.com'],
        reaches: ['web'],
        canWrite: false,
        source: 'https://example.com',
      },
    ]);
    expect(custom.matchHost('eu.mcp.example.com')?.entry.id).toBe('x');
  });
});
