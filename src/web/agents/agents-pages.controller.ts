import { Controller, Get, Query } from '@nestjs/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AgentInventoryService } from '../../signals/repos/agent-inventory.service';
import { ConsolePage } from '../console/console.decorators';
import { BlankAsAbsent } from '../console/form-transforms';
import { CONSOLE_ROLES } from '../console/nav';
import { page } from '../console/page';

export class AgentsFilterDto {
  @BlankAsAbsent()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  repository?: string;
}

/** Security's list of what acts on the organisation's behalf: MCP servers and coding agents. */
@Controller('agents')
export class AgentsPagesController {
  constructor(private readonly inventory: AgentInventoryService) {}

  @Get()
  @ConsolePage(...CONSOLE_ROLES.agents)
  async list(@Query() q: AgentsFilterDto) {
    const [servers, agents] = await Promise.all([
      this.inventory.mcpServers(q.repository),
      this.inventory.agents(q.repository),
    ]);
    return page('agents/agents', 'Agents and MCP servers', {
      query: q,
      servers: servers.map((s) => ({
        ...s,
        package: s.packageName
          ? `${s.packageName}${s.packageVersion ? `@${s.packageVersion}` : ''}`
          : null,
        risks: s.riskFlags.map((f) => f.split('|')[0]),
      })),
      agents: agents.map((a) => ({
        ...a,
        what: agentSummary(a.signal, a.detail),
      })),
    });
  }
}

/** One line on what an agent definition or CI job may do, from its permission summary. */
export function agentSummary(signal: string, detail: Record<string, unknown>): string {
  if (signal === 'agent-workflow') {
    const scopes = (detail.writeScopes as string[] | undefined) ?? [];
    const secrets = (detail.secrets as string[] | undefined) ?? [];
    return [
      `CI job ${String(detail.job ?? '')}`.trim(),
      scopes.length ? `writes: ${scopes.join(', ')}` : 'no write scope',
      secrets.length ? `secrets: ${secrets.join(', ')}` : null,
    ]
      .filter(Boolean)
      .join(' · ');
  }
  const p = (detail.permissions ?? {}) as Record<string, unknown>;
  const flags = [
    p.unrestrictedShell ? 'any shell command' : p.shell ? 'shell (listed commands)' : null,
    p.network ? 'network' : null,
    p.write ? `writes ${typeof p.write === 'string' ? p.write : 'files'}` : null,
    p.bypass ? 'skips approval prompts' : null,
  ].filter(Boolean);
  const kind = [detail.kind, detail.name].filter(Boolean).join(' ');
  return `${kind || 'agent settings'}${flags.length ? ` · may run ${flags.join(', ')}` : ''}`;
}
