import { isRecord, lineOfKey, parseConfigText, stringList, type ConfigSyntax } from './config-text';
import { parseLaunch, type McpPackageRef } from './mcp-launch';

/** One MCP server as a client configuration declares it. Names only: never a value. */
export interface McpServerConfig {
  name: string;
  /** catalog id of the client that reads this file (claude-code, cursor, …) */
  client: string;
  format: string;
  path: string;
  line?: number;
  transport: 'stdio' | 'http' | 'sse';
  /** executable base name for stdio servers */
  command?: string;
  package?: McpPackageRef;
  /** started from a git URL or a local path */
  unregistered?: 'git' | 'path';
  /** remote URL without credentials, query or token-like path parts */
  url?: string;
  host?: string;
  /** true when a stdio command only proxies to `url` (mcp-remote) */
  proxied?: boolean;
  envNames: string[];
  headerNames: string[];
  /** env or header names given a literal value in the file (a committed secret, likely) */
  literalValueNames: string[];
  /** VS Code `${input:…}` ids the server asks for */
  inputNames: string[];
  disabled?: boolean;
}

interface Format {
  id: string;
  client: string;
  /** where the format is documented */
  doc: string;
  syntax: ConfigSyntax;
  matches(path: string): boolean;
  servers(root: unknown): [string, unknown][];
}

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const endsWith = (suffix: string) => (p: string) => p === suffix || p.endsWith(`/${suffix}`);

function objectEntries(v: unknown): [string, unknown][] {
  return isRecord(v) ? Object.entries(v) : [];
}

/** `mcpServers` as a map (Claude, Cursor, …) or as a list of {name, …} (Continue). */
function mcpServersKey(root: unknown): [string, unknown][] {
  if (!isRecord(root)) return [];
  const s = root.mcpServers;
  if (Array.isArray(s)) {
    return s
      .filter(isRecord)
      .map((e, i) => [typeof e.name === 'string' ? e.name : `server-${i + 1}`, e]);
  }
  return objectEntries(s);
}

// Specific paths first: a file is read by the first format whose path matches.
export const MCP_FORMATS: Format[] = [
  {
    id: 'cursor',
    client: 'cursor',
    doc: 'https://docs.cursor.com/context/model-context-protocol',
    syntax: 'json',
    matches: endsWith('.cursor/mcp.json'),
    servers: mcpServersKey,
  },
  {
    id: 'vscode',
    client: 'github-copilot',
    doc: 'https://code.visualstudio.com/docs/copilot/customization/mcp-servers',
    syntax: 'json',
    matches: endsWith('.vscode/mcp.json'),
    servers: (root) => (isRecord(root) ? objectEntries(root.servers) : []),
  },
  {
    id: 'gemini-cli',
    client: 'gemini-cli',
    doc: 'https://github.com/google-gemini/gemini-cli/blob/main/docs/tools/mcp-server.md',
    syntax: 'json',
    matches: endsWith('.gemini/settings.json'),
    servers: mcpServersKey,
  },
  {
    id: 'roo-code',
    client: 'roo-code',
    doc: 'https://docs.roocode.com/features/mcp/using-mcp-in-roo',
    syntax: 'json',
    matches: endsWith('.roo/mcp.json'),
    servers: mcpServersKey,
  },
  {
    id: 'amazon-q',
    client: 'amazon-q-developer',
    doc: 'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/mcp-ide.html',
    syntax: 'json',
    matches: endsWith('.amazonq/mcp.json'),
    servers: mcpServersKey,
  },
  {
    id: 'kiro',
    client: 'kiro',
    doc: 'https://kiro.dev/docs/mcp/configuration/',
    syntax: 'json',
    matches: endsWith('.kiro/settings/mcp.json'),
    servers: mcpServersKey,
  },
  {
    id: 'windsurf',
    client: 'windsurf',
    doc: 'https://docs.windsurf.com/windsurf/cascade/mcp',
    syntax: 'json',
    matches: (p) => base(p) === 'mcp_config.json',
    servers: mcpServersKey,
  },
  {
    id: 'zed',
    client: 'zed-ai',
    doc: 'https://zed.dev/docs/ai/mcp',
    syntax: 'json',
    matches: endsWith('.zed/settings.json'),
    servers: (root) => (isRecord(root) ? objectEntries(root.context_servers) : []),
  },
  {
    id: 'opencode',
    client: 'opencode',
    doc: 'https://opencode.ai/docs/mcp-servers/',
    syntax: 'json',
    matches: (p) => base(p) === 'opencode.json' || base(p) === 'opencode.jsonc',
    servers: (root) => {
      if (!isRecord(root) || !isRecord(root.mcp)) return [];
      // opencode v2 nests servers under mcp.servers
      const nested = root.mcp.servers;
      if (isRecord(nested) && Object.values(nested).every(isRecord)) return Object.entries(nested);
      return Object.entries(root.mcp);
    },
  },
  {
    id: 'continue',
    client: 'continue',
    doc: 'https://docs.continue.dev/customize/deep-dives/mcp',
    syntax: 'yaml',
    matches: (p) =>
      /(^|\/)\.continue\/config\.ya?ml$/.test(p) ||
      /(^|\/)\.continue\/mcpServers\/[^/]+\.ya?ml$/.test(p),
    servers: mcpServersKey,
  },
  {
    id: 'continue-json',
    client: 'continue',
    doc: 'https://docs.continue.dev/customize/deep-dives/mcp',
    syntax: 'json',
    matches: (p) => /(^|\/)\.continue\/(config\.json|mcpServers\/[^/]+\.json)$/.test(p),
    servers: (root) => {
      if (!isRecord(root)) return [];
      const old = isRecord(root.experimental)
        ? root.experimental.modelContextProtocolServers
        : undefined;
      if (Array.isArray(old)) {
        return old
          .filter(isRecord)
          .map((e, i) => [
            typeof e.name === 'string' ? e.name : `server-${i + 1}`,
            isRecord(e.transport) ? e.transport : e,
          ]);
      }
      return mcpServersKey(root);
    },
  },
  {
    id: 'cline',
    client: 'cline',
    doc: 'https://docs.cline.bot/mcp/configuring-mcp-servers',
    syntax: 'json',
    matches: (p) => base(p) === 'cline_mcp_settings.json',
    servers: mcpServersKey,
  },
  {
    id: 'claude-desktop',
    client: 'claude',
    doc: 'https://modelcontextprotocol.io/quickstart/user',
    syntax: 'json',
    matches: (p) => base(p) === 'claude_desktop_config.json',
    servers: mcpServersKey,
  },
  {
    id: 'codex',
    client: 'openai-codex',
    doc: 'https://github.com/openai/codex/blob/main/docs/config.md#mcp_servers',
    syntax: 'toml',
    matches: endsWith('.codex/config.toml'),
    servers: (root) => (isRecord(root) ? objectEntries(root.mcp_servers) : []),
  },
  {
    id: 'claude-code',
    client: 'claude-code',
    doc: 'https://docs.anthropic.com/en/docs/claude-code/mcp',
    syntax: 'json',
    matches: (p) => base(p) === '.mcp.json',
    servers: mcpServersKey,
  },
  {
    // a bare mcp.json names no client; only its shape says it is an MCP configuration
    id: 'generic',
    client: 'model-context-protocol',
    doc: 'https://modelcontextprotocol.io/quickstart/user',
    syntax: 'json',
    matches: (p) => ['mcp.json', 'mcp-config.json', 'mcp_settings.json'].includes(base(p)),
    servers: (root) => {
      const a = mcpServersKey(root);
      return a.length > 0 ? a : isRecord(root) ? objectEntries(root.servers) : [];
    },
  },
];

export function mcpFormatOf(path: string): Format | undefined {
  return MCP_FORMATS.find((f) => f.matches(path));
}

const REFERENCE =
  /\$\{|\{env:|^\$[A-Z_]|^<[^>]*>$|your[_-]|^x{3,}|^\*+$|^(changeme|placeholder|todo)$/i;

function valueNames(v: unknown, literal: string[], inputs: Set<string>): string[] {
  if (Array.isArray(v)) return stringList(v).map((n) => n.split('=')[0]);
  if (!isRecord(v)) return [];
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== 'string') continue;
    for (const m of value.matchAll(/\$\{input:([\w.-]+)\}/g)) inputs.add(m[1]);
    if (value.trim() !== '' && !REFERENCE.test(value.trim())) literal.push(k);
  }
  return Object.keys(v);
}

/** Scheme, host and path of a remote URL: credentials, query and token-like segments dropped. */
export function safeUrl(raw: string): { url?: string; host?: string } {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return {};
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return {};
  const path = u.pathname
    .split('/')
    .map((seg) => (seg.length >= 16 && /\d/.test(seg) && /[a-z]/i.test(seg) ? '…' : seg))
    .join('/');
  return {
    url: `${u.protocol}//${u.host}${path === '/' ? '' : path}`,
    host: u.hostname.toLowerCase(),
  };
}

function readServer(
  name: string,
  raw: unknown,
  format: Format,
  path: string,
  text: string,
): McpServerConfig | undefined {
  if (!isRecord(raw)) return undefined;
  // zed's older form: "command": { "path", "args", "env" }
  const cmdObj = isRecord(raw.command) ? raw.command : undefined;
  let command: string | undefined;
  let args: string[] = stringList(raw.args);
  if (typeof raw.command === 'string') command = raw.command;
  else if (Array.isArray(raw.command)) {
    const parts = stringList(raw.command);
    command = parts[0];
    args = parts.slice(1);
  } else if (cmdObj && typeof cmdObj.path === 'string') {
    command = cmdObj.path;
    args = stringList(cmdObj.args);
  }
  const urlRaw = [raw.url, raw.serverUrl, raw.httpUrl].find(
    (u): u is string => typeof u === 'string',
  );
  if (!command && !urlRaw) return undefined;

  const literal: string[] = [];
  const inputs = new Set<string>();
  const envNames = new Set<string>([
    ...valueNames(raw.env, literal, inputs),
    ...valueNames(raw.environment, literal, inputs),
    ...valueNames(cmdObj?.env, literal, inputs),
    ...stringList(raw.env_vars),
    ...(typeof raw.bearer_token_env_var === 'string' ? [raw.bearer_token_env_var] : []),
  ]);
  const headerNames = new Set<string>([
    ...valueNames(raw.headers, literal, inputs),
    ...valueNames(raw.http_headers, literal, inputs),
    ...Object.keys(isRecord(raw.env_http_headers) ? raw.env_http_headers : {}),
  ]);
  for (const a of args) for (const m of a.matchAll(/\$\{input:([\w.-]+)\}/g)) inputs.add(m[1]);

  const type = typeof raw.type === 'string' ? raw.type.toLowerCase() : undefined;
  const server: McpServerConfig = {
    name,
    client: format.client,
    format: format.id,
    path,
    line: lineOfKey(text, name),
    transport: 'stdio',
    envNames: [],
    headerNames: [...headerNames].sort(),
    literalValueNames: [...new Set(literal)].sort(),
    inputNames: [...inputs].sort(),
    ...(raw.disabled === true || raw.enabled === false ? { disabled: true } : {}),
  };
  if (command) {
    const launch = parseLaunch(command, args);
    server.command = launch.command;
    if (launch.package) server.package = launch.package;
    if (launch.unregistered) server.unregistered = launch.unregistered;
    for (const n of launch.envNames) envNames.add(n);
    if (launch.proxiedUrl) {
      Object.assign(server, safeUrl(launch.proxiedUrl));
      server.proxied = true;
    }
  } else if (urlRaw) {
    Object.assign(server, safeUrl(urlRaw));
    const sse =
      type === 'sse' ||
      (format.id === 'gemini-cli' && typeof raw.url === 'string') ||
      (type === undefined && /\/sse\/?$/.test(server.url ?? ''));
    server.transport = sse ? 'sse' : 'http';
  }
  server.envNames = [...envNames].filter((n) => n !== '').sort();
  return server;
}

export interface McpParseResult {
  servers: McpServerConfig[];
  /** why the file could not be read, with its line */
  error?: string;
}

/**
 * The servers an MCP client configuration declares. A file whose shape is not an MCP
 * configuration (a `mcp.json` of something else) yields none and no error.
 */
export function parseMcpConfig(path: string, text: string): McpParseResult {
  const format = mcpFormatOf(path);
  if (!format) return { servers: [] };
  const parsed = parseConfigText(text, format.syntax);
  if ('error' in parsed) return { servers: [], error: parsed.error };
  const servers: McpServerConfig[] = [];
  for (const [name, raw] of format.servers(parsed.value)) {
    const s = readServer(name, raw, format, path, text);
    if (s) servers.push(s);
  }
  return { servers };
}
