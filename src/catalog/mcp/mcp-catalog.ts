import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { CatalogValidationError, TOOL_ID_PATTERN, type CatalogProblem } from '../catalog-validator';
import {
  MCP_PACKAGE_KINDS,
  MCP_REACHES,
  type McpCatalogEntry,
  type McpCatalogMatch,
  type McpPackageKind,
} from './mcp-catalog.types';

// Beside the tool catalog's files (copied to dist by scripts/copy-assets.js).
export const BUILTIN_MCP_CATALOG_FILE = join(__dirname, '..', 'data', 'mcp', 'mcp-servers.yaml');

const ENTRY_KEYS = new Set([
  'id',
  'name',
  'publisher',
  'official',
  'archived',
  'packages',
  'commands',
  'remoteHosts',
  'reaches',
  'canWrite',
  'source',
]);
const HOST = /^([a-z0-9-]+\.)+[a-z]{2,}$/;

/** pypi names compare case-insensitively with -, _ and . alike (PEP 503). */
export function normalizeMcpPackage(kind: McpPackageKind, name: string): string {
  const n = name.trim().toLowerCase();
  if (kind === 'pypi') return n.replace(/[-_.]+/g, '-');
  if (kind === 'docker')
    return n
      .replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
      .replace(/^library\//, '');
  return n;
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');
}

/** Every problem of one entry, named by file, server id and field. */
export function validateMcpEntry(raw: unknown, file: string): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [{ file, field: '(entry)', message: 'must be a mapping' }];
  }
  const e = raw as Record<string, unknown>;
  const toolId = typeof e.id === 'string' ? e.id : undefined;
  const add = (field: string, message: string) => problems.push({ file, toolId, field, message });
  for (const key of Object.keys(e)) if (!ENTRY_KEYS.has(key)) add(key, 'is not a known field');
  if (!toolId || !TOOL_ID_PATTERN.test(toolId)) add('id', 'must be a lower-case slug');
  for (const f of ['name', 'publisher'] as const) {
    if (typeof e[f] !== 'string' || (e[f] as string).trim() === '') add(f, 'is required');
  }
  if (typeof e.official !== 'boolean') add('official', 'must be true or false');
  if (typeof e.canWrite !== 'boolean') add('canWrite', 'must be true or false');
  if (e.archived !== undefined && typeof e.archived !== 'boolean')
    add('archived', 'must be true or false');
  if (typeof e.source !== 'string' || !/^https:\/\/[^\s]+$/.test(e.source)) {
    add('source', 'must be an https URL');
  }
  if (!isStringList(e.reaches) || e.reaches.length === 0)
    add('reaches', 'must list what it reaches');
  else {
    for (const r of e.reaches) {
      if (!(MCP_REACHES as readonly string[]).includes(r))
        add('reaches', `"${r}" is not one of ${MCP_REACHES.join(', ')}`);
    }
  }
  let identifiers = 0;
  if (e.packages !== undefined) {
    if (typeof e.packages !== 'object' || e.packages === null || Array.isArray(e.packages)) {
      add('packages', 'must be a mapping of npm, pypi, docker');
    } else {
      for (const [kind, names] of Object.entries(e.packages)) {
        if (!(MCP_PACKAGE_KINDS as readonly string[]).includes(kind))
          add(`packages.${kind}`, 'is not npm, pypi or docker');
        else if (!isStringList(names)) add(`packages.${kind}`, 'must be a list of names');
        else identifiers += names.length;
      }
    }
  }
  if (e.commands !== undefined) {
    if (!isStringList(e.commands)) add('commands', 'must be a list of executable names');
    else identifiers += e.commands.length;
  }
  if (e.remoteHosts !== undefined) {
    if (!isStringList(e.remoteHosts)) add('remoteHosts', 'must be a list of hosts');
    else {
      for (const h of e.remoteHosts)
        if (!HOST.test(h)) add('remoteHosts', `"${h}" is not a lower-case host name`);
      identifiers += e.remoteHosts.length;
    }
  }
  if (identifiers === 0)
    add('packages', 'a server needs a package, a command or a remote host to be recognised');
  return problems;
}

/** Parses and validates the catalog text; an identifier claimed by two servers is a problem. */
export function parseMcpCatalog(text: string, file: string): McpCatalogEntry[] {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new CatalogValidationError([
      {
        file,
        field: e.linePos ? `line ${e.linePos[0].line}` : '(yaml)',
        message: e.message.split('\n')[0],
      },
    ]);
  }
  const body = doc.toJS() as { servers?: unknown } | null;
  if (!body || !Array.isArray(body.servers)) {
    throw new CatalogValidationError([
      { file, field: 'servers', message: 'must be a list at the top level' },
    ]);
  }
  const problems: CatalogProblem[] = [];
  const entries: McpCatalogEntry[] = [];
  const ids = new Set<string>();
  const claimed = new Map<string, string>();
  for (const raw of body.servers) {
    const found = validateMcpEntry(raw, file);
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    const entry = raw as McpCatalogEntry;
    if (ids.has(entry.id))
      problems.push({ file, toolId: entry.id, field: 'id', message: 'is defined twice' });
    ids.add(entry.id);
    const keys = [
      ...MCP_PACKAGE_KINDS.flatMap((k) =>
        (entry.packages?.[k] ?? []).map((n) => `${k}:${normalizeMcpPackage(k, n)}`),
      ),
      ...(entry.commands ?? []).map((c) => `command:${c.toLowerCase()}`),
      ...(entry.remoteHosts ?? []).map((h) => `host:${h}`),
    ];
    for (const key of keys) {
      const other = claimed.get(key);
      if (other !== undefined && other !== entry.id) {
        problems.push({
          file,
          toolId: entry.id,
          field: key.split(':')[0],
          message: `"${key.slice(key.indexOf(':') + 1)}" is also claimed by ${other}`,
        });
      }
      claimed.set(key, entry.id);
    }
    entries.push(entry);
  }
  if (problems.length > 0) throw new CatalogValidationError(problems);
  return entries;
}

/** Looks configured servers up in the catalog: by package, executable or remote host. */
export class McpServerCatalog {
  private readonly byPackage = new Map<string, McpCatalogEntry>();
  private readonly byCommand = new Map<string, McpCatalogEntry>();
  private readonly byHost = new Map<string, McpCatalogEntry>();

  constructor(readonly entries: readonly McpCatalogEntry[]) {
    for (const e of entries) {
      for (const kind of MCP_PACKAGE_KINDS) {
        for (const n of e.packages?.[kind] ?? [])
          this.byPackage.set(`${kind}:${normalizeMcpPackage(kind, n)}`, e);
      }
      for (const c of e.commands ?? []) this.byCommand.set(c.toLowerCase(), e);
      for (const h of e.remoteHosts ?? []) this.byHost.set(h, e);
    }
  }

  get(id: string): McpCatalogEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  matchPackage(kind: McpPackageKind, name: string): McpCatalogMatch | undefined {
    const entry = this.byPackage.get(`${kind}:${normalizeMcpPackage(kind, name)}`);
    return entry ? { entry, by: 'package' } : undefined;
  }

  matchCommand(command: string): McpCatalogMatch | undefined {
    const base =
      command
        .split(/[\\/]/)
        .pop()
        ?.replace(/\.(exe|cmd)$/i, '')
        .toLowerCase() ?? '';
    const entry = this.byCommand.get(base);
    return entry ? { entry, by: 'command' } : undefined;
  }

  /** The host or any parent domain of it (docs.mcp.cloudflare.com → mcp.cloudflare.com). */
  matchHost(host: string): McpCatalogMatch | undefined {
    const labels = host.toLowerCase().replace(/\.$/, '').split('.');
    for (let i = 0; i < labels.length - 1; i++) {
      const entry = this.byHost.get(labels.slice(i).join('.'));
      if (entry) return { entry, by: 'remote-host' };
    }
    return undefined;
  }
}

let builtin: McpServerCatalog | undefined;

/** The built-in MCP server catalog, read and validated once per process. */
export function builtinMcpCatalog(): McpServerCatalog {
  builtin ??= new McpServerCatalog(
    parseMcpCatalog(
      readFileSync(BUILTIN_MCP_CATALOG_FILE, 'utf8'),
      'src/catalog/data/mcp/mcp-servers.yaml',
    ),
  );
  return builtin;
}
