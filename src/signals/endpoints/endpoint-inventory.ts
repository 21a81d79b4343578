import { createHash } from 'node:crypto';
import type { Ecosystem } from '../../catalog/catalog.types';
import { confidenceOf } from '../../evidence/confidence';
import type { EvidenceInput } from '../../evidence/evidence.types';
import type { ResolvableKind } from '../../people/identity/identity-kinds';
import {
  AI_EXECUTABLES,
  EXECUTABLE_PACKAGES,
  MCP_CLIENT_TOOLS,
  RUNTIME_TOOLS,
} from './endpoint-watch-list';
import type { EndpointReport, InventoryItem } from './endpoints.types';

/** What the inventory asks the catalog. */
export interface EndpointToolMatcher {
  matchIdeExtension(id: string): string | undefined;
  /** a Chrome Web Store id → the tool whose catalog entry lists it */
  matchBrowserExtension(id: string): string | undefined;
  matchPackage(ecosystem: Ecosystem, name: string): string | undefined;
  /** whether the catalog (built-in or custom) has the tool */
  hasTool(toolId: string): boolean;
  /** the tool's display name, for an item's label */
  toolName?(toolId: string): string | undefined;
}

/** Every item of a report, each mapped to a catalog tool where one is known. Pure. */
export function inventoryOf(report: EndpointReport, matcher: EndpointToolMatcher): InventoryItem[] {
  const known = (id: string | null | undefined) => (id && matcher.hasTool(id) ? id : null);
  const items: InventoryItem[] = [];
  for (const e of report.ideExtensions) {
    items.push({
      kind: 'ide-extension',
      key: `${e.ide}:${e.id.toLowerCase()}`,
      label: e.version ? `${e.id}@${e.version}` : e.id,
      toolId: known(matcher.matchIdeExtension(e.id)),
      detail: { ide: e.ide, extension: e.id, version: e.version },
    });
  }
  for (const s of report.mcpServers) {
    items.push({
      kind: 'mcp-server',
      key: `${s.client}:${s.name}`,
      label: `${s.name} (${s.client})`,
      // a configured MCP server is use of the client it is configured for
      toolId: known(MCP_CLIENT_TOOLS[s.client]),
      detail: {
        client: s.client,
        server: s.name,
        transport: s.transport,
        command: s.command,
        package: s.package,
        version: s.version,
        host: s.host,
        envNames: s.envNames,
        headerNames: s.headerNames,
      },
    });
  }
  for (const t of report.cliTools) {
    const byPackage = t.package ? matcher.matchPackage('npm', t.package) : undefined;
    const required = EXECUTABLE_PACKAGES[t.name];
    const byName = required && t.package !== required ? null : AI_EXECUTABLES[t.name];
    items.push({
      kind: 'cli-tool',
      key: t.name,
      label: t.version ? `${t.name} ${t.version}` : t.name,
      toolId: known(byPackage ?? byName),
      detail: { command: t.name, package: t.package, version: t.version },
    });
  }
  for (const r of report.runtimes) {
    items.push({
      kind: 'runtime',
      key: r.runtime,
      label: `${r.runtime} (${r.models.length} ${r.models.length === 1 ? 'model' : 'models'})`,
      toolId: known(RUNTIME_TOOLS[r.runtime]),
      detail: { runtime: r.runtime, models: r.models },
    });
  }
  for (const b of report.browserExtensions) {
    const toolId = known(matcher.matchBrowserExtension(b.id));
    const name = toolId ? matcher.toolName?.(toolId) : undefined;
    items.push({
      kind: 'browser-extension',
      key: `${b.browser}:${b.id.toLowerCase()}`,
      label: `${name ? `${name} extension` : b.id} (${b.browser})`,
      toolId,
      detail: { browser: b.browser, extension: b.id, version: b.version },
    });
  }
  return items;
}

/** `alice@example.com` is an e-mail; anything else (`alice`, `CORP\alice`) a user name. */
export function endpointIdentity(user: string): { kind: ResolvableKind; value: string } {
  const value = user.trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
    ? { kind: 'email', value: value.toLowerCase() }
    : { kind: 'username', value };
}

/**
 * One evidence row per item that maps to a tool. The fingerprint is the device and the item, so
 * the next report of the same device moves last-seen instead of adding a row.
 */
export function endpointEvidence(
  report: EndpointReport,
  items: InventoryItem[],
  seenAt: Date,
): EvidenceInput[] {
  const identity = endpointIdentity(report.user);
  const { confidence, reason } = confidenceOf('endpointInstalled');
  return items.flatMap((item): EvidenceInput[] =>
    item.toolId
      ? [
          {
            toolId: item.toolId,
            signal: 'endpoint',
            identityKind: identity.kind,
            identityValue: identity.value,
            firstSeen: seenAt,
            lastSeen: seenAt,
            count: 1,
            confidence,
            detail: {
              device: report.device.hostname,
              deviceId: report.device.id,
              os: report.device.os,
              kind: item.kind,
              item: item.label,
              ...item.detail,
              reason,
            },
            fingerprint: createHash('sha1')
              .update(`endpoint\u0000${report.device.id}\u0000${item.kind}\u0000${item.key}`)
              .digest('hex'),
          },
        ]
      : [],
  );
}

/** The same report always hashes the same, whatever order its keys arrived in. */
export function reportHash(report: EndpointReport): string {
  return createHash('sha256').update(canonicalJson(report)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
