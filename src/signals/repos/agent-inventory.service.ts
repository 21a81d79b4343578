import { Injectable } from '@nestjs/common';
import { EvidenceService } from '../../evidence/evidence.service';
import type { EvidenceRecord } from '../../evidence/evidence.types';

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

function item(e: EvidenceRecord): AgentInventoryItem {
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

/** MCP servers and agents found in repositories, read from their evidence. */
@Injectable()
export class AgentInventoryService {
  constructor(private readonly evidence: EvidenceService) {}

  async mcpServers(repository?: string): Promise<AgentInventoryItem[]> {
    const rows = await this.evidence.list({ signal: 'mcp-server', repository, limit: MAX });
    return rows.map(item).sort(byPlace);
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
