import { builtinMcpCatalog, type McpServerCatalog } from '../../../../catalog/mcp/mcp-catalog';
import { WRITE_SENSITIVE_REACHES } from '../../../../catalog/mcp/mcp-catalog.types';
import type { RepoTrace, ScanWarning } from '../../repo-scan.types';
import { traceConfidence } from '../path-confidence';
import { isWorkflowPath } from '../workflow.detector';
import { parseAgentPermissions, isPermissionPath } from './agent-permission.parser';
import { parseAgentWorkflow } from './agent-workflow.parser';
import { mcpFormatOf, parseMcpConfig, type McpServerConfig } from './mcp-config.parser';

/** Risk flags a trace carries for correlation: `factor|what it is about`. */
export const AGENT_RISK_FLAGS = {
  unrestrictedShell: 'agent.unrestricted-shell',
  mcpWriteSensitive: 'mcp.write-sensitive',
  mcpUnknownPackage: 'mcp.unknown-package',
  mcpUnpinned: 'mcp.unpinned',
  mcpRemoteUnknown: 'mcp.remote-unknown',
} as const;

/** Files the agent detectors read (chosen from paths alone, like every candidate). */
export function isAgentCandidate(path: string): boolean {
  return mcpFormatOf(path) !== undefined || isPermissionPath(path);
}

function packageLabel(s: McpServerConfig): string | undefined {
  if (!s.package) return undefined;
  return s.package.version ? `${s.package.name}@${s.package.version}` : s.package.name;
}

/** An MCP server as evidence: the entity's fields, what the catalog knows, the risk flags. */
export function mcpServerDetail(
  s: McpServerConfig,
  catalog: McpServerCatalog,
): Record<string, unknown> {
  const match =
    (s.package && catalog.matchPackage(s.package.ecosystem, s.package.name)) ||
    (s.host && catalog.matchHost(s.host)) ||
    (s.command && !s.package ? catalog.matchCommand(s.command) : undefined) ||
    undefined;
  // a proxy (mcp-remote) is known, but what it reaches is the remote server behind it
  const reached = s.proxied && s.host ? catalog.matchHost(s.host) : match;
  const flags: string[] = [];
  const entry = reached?.entry;
  if (entry?.canWrite) {
    const sensitive = entry.reaches.filter((r) => WRITE_SENSITIVE_REACHES.includes(r));
    if (sensitive.length)
      flags.push(
        `${AGENT_RISK_FLAGS.mcpWriteSensitive}|${s.name} (${entry.name}: writes ${sensitive.join(', ')})`,
      );
  }
  const pkg = packageLabel(s);
  if ((s.package && !match) || s.unregistered === 'git') {
    flags.push(`${AGENT_RISK_FLAGS.mcpUnknownPackage}|${s.name} (${pkg ?? 'from a git URL'})`);
  }
  if (s.package && !s.package.pinned)
    flags.push(`${AGENT_RISK_FLAGS.mcpUnpinned}|${s.name} (${pkg})`);
  if (s.host && (s.proxied ? !reached : !match) && !/^(localhost|127\.|\[::1\])/.test(s.host)) {
    flags.push(`${AGENT_RISK_FLAGS.mcpRemoteUnknown}|${s.name} (${s.host})`);
  }
  return {
    server: s.name,
    format: s.format,
    transport: s.transport,
    ...(s.command ? { command: s.command } : {}),
    ...(s.package
      ? {
          ecosystem: s.package.ecosystem,
          package: s.package.name,
          ...(s.package.version ? { version: s.package.version } : {}),
          pinned: s.package.pinned,
        }
      : {}),
    ...(s.unregistered ? { unregistered: s.unregistered } : {}),
    ...(s.url ? { url: s.url, host: s.host } : {}),
    ...(s.proxied ? { proxied: true } : {}),
    envNames: s.envNames,
    headerNames: s.headerNames,
    ...(s.literalValueNames.length ? { literalValueNames: s.literalValueNames } : {}),
    ...(s.inputNames.length ? { inputNames: s.inputNames } : {}),
    ...(s.disabled ? { disabled: true } : {}),
    catalog: entry
      ? {
          id: entry.id,
          name: entry.name,
          publisher: entry.publisher,
          official: entry.official,
          reaches: entry.reaches,
          canWrite: entry.canWrite,
        }
      : 'unknown',
    riskFlags: flags,
  };
}

/**
 * MCP servers, agent permissions and CI jobs running agents, from the files of one snapshot.
 * Every trace's tool is the client that reads the file.
 */
export function detectAgents(
  contents: Map<string, string>,
  warnings: ScanWarning[],
  catalog: McpServerCatalog = builtinMcpCatalog(),
): RepoTrace[] {
  const traces: RepoTrace[] = [];
  for (const [path, content] of contents) {
    if (mcpFormatOf(path)) {
      const parsed = parseMcpConfig(path, content);
      if (parsed.error) warnings.push({ path, reason: `MCP configuration ${parsed.error}` });
      for (const s of parsed.servers) {
        const detail = { rule: `mcp-config:${s.format}`, ...mcpServerDetail(s, catalog) };
        traces.push({
          toolId: s.client,
          signal: 'mcp-server',
          path,
          line: s.line,
          confidence: traceConfidence('mcpServer', path, detail),
          detail,
          key: `mcp:${s.name}`,
        });
      }
    }
    if (isPermissionPath(path)) {
      for (const p of parseAgentPermissions(path, content)) {
        const detail: Record<string, unknown> = {
          rule: `agent-${p.kind}`,
          kind: p.kind,
          name: p.name,
          permissions: {
            unrestrictedShell: p.unrestrictedShell,
            shell: p.shell,
            network: p.network,
            write: p.write,
            bypass: p.bypass,
          },
          allowed: p.allowed,
          denied: p.denied,
          hooks: p.hooks,
          riskFlags: p.unrestrictedShell
            ? [`${AGENT_RISK_FLAGS.unrestrictedShell}|${p.client} ${p.kind} ${path}`]
            : [],
        };
        traces.push({
          toolId: p.client,
          signal: 'agent-permission',
          path,
          line: p.line,
          confidence: traceConfidence('agentPermission', path, detail),
          detail,
          key: `perm:${p.kind}:${p.name}`,
        });
      }
    }
    if (isWorkflowPath(path)) {
      for (const j of parseAgentWorkflow(path, content)) {
        const detail: Record<string, unknown> = {
          rule: 'agent-workflow',
          job: j.job,
          runs: j.runs,
          triggers: j.triggers,
          permissions: j.permissions,
          writeScopes: j.writeScopes,
          secrets: j.secrets,
        };
        traces.push({
          toolId: j.client,
          signal: 'agent-workflow',
          path,
          line: j.line,
          confidence: traceConfidence('agentWorkflow', path, detail),
          detail,
          key: `job:${j.job}`,
        });
      }
    }
  }
  return traces;
}
