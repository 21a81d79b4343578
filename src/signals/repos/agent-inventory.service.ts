import { Injectable } from '@nestjs/common';
import { builtinMcpCatalog } from '../../catalog/mcp/mcp-catalog';
import { EvidenceService } from '../../evidence/evidence.service';
import type { EvidenceRecord } from '../../evidence/evidence.types';
import type { McpServerEntity } from './entities/mcp-server.entity';
import { McpServerRepository, type McpServerRow } from './mcp-server.repository';
import type { RepoTrace } from './repo-scan.types';

const MAX = 10_000;

/** An MCP server or an agent as security lists it: what it is and where it was found. */
export interface AgentInventoryItem {
  /** catalog id of the client or agent */
  toolId: string;
  signal: string;
  repository: string | null;
  path: string | null;
  line: number | null;
  confidence: number;
  firstSeen: Date;
  lastSeen: Date;
  /** the entity: server name, transport, package, env and header names; or the permission summary */
  detail: Record<string, unknown>;
}

export function item(e: EvidenceRecord): AgentInventoryItem {
  const { path, line, ...detail } = e.detail as { path?: string; line?: number };
  return {
    toolId: e.toolId,
    signal: e.signal,
    repository: e.repository,
    path: path ?? null,
    line: line ?? null,
    confidence: Number(e.confidence),
    firstSeen: e.firstSeen,
    lastSeen: e.lastSeen,
    detail,
  };
}

/** The stored form of a scan's mcp-server traces (one per file and server name). */
export function mcpServerRows(traces: RepoTrace[]): McpServerRow[] {
  const out = new Map<string, McpServerRow>();
  for (const t of traces) {
    if (t.signal !== 'mcp-server' || !t.path) continue;
    const d = t.detail;
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    const catalog = d.catalog as { id?: string } | string | undefined;
    out.set(`${t.path}\u0000${String(d.server)}`, {
      repository: '',
      path: t.path,
      name: String(d.server),
      line: t.line ?? null,
      clientToolId: t.toolId,
      transport: String(d.transport),
      command: str(d.command),
      packageEcosystem: str(d.ecosystem),
      packageName: str(d.package),
      packageVersion: str(d.version),
      pinned: typeof d.pinned === 'boolean' ? d.pinned : null,
      url: str(d.url),
      host: str(d.host),
      envNames: (d.envNames as string[] | undefined) ?? [],
      headerNames: (d.headerNames as string[] | undefined) ?? [],
      catalogId: typeof catalog === 'object' && catalog.id ? catalog.id : null,
      riskFlags: (d.riskFlags as string[] | undefined) ?? [],
    });
  }
  return [...out.values()];
}

/** An MCP server as security sees it: where it is, what it runs, what the catalog knows. */
export interface McpServerView extends Omit<McpServerEntity, 'id'> {
  known: boolean;
  publisher: string | null;
  reaches: string[];
  canWrite: boolean | null;
}

/** MCP servers (their own table) and agents (their evidence) found in repositories. */
@Injectable()
export class AgentInventoryService {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly servers: McpServerRepository,
  ) {}

  /** Stores what one repository's scan found (all of its tree was read). */
  async record(repository: string, traces: RepoTrace[], seenAt: Date): Promise<void> {
    await this.servers.replaceForRepository(repository, mcpServerRows(traces), seenAt);
  }

  async mcpServers(repository?: string): Promise<McpServerView[]> {
    const catalog = builtinMcpCatalog();
    return (await this.servers.list(repository)).map(({ id: _id, ...s }) => {
      const entry = s.catalogId ? catalog.get(s.catalogId) : undefined;
      return {
        ...s,
        known: entry !== undefined,
        publisher: entry?.publisher ?? null,
        reaches: entry?.reaches ?? [],
        canWrite: entry?.canWrite ?? null,
      };
    });
  }

  /** Agent definitions and permission settings, and CI jobs that run an agent. */
  async agents(repository?: string): Promise<AgentInventoryItem[]> {
    const [perms, jobs] = await Promise.all([
      this.evidence.list({ signal: 'agent-permission', repository, limit: MAX }),
      this.evidence.list({ signal: 'agent-workflow', repository, limit: MAX }),
    ]);
    return [...perms, ...jobs].map(item).sort(byPlace);
  }
}

function byPlace(a: AgentInventoryItem, b: AgentInventoryItem): number {
  return (
    (a.repository ?? '').localeCompare(b.repository ?? '') ||
    (a.path ?? '').localeCompare(b.path ?? '') ||
    (a.line ?? 0) - (b.line ?? 0)
  );
}
