// The shape of the known-MCP-server catalog (data/mcp/mcp-servers.yaml).

/** What an MCP server gives an agent access to. */
export const MCP_REACHES = [
  'filesystem',
  'shell',
  'mail',
  'calendar',
  'chat',
  'messaging',
  'code-host',
  'ci-cd',
  'tickets',
  'docs',
  'database',
  'vector-store',
  'memory',
  'cloud',
  'infrastructure',
  'storage',
  'browser',
  'web',
  'search',
  'payments',
  'crm',
  'observability',
  'analytics',
  'design',
  'security',
  'ai-model',
  'other',
] as const;
export type McpReach = (typeof MCP_REACHES)[number];

/** Reaches where a server that can write is a risk factor on its own (mail, code, cloud). */
export const WRITE_SENSITIVE_REACHES: readonly McpReach[] = ['mail', 'code-host', 'cloud'];

export const MCP_PACKAGE_KINDS = ['npm', 'pypi', 'docker'] as const;
export type McpPackageKind = (typeof MCP_PACKAGE_KINDS)[number];

export interface McpCatalogEntry {
  id: string;
  name: string;
  publisher: string;
  /** maintained by the vendor of what it reaches (or the MCP steering group for reference servers) */
  official: boolean;
  archived?: boolean;
  packages?: Partial<Record<McpPackageKind, string[]>>;
  /** executable names the server is started by (github-mcp-server) */
  commands?: string[];
  /** host of a remote server's URL; a subdomain matches too */
  remoteHosts?: string[];
  reaches: McpReach[];
  canWrite: boolean;
  /** where the package names or host were read */
  source: string;
}

/** How a configured server was recognised in the catalog. */
export interface McpCatalogMatch {
  entry: McpCatalogEntry;
  by: 'package' | 'command' | 'remote-host';
}
