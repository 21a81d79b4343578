#!/usr/bin/env node
// @ts-check
/*
 * AI Census endpoint collector.
 *
 * Run with plain Node.js 18 or later, nothing to install:
 *   node collector.js --server https://census.example.com --token TOKEN [--dry-run]
 *                     [--user you@example.com] [--home DIR] [--os linux|darwin|win32] [--state FILE]
 *
 * It lists, from this machine's home directory, the AI tools present: IDE extensions and
 * JetBrains plugins, MCP servers configured for AI clients, AI command-line tools, local model
 * runtimes and their model names, and known AI browser extensions. It sends metadata only:
 * identifiers, versions, names. It never sends a file's contents, an environment variable's or
 * header's value, a command's arguments, a URL's path or query, a prompt or a conversation.
 *
 * `--dry-run` prints the exact JSON body a real run would post and sends nothing. The only other
 * request is a GET of the list of identifiers to look for (`/api/endpoints/catalog`).
 * The token may also come from the AI_CENSUS_TOKEN environment variable (kept out of `ps`).
 */
'use strict';
/* global require, module, process, Buffer, URL, fetch */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS: Node runs this file as served */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const zlib = require('node:zlib');

const COLLECTOR_VERSION = '1.0.0';
const SCHEMA_VERSION = 1;
/** Most entries of one kind a report carries; the server refuses more. */
const MAX_ITEMS = 500;
const MAX_MODELS = 200;
/** Bigger manifests and configuration files are skipped, not read. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * @typedef {'linux' | 'darwin' | 'win32'} OsName
 * @typedef {{ home: string, os: OsName, config: string, data: string, cache: string,
 *   appSupport: string, appData: string, localAppData: string, systemDirs: boolean }} Layout
 * @typedef {{ ideExtensions: string[], browserExtensions: string[], executables: string[] }} WatchList
 * @typedef {{ ide: string, id: string, version: string | null }} IdeExtension
 * @typedef {{ client: string, name: string, transport: 'stdio' | 'http' | 'sse',
 *   command: string | null, package: string | null, version: string | null, host: string | null,
 *   envNames: string[], headerNames: string[] }} McpServer
 * @typedef {{ name: string, package: string | null, version: string | null }} CliTool
 * @typedef {{ runtime: string, models: string[] }} Runtime
 * @typedef {{ browser: string, id: string, version: string | null }} BrowserExtension
 * @typedef {{ schemaVersion: number, collectorVersion: string,
 *   device: { id: string, hostname: string, os: OsName }, user: string,
 *   ideExtensions: IdeExtension[], mcpServers: McpServer[], cliTools: CliTool[],
 *   runtimes: Runtime[], browserExtensions: BrowserExtension[] }} Report
 */

// ---------------------------------------------------------------------------------------------
// Command line

class UsageError extends Error {}

const USAGE =
  'usage: node collector.js --server URL [--token TOKEN] [--dry-run] [--user NAME_OR_EMAIL]\n' +
  '                         [--home DIR] [--os linux|darwin|win32] [--state FILE]';

/**
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} env
 */
function parseArgs(argv, env) {
  /** @type {{ server: string, token: string, dryRun: boolean, home: string | null,
   *   os: OsName | null, user: string | null, state: string | null, help: boolean }} */
  const out = {
    server: '',
    token: env.AI_CENSUS_TOKEN ?? '',
    dryRun: false,
    home: null,
    os: null,
    user: null,
    state: null,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      if (eq > 0 && arg.startsWith('--')) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--server':
        out.server = value().replace(/\/+$/, '');
        break;
      case '--token':
        out.token = value();
        break;
      case '--dry-run':
        out.dryRun = true;
        break;
      case '--home':
        out.home = path.resolve(value());
        break;
      case '--os': {
        const v = value();
        if (v !== 'linux' && v !== 'darwin' && v !== 'win32')
          throw new UsageError(`--os must be linux, darwin or win32, not "${v}"`);
        out.os = v;
        break;
      }
      case '--user':
        out.user = value().trim();
        break;
      case '--state':
        out.state = path.resolve(value());
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new UsageError(`unknown option "${arg}"`);
    }
  }
  if (out.help) return out;
  if (!out.server) throw new UsageError('--server URL is required');
  if (!/^https?:\/\//.test(out.server)) throw new UsageError('--server must be an http(s) URL');
  if (!out.token) throw new UsageError('--token (or AI_CENSUS_TOKEN) is required');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Where things live on each operating system

/**
 * @param {OsName} osName
 * @param {string} home
 * @param {Record<string, string | undefined>} env
 * @param {boolean} homeGiven with --home the environment's folders are not used: a test or an
 *   administrator points at one home and reads nothing else
 * @returns {Layout}
 */
function layoutFor(osName, home, env, homeGiven) {
  const fromEnv = (/** @type {string} */ name) => (homeGiven ? undefined : env[name] || undefined);
  return {
    home,
    os: osName,
    config: fromEnv('XDG_CONFIG_HOME') ?? path.join(home, '.config'),
    data: fromEnv('XDG_DATA_HOME') ?? path.join(home, '.local', 'share'),
    cache: fromEnv('XDG_CACHE_HOME') ?? path.join(home, '.cache'),
    appSupport: path.join(home, 'Library', 'Application Support'),
    appData: fromEnv('APPDATA') ?? path.join(home, 'AppData', 'Roaming'),
    localAppData: fromEnv('LOCALAPPDATA') ?? path.join(home, 'AppData', 'Local'),
    systemDirs: !homeGiven,
  };
}

/** Per-OS folder of an application's settings: ~/.config/X, ~/Library/Application Support/X, %APPDATA%\X. */
function appDir(/** @type {Layout} */ l, /** @type {string[]} */ ...parts) {
  if (l.os === 'darwin') return path.join(l.appSupport, ...parts);
  if (l.os === 'win32') return path.join(l.appData, ...parts);
  return path.join(l.config, ...parts);
}

// ---------------------------------------------------------------------------------------------
// Small file helpers: every read is bounded and failure means "not there"

function listDir(/** @type {string} */ dir) {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function isDir(/** @type {string} */ p) {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(/** @type {string} */ p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** @returns {string | null} */
function readSmall(/** @type {string} */ file) {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_FILE_BYTES) return null;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** @returns {any} */
function readJson(/** @type {string} */ file, jsonc = false) {
  const text = readSmall(file);
  if (text === null) return null;
  try {
    return JSON.parse(jsonc ? stripJsonComments(text) : text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
}

/** JSON with comments and trailing commas (VS Code, Zed settings) → plain JSON text. */
function stripJsonComments(/** @type {string} */ text) {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/^\uFEFF/, '').replace(/,(\s*[}\]])/g, '$1');
}

/** @returns {Record<string, unknown> | null} */
function asObject(/** @type {unknown} */ v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? /** @type {Record<string, unknown>} */ (v)
    : null;
}

/** @returns {string | null} */
function asString(/** @type {unknown} */ v) {
  return typeof v === 'string' && v.length > 0 ? v : null;
}

// ---------------------------------------------------------------------------------------------
// IDE extensions (VS Code family) and JetBrains plugins

/** The folders VS Code and its forks install extensions into; the same under every OS. */
function vsCodeExtensionDirs(/** @type {Layout} */ l) {
  return [
    ['vscode', path.join(l.home, '.vscode', 'extensions')],
    ['vscode-insiders', path.join(l.home, '.vscode-insiders', 'extensions')],
    ['vscode-server', path.join(l.home, '.vscode-server', 'extensions')],
    ['vscodium', path.join(l.home, '.vscode-oss', 'extensions')],
    ['cursor', path.join(l.home, '.cursor', 'extensions')],
    ['windsurf', path.join(l.home, '.windsurf', 'extensions')],
  ];
}

/** An extension's `package.json` → its marketplace id (publisher.name) and version. */
function vsCodeExtensionOf(/** @type {unknown} */ manifest) {
  const m = asObject(manifest);
  const publisher = asString(m?.publisher);
  const name = asString(m?.name);
  if (!publisher || !name) return null;
  return { id: `${publisher}.${name}`, version: asString(m?.version) };
}

/** @returns {IdeExtension[]} */
function collectVsCodeExtensions(/** @type {Layout} */ l, /** @type {Set<string>} */ watched) {
  /** @type {IdeExtension[]} */
  const out = [];
  for (const [ide, dir] of vsCodeExtensionDirs(l)) {
    for (const entry of listDir(dir)) {
      if (!entry.isDirectory()) continue;
      const ext = vsCodeExtensionOf(readJson(path.join(dir, entry.name, 'package.json')));
      if (ext && watched.has(ext.id.toLowerCase())) out.push({ ide, ...ext });
    }
  }
  return out;
}

/** The folders holding one folder per JetBrains IDE (e.g. IntelliJIdea2025.2) and its plugins. */
function jetBrainsPluginRoots(/** @type {Layout} */ l) {
  /** @type {{ ide: string, dir: string }[]} */
  const out = [];
  const base =
    l.os === 'darwin'
      ? path.join(l.appSupport, 'JetBrains')
      : l.os === 'win32'
        ? path.join(l.appData, 'JetBrains')
        : path.join(l.data, 'JetBrains');
  for (const entry of listDir(base)) {
    if (!entry.isDirectory()) continue;
    // Linux keeps plugins in the IDE folder itself; macOS and Windows in its plugins/ folder.
    const dir =
      l.os === 'linux' ? path.join(base, entry.name) : path.join(base, entry.name, 'plugins');
    out.push({ ide: jetBrainsProduct(entry.name), dir });
  }
  return out;
}

/** `IntelliJIdea2025.2` → `IntelliJIdea`: the product, not the version the folder is named with. */
function jetBrainsProduct(/** @type {string} */ folder) {
  return folder.replace(/\d[\d.]*$/, '') || folder;
}

/** A plugin.xml → its id (or, for old plugins without one, its name) and version. */
function pluginXmlOf(/** @type {string} */ xml) {
  const tag = (/** @type {string} */ name) => {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>\\s*([^<]+?)\\s*</${name}>`).exec(xml);
    return m ? decodeXml(m[1]) : null;
  };
  const id = tag('id') ?? tag('name');
  return id ? { id, version: tag('version') } : null;
}

function decodeXml(/** @type {string} */ s) {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * One entry of a zip (a plugin's jar), read from the central directory without reading the
 * rest of the archive. Stored and deflated entries only; anything else is skipped.
 * @returns {Buffer | null}
 */
function readZipEntry(/** @type {string} */ file, /** @type {string} */ wanted) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const tailLen = Math.min(size, 22 + 65535);
    if (tailLen < 22) return null;
    const tail = Buffer.alloc(tailLen);
    fs.readSync(fd, tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdSize > 16 * 1024 * 1024 || cdOffset + cdSize > size) return null;
    const cd = Buffer.alloc(cdSize);
    fs.readSync(fd, cd, 0, cdSize, cdOffset);
    for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50;) {
      const method = cd.readUInt16LE(p + 10);
      const compressed = cd.readUInt32LE(p + 20);
      const nameLen = cd.readUInt16LE(p + 28);
      const next = p + 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
      if (cd.toString('utf8', p + 46, p + 46 + nameLen) === wanted) {
        if (compressed > MAX_FILE_BYTES) return null;
        const local = cd.readUInt32LE(p + 42);
        const header = Buffer.alloc(30);
        fs.readSync(fd, header, 0, 30, local);
        if (header.readUInt32LE(0) !== 0x04034b50) return null;
        const data = Buffer.alloc(compressed);
        fs.readSync(
          fd,
          data,
          0,
          compressed,
          local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28),
        );
        if (method === 0) return data;
        if (method === 8) return zlib.inflateRawSync(data);
        return null;
      }
      p = next;
    }
    return null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A plugin folder (lib/*.jar) or a single-jar plugin → the id and version in its plugin.xml. */
function jetBrainsPluginOf(/** @type {string} */ entryPath) {
  const jars = entryPath.endsWith('.jar')
    ? [entryPath]
    : listDir(path.join(entryPath, 'lib'))
        .filter((e) => e.isFile() && e.name.endsWith('.jar'))
        .map((e) => path.join(entryPath, 'lib', e.name))
        // the plugin's own jar is usually named after its folder: try it first
        .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
        .slice(0, 40);
  function rank(/** @type {string} */ jar) {
    return path.basename(jar).startsWith(path.basename(entryPath)) ? 0 : 1;
  }
  for (const jar of jars) {
    const xml = readZipEntry(jar, 'META-INF/plugin.xml');
    if (xml) return pluginXmlOf(xml.toString('utf8'));
  }
  return null;
}

/** @returns {IdeExtension[]} */
function collectJetBrainsPlugins(/** @type {Layout} */ l, /** @type {Set<string>} */ watched) {
  /** @type {IdeExtension[]} */
  const out = [];
  for (const { ide, dir } of jetBrainsPluginRoots(l)) {
    for (const entry of listDir(dir)) {
      const p = path.join(dir, entry.name);
      if (!(entry.isDirectory() || (entry.isFile() && entry.name.endsWith('.jar')))) continue;
      if (entry.isDirectory() && !isDir(path.join(p, 'lib'))) continue;
      const plugin = jetBrainsPluginOf(p);
      if (plugin && watched.has(plugin.id.toLowerCase())) out.push({ ide, ...plugin });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// MCP servers configured for AI clients

/**
 * The MCP configuration files of the major clients in a user's home, and where the servers sit
 * in each (`keys`: the path of the servers object).
 * @returns {{ client: string, file: string, format: 'json' | 'jsonc' | 'toml', keys: string[] }[]}
 */
function mcpConfigFiles(/** @type {Layout} */ l) {
  const vsUser = appDir(l, 'Code', 'User');
  return [
    {
      client: 'claude-desktop',
      file: appDir(l, 'Claude', 'claude_desktop_config.json'),
      format: 'json',
      keys: ['mcpServers'],
    },
    {
      client: 'claude-code',
      file: path.join(l.home, '.claude.json'),
      format: 'json',
      keys: ['mcpServers'],
    },
    {
      client: 'claude-code',
      file: path.join(l.home, '.claude', 'settings.json'),
      format: 'json',
      keys: ['mcpServers'],
    },
    {
      client: 'cursor',
      file: path.join(l.home, '.cursor', 'mcp.json'),
      format: 'json',
      keys: ['mcpServers'],
    },
    {
      client: 'windsurf',
      file: path.join(l.home, '.codeium', 'windsurf', 'mcp_config.json'),
      format: 'json',
      keys: ['mcpServers'],
    },
    { client: 'vscode', file: path.join(vsUser, 'mcp.json'), format: 'jsonc', keys: ['servers'] },
    {
      client: 'vscode',
      file: path.join(vsUser, 'settings.json'),
      format: 'jsonc',
      keys: ['mcp', 'servers'],
    },
    {
      client: 'cline',
      file: path.join(
        vsUser,
        'globalStorage',
        'saoudrizwan.claude-dev',
        'settings',
        'cline_mcp_settings.json',
      ),
      format: 'json',
      keys: ['mcpServers'],
    },
    {
      client: 'gemini-cli',
      file: path.join(l.home, '.gemini', 'settings.json'),
      format: 'jsonc',
      keys: ['mcpServers'],
    },
    {
      client: 'codex',
      file: path.join(l.home, '.codex', 'config.toml'),
      format: 'toml',
      keys: ['mcp_servers'],
    },
    {
      client: 'opencode',
      file: path.join(l.home, '.config', 'opencode', 'opencode.json'),
      format: 'jsonc',
      keys: ['mcp'],
    },
    {
      client: 'zed',
      file: path.join(
        l.os === 'linux' ? l.config : path.join(l.home, '.config'),
        'zed',
        'settings.json',
      ),
      format: 'jsonc',
      keys: ['context_servers'],
    },
    {
      client: 'lm-studio',
      file: path.join(l.home, '.lmstudio', 'mcp.json'),
      format: 'json',
      keys: ['mcpServers'],
    },
    {
      client: 'amazon-q',
      file: path.join(l.home, '.aws', 'amazonq', 'mcp.json'),
      format: 'json',
      keys: ['mcpServers'],
    },
  ];
}

/**
 * The `[mcp_servers.NAME]` tables of a Codex config.toml, reading only what describes a server.
 * Environment and header tables keep their keys; their values are dropped as they are read.
 * @returns {Record<string, Record<string, unknown>>}
 */
function codexMcpServers(/** @type {string} */ toml) {
  /** @type {Record<string, Record<string, unknown>>} */
  const servers = {};
  /** @type {Record<string, unknown> | null} */
  let current = null;
  /** @type {Record<string, unknown> | null} */
  let namesOnly = null;
  for (const raw of toml.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const table = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (table) {
      const parts = splitTomlKey(table[1]);
      current = null;
      namesOnly = null;
      if (parts[0] !== 'mcp_servers' || parts.length < 2) continue;
      const server = (servers[parts[1]] ??= {});
      if (parts.length === 2) current = server;
      else if (parts.length === 3 && /^(env|http_headers|env_http_headers)$/.test(parts[2]))
        namesOnly = /** @type {Record<string, unknown>} */ (server[parts[2]] ??= {});
      continue;
    }
    const kv = /^("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = unquote(kv[1]);
    if (namesOnly) {
      namesOnly[key] = true;
    } else if (current) {
      if (/^(env|http_headers|env_http_headers)$/.test(key)) current[key] = inlineTableKeys(kv[2]);
      else if (key === 'args') current.args = tomlStringArray(kv[2]);
      else if (/^(command|url|type|transport)$/.test(key)) current[key] = tomlString(kv[2]);
      else if (key === 'enabled') current.disabled = kv[2].trim().startsWith('false');
    }
  }
  return servers;
}

function splitTomlKey(/** @type {string} */ key) {
  return [...key.matchAll(/"([^"]*)"|'([^']*)'|([^.\s]+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function unquote(/** @type {string} */ s) {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

function tomlString(/** @type {string} */ v) {
  const m = /^("((?:[^"\\]|\\.)*)"|'([^']*)')/.exec(v.trim());
  return m ? (m[2] ?? m[3] ?? '').replace(/\\(["\\])/g, '$1') : null;
}

function tomlStringArray(/** @type {string} */ v) {
  return [...v.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
}

/** `{ A = "secret", B = "x" }` → `{ A: true, B: true }`: names kept, values never held. */
function inlineTableKeys(/** @type {string} */ v) {
  /** @type {Record<string, boolean>} */
  const out = {};
  const body = /^\{(.*)\}\s*(#.*)?$/.exec(v.trim());
  if (!body) return out;
  for (const m of body[1].matchAll(/(?:^|,)\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=/g))
    out[unquote(m[1])] = true;
  return out;
}

/** The servers object at `keys` of a parsed configuration (Claude Code also per project). */
function serversIn(
  /** @type {unknown} */ config,
  /** @type {string[]} */ keys,
  /** @type {string} */ client,
) {
  /** @type {[string, unknown][]} */
  const out = [];
  /** @type {unknown} */
  let node = config;
  for (const k of keys) node = asObject(node)?.[k];
  out.push(...Object.entries(asObject(node) ?? {}));
  if (client === 'claude-code') {
    // ~/.claude.json keeps servers added for one project under projects.<path>.mcpServers
    for (const project of Object.values(asObject(asObject(config)?.projects) ?? {}))
      out.push(...Object.entries(asObject(asObject(project)?.mcpServers) ?? {}));
  }
  return out;
}

const NPX_LIKE = new Set(['npx', 'bunx', 'pnpx']);
const DLX_LIKE = new Set(['pnpm', 'yarn', 'npm', 'bun']);
const DOCKER_VALUE_FLAGS = new Set([
  '-e',
  '--env',
  '--env-file',
  '-v',
  '--volume',
  '-p',
  '--publish',
  '--name',
  '--network',
  '--net',
  '--mount',
  '-w',
  '--workdir',
  '-u',
  '--user',
  '--entrypoint',
  '-l',
  '--label',
  '--platform',
  '--pull',
  '--add-host',
  '--cpus',
  '-m',
  '--memory',
  '--hostname',
  '-h',
  '--dns',
  '--runtime',
  '--gpus',
  '--ipc',
  '--pid',
  '--restart',
  '--security-opt',
  '--cap-add',
  '--cap-drop',
  '--tmpfs',
  '--ulimit',
  '--log-driver',
  '--log-opt',
  '--shm-size',
  '--device',
  '--init-path',
  '--cidfile',
]);

/** The executable's own name, without its folder (which may name the user) or Windows suffix. */
function commandName(/** @type {string} */ command) {
  const base = command.split(/[\\/]/).pop() ?? command;
  return base.replace(/\.(exe|cmd|bat|ps1)$/i, '').toLowerCase();
}

/**
 * The package or image an MCP launcher runs, from its arguments: `npx -y pkg@1.2`, `uvx pkg==1`,
 * `uvx --from pkg cmd`, `pnpm dlx pkg`, `docker run --rm -i -e X image:tag`, `pipx run pkg`.
 * Only the package comes out; no other argument is kept.
 * @returns {{ ecosystem: 'npm' | 'pypi' | 'docker', spec: string } | null}
 */
function launchedPackage(/** @type {string} */ cmd, /** @type {string[]} */ args) {
  const firstPositional = (/** @type {string[]} */ list, /** @type {Set<string>} */ valueFlags) => {
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (a.startsWith('-')) {
        if (valueFlags.has(a)) i++;
        continue;
      }
      return a;
    }
    return null;
  };
  const packageFlag = (/** @type {string[]} */ list, /** @type {string[]} */ names) => {
    for (let i = 0; i < list.length; i++) {
      for (const n of names) {
        if (list[i] === n && list[i + 1]) return list[i + 1];
        if (list[i].startsWith(`${n}=`)) return list[i].slice(n.length + 1);
      }
    }
    return null;
  };
  if (NPX_LIKE.has(cmd) || (DLX_LIKE.has(cmd) && /^(dlx|exec|x)$/.test(args[0] ?? ''))) {
    const rest = NPX_LIKE.has(cmd) ? args : args.slice(1);
    const spec =
      packageFlag(rest, ['--package', '-p']) ??
      firstPositional(rest, new Set(['--package', '-p', '-c', '--call']));
    return spec ? { ecosystem: 'npm', spec } : null;
  }
  if (cmd === 'uvx' || cmd === 'uv' || cmd === 'pipx') {
    const rest =
      cmd === 'uvx'
        ? args
        : args[0] === 'run' || args[0] === 'tool'
          ? args.slice(args[1] === 'run' ? 2 : 1)
          : [];
    const spec =
      packageFlag(rest, ['--from', '--spec']) ??
      firstPositional(
        rest,
        new Set(['--from', '--spec', '--with', '--python', '-p', '--index-url', '--index']),
      );
    return spec ? { ecosystem: 'pypi', spec } : null;
  }
  if ((cmd === 'docker' || cmd === 'podman') && args[0] === 'run') {
    const spec = firstPositional(args.slice(1), DOCKER_VALUE_FLAGS);
    return spec ? { ecosystem: 'docker', spec } : null;
  }
  return null;
}

/** `@scope/name@1.2.3`, `pkg==1.0`, `image:tag`, `image@sha256:…` → name and version (or null). */
function splitVersion(
  /** @type {'npm' | 'pypi' | 'docker'} */ ecosystem,
  /** @type {string} */ spec,
) {
  if (ecosystem === 'npm') {
    const at = spec.lastIndexOf('@');
    return at > 0
      ? { name: spec.slice(0, at), version: spec.slice(at + 1) || null }
      : { name: spec, version: null };
  }
  if (ecosystem === 'pypi') {
    const m = /^([A-Za-z0-9._\-[\]]+?)\s*(?:==|@|>=|~=)\s*(.+)$/.exec(spec);
    return m ? { name: m[1], version: m[2] } : { name: spec, version: null };
  }
  const digest = spec.indexOf('@');
  if (digest > 0) return { name: spec.slice(0, digest), version: spec.slice(digest + 1) };
  const colon = spec.lastIndexOf(':');
  return colon > spec.lastIndexOf('/')
    ? { name: spec.slice(0, colon), version: spec.slice(colon + 1) }
    : { name: spec, version: null };
}

/** The host of a remote server's URL: no user, password, path or query (they may hold a key). */
function urlHost(/** @type {string} */ url) {
  try {
    return new URL(url).host.toLowerCase() || null;
  } catch {
    return null;
  }
}

/**
 * One server entry of any client's format → what the report says about it.
 * @returns {McpServer}
 */
function describeMcpServer(
  /** @type {string} */ client,
  /** @type {string} */ name,
  /** @type {unknown} */ raw,
) {
  const def = asObject(raw) ?? {};
  // Zed: { command: { path, args, env } }; opencode: { command: [cmd, ...args], environment }
  const nested = asObject(def.command);
  /** @type {unknown} */
  let command = nested ? nested.path : def.command;
  /** @type {unknown} */
  let args = nested ? nested.args : def.args;
  if (Array.isArray(command)) {
    args = command.slice(1);
    command = command[0];
  }
  const argList = Array.isArray(args) ? args.filter((a) => typeof a === 'string') : [];
  const url = asString(def.url) ?? asString(def.serverUrl) ?? asString(def.httpUrl);
  const type = String(def.type ?? def.transport ?? '').toLowerCase();
  const cmd = typeof command === 'string' && command ? commandName(command) : null;
  const found = cmd ? launchedPackage(cmd, argList) : null;
  // a package given as a URL (git+https://user:token@host/…) keeps no credentials
  const launched = found && { ...found, spec: found.spec.replace(/\/\/[^/@]*@/, '//') };
  const pkg = launched ? splitVersion(launched.ecosystem, launched.spec) : null;
  const env = asObject(nested?.env) ?? asObject(def.env) ?? asObject(def.environment) ?? {};
  const headers = asObject(def.headers) ?? asObject(def.http_headers) ?? {};
  return {
    client,
    name,
    transport: url && !cmd ? (type.includes('sse') ? 'sse' : 'http') : 'stdio',
    command: cmd,
    package: pkg
      ? launched?.ecosystem === 'npm'
        ? pkg.name
        : `${launched?.ecosystem}:${pkg.name}`
      : null,
    version: pkg?.version ?? null,
    host: url ? urlHost(url) : null,
    envNames: Object.keys(env).sort(),
    headerNames: Object.keys(headers).sort(),
  };
}

/** @returns {McpServer[]} */
function collectMcpServers(/** @type {Layout} */ l) {
  /** @type {McpServer[]} */
  const out = [];
  for (const { client, file, format, keys } of mcpConfigFiles(l)) {
    /** @type {unknown} */
    let config;
    if (format === 'toml') {
      const text = readSmall(file);
      config = text === null ? null : { mcp_servers: codexMcpServers(text) };
    } else {
      config = readJson(file, format === 'jsonc');
    }
    if (!config) continue;
    for (const [name, def] of serversIn(config, keys, client))
      out.push(describeMcpServer(client, name, def));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// AI command-line tools: found by name on PATH and in the usual install folders, never run

function binDirs(/** @type {Layout} */ l, /** @type {Record<string, string | undefined>} */ env) {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  dirs.push(
    path.join(l.home, '.local', 'bin'),
    path.join(l.home, '.npm-global', 'bin'),
    path.join(l.home, '.bun', 'bin'),
    path.join(l.home, '.claude', 'local'),
    path.join(l.home, '.opencode', 'bin'),
    path.join(l.home, '.cargo', 'bin'),
  );
  if (l.os === 'win32') dirs.push(path.join(l.appData, 'npm'));
  if (l.systemDirs && l.os !== 'win32')
    dirs.push('/usr/local/bin', '/opt/homebrew/bin', '/usr/bin');
  return [...new Set(dirs)];
}

/** The npm package behind an installed command: the nearest package.json up from its real path. */
function packageOfCommand(/** @type {string} */ file) {
  let dir;
  try {
    dir = path.dirname(fs.realpathSync(file));
  } catch {
    return null;
  }
  for (let up = 0; up < 5; up++) {
    const pkg = asObject(readJson(path.join(dir, 'package.json')));
    const name = asString(pkg?.name);
    if (name) return { package: name, version: asString(pkg?.version) };
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/** @returns {CliTool[]} */
function collectCliTools(
  /** @type {Layout} */ l,
  /** @type {Record<string, string | undefined>} */ env,
  /** @type {string[]} */ names,
) {
  const suffixes = l.os === 'win32' ? ['.exe', '.cmd', '.bat', '.ps1', ''] : [''];
  /** @type {CliTool[]} */
  const out = [];
  for (const name of names) {
    found: for (const dir of binDirs(l, env)) {
      for (const suffix of suffixes) {
        const file = path.join(dir, name + suffix);
        if (!isFile(file)) continue;
        const pkg = packageOfCommand(file);
        out.push({ name, package: pkg?.package ?? null, version: pkg?.version ?? null });
        break found;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Local model runtimes and the names of the models they hold

/** Ollama keeps manifests/<registry>/<namespace>/<model>/<tag>. */
function ollamaModels(/** @type {string} */ manifests) {
  const names = [];
  for (const registry of listDir(manifests)) {
    if (!registry.isDirectory()) continue;
    for (const ns of listDir(path.join(manifests, registry.name))) {
      if (!ns.isDirectory()) continue;
      for (const model of listDir(path.join(manifests, registry.name, ns.name))) {
        if (!model.isDirectory()) continue;
        for (const tag of listDir(path.join(manifests, registry.name, ns.name, model.name))) {
          if (!tag.isFile()) continue;
          const prefix =
            registry.name === 'registry.ollama.ai'
              ? ns.name === 'library'
                ? ''
                : `${ns.name}/`
              : `${registry.name}/${ns.name}/`;
          names.push(`${prefix}${model.name}:${tag.name}`);
        }
      }
    }
  }
  return names;
}

/** publisher/repository folders two levels down (LM Studio's models folder). */
function twoLevelNames(/** @type {string} */ dir) {
  const names = [];
  for (const a of listDir(dir)) {
    if (!a.isDirectory()) continue;
    for (const b of listDir(path.join(dir, a.name)))
      if (b.isDirectory()) names.push(`${a.name}/${b.name}`);
  }
  return names;
}

function ggufFiles(/** @type {string} */ dir) {
  return listDir(dir)
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.gguf'))
    .map((e) => e.name);
}

function subfolders(/** @type {string} */ dir) {
  return listDir(dir)
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

/** @returns {Runtime[]} */
function collectRuntimes(/** @type {Layout} */ l) {
  const perOs = (
    /** @type {string} */ linux,
    /** @type {string} */ darwin,
    /** @type {string} */ win32,
  ) => (l.os === 'darwin' ? darwin : l.os === 'win32' ? win32 : linux);
  /** @type {{ runtime: string, roots: string[], models: () => string[] }[]} */
  const runtimes = [
    {
      runtime: 'ollama',
      roots: [path.join(l.home, '.ollama')],
      models: () => ollamaModels(path.join(l.home, '.ollama', 'models', 'manifests')),
    },
    {
      runtime: 'lm-studio',
      roots: [path.join(l.home, '.lmstudio'), path.join(l.home, '.cache', 'lm-studio')],
      models: () => [
        ...twoLevelNames(path.join(l.home, '.lmstudio', 'models')),
        ...twoLevelNames(path.join(l.home, '.cache', 'lm-studio', 'models')),
      ],
    },
    {
      runtime: 'llama-cpp',
      roots: [
        perOs(
          path.join(l.cache, 'llama.cpp'),
          path.join(l.home, 'Library', 'Caches', 'llama.cpp'),
          path.join(l.localAppData, 'llama.cpp'),
        ),
      ],
      models() {
        return ggufFiles(this.roots[0]);
      },
    },
    {
      runtime: 'gpt4all',
      roots: [
        perOs(
          path.join(l.data, 'nomic.ai', 'GPT4All'),
          path.join(l.appSupport, 'nomic.ai', 'GPT4All'),
          path.join(l.localAppData, 'nomic.ai', 'GPT4All'),
        ),
      ],
      models() {
        return ggufFiles(this.roots[0]);
      },
    },
    {
      runtime: 'jan',
      roots: [
        perOs(
          path.join(l.data, 'Jan', 'data'),
          path.join(l.appSupport, 'Jan', 'data'),
          path.join(l.appData, 'Jan', 'data'),
        ),
        path.join(l.home, 'jan'),
      ],
      models() {
        return this.roots.flatMap((r) => [
          ...subfolders(path.join(r, 'models')),
          ...subfolders(path.join(r, 'llamacpp', 'models')),
        ]);
      },
    },
  ];
  /** @type {Runtime[]} */
  const out = [];
  for (const r of runtimes) {
    if (!r.roots.some(isDir)) continue;
    out.push({ runtime: r.runtime, models: [...new Set(r.models())].sort().slice(0, MAX_MODELS) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Browser extensions: only the ids the server asked about are reported

function chromiumRoots(/** @type {Layout} */ l) {
  const pick = (
    /** @type {string[]} */ linux,
    /** @type {string[]} */ darwin,
    /** @type {string[]} */ win32,
  ) =>
    l.os === 'darwin'
      ? path.join(l.appSupport, ...darwin)
      : l.os === 'win32'
        ? path.join(l.localAppData, ...win32)
        : path.join(l.config, ...linux);
  return [
    ['chrome', pick(['google-chrome'], ['Google', 'Chrome'], ['Google', 'Chrome', 'User Data'])],
    ['edge', pick(['microsoft-edge'], ['Microsoft Edge'], ['Microsoft', 'Edge', 'User Data'])],
    [
      'brave',
      pick(
        ['BraveSoftware', 'Brave-Browser'],
        ['BraveSoftware', 'Brave-Browser'],
        ['BraveSoftware', 'Brave-Browser', 'User Data'],
      ),
    ],
    ['chromium', pick(['chromium'], ['Chromium'], ['Chromium', 'User Data'])],
  ];
}

function firefoxProfilesRoot(/** @type {Layout} */ l) {
  if (l.os === 'darwin') return path.join(l.appSupport, 'Firefox', 'Profiles');
  if (l.os === 'win32') return path.join(l.appData, 'Mozilla', 'Firefox', 'Profiles');
  return path.join(l.home, '.mozilla', 'firefox');
}

/** Chromium version folders are `1.2.3_0`; the newest wins. */
function newestVersion(/** @type {string[]} */ folders) {
  const parse = (/** @type {string} */ v) =>
    v
      .replace(/_\d+$/, '')
      .split('.')
      .map((n) => Number(n) || 0);
  const sorted = [...folders].sort((a, b) => {
    const x = parse(a);
    const y = parse(b);
    for (let i = 0; i < Math.max(x.length, y.length); i++)
      if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  });
  const last = sorted.pop();
  return last ? last.replace(/_\d+$/, '') : null;
}

/** @returns {BrowserExtension[]} */
function collectBrowserExtensions(/** @type {Layout} */ l, /** @type {Set<string>} */ watched) {
  /** @type {BrowserExtension[]} */
  const out = [];
  for (const [browser, root] of chromiumRoots(l)) {
    for (const profile of listDir(root)) {
      if (!profile.isDirectory() || !/^(Default|Profile \d+)$/.test(profile.name)) continue;
      const extensions = path.join(root, profile.name, 'Extensions');
      for (const ext of listDir(extensions)) {
        if (!ext.isDirectory() || !watched.has(ext.name.toLowerCase())) continue;
        out.push({
          browser,
          id: ext.name,
          version: newestVersion(subfolders(path.join(extensions, ext.name))),
        });
      }
    }
  }
  const firefox = firefoxProfilesRoot(l);
  for (const profile of listDir(firefox)) {
    if (!profile.isDirectory()) continue;
    for (const xpi of listDir(path.join(firefox, profile.name, 'extensions'))) {
      const id = xpi.name.replace(/\.xpi$/i, '');
      if (xpi.isFile() && xpi.name.toLowerCase().endsWith('.xpi') && watched.has(id.toLowerCase()))
        out.push({ browser: 'firefox', id, version: null });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The report

/** The first of each key, sorted by that key, at most MAX_ITEMS: the same machine, the same report. */
function uniqueSorted(/** @type {any[]} */ items, /** @type {(x: any) => string} */ key) {
  const seen = new Map();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_ITEMS)
    .map(([, v]) => v);
}

/**
 * Everything the collector finds, as the body it posts.
 * @param {{ layout: Layout, env: Record<string, string | undefined>, watch: WatchList,
 *   device: { id: string, hostname: string }, user: string }} input
 * @returns {Report}
 */
function collect({ layout, env, watch, device, user }) {
  const ide = new Set(watch.ideExtensions.map((s) => s.toLowerCase()));
  const browser = new Set(watch.browserExtensions.map((s) => s.toLowerCase()));
  return {
    schemaVersion: SCHEMA_VERSION,
    collectorVersion: COLLECTOR_VERSION,
    device: { id: device.id, hostname: device.hostname, os: layout.os },
    user,
    ideExtensions: uniqueSorted(
      [...collectVsCodeExtensions(layout, ide), ...collectJetBrainsPlugins(layout, ide)],
      (e) => `${e.ide}\u0000${e.id.toLowerCase()}`,
    ),
    mcpServers: uniqueSorted(collectMcpServers(layout), (s) => `${s.client}\u0000${s.name}`),
    cliTools: uniqueSorted(collectCliTools(layout, env, watch.executables), (t) => t.name),
    runtimes: uniqueSorted(collectRuntimes(layout), (r) => r.runtime),
    browserExtensions: uniqueSorted(
      collectBrowserExtensions(layout, browser),
      (b) => `${b.browser}\u0000${b.id.toLowerCase()}`,
    ),
  };
}

/** A random id for this device, kept in a state file so every run reports the same device. */
function deviceId(/** @type {string} */ stateFile) {
  const existing = asObject(readJson(stateFile));
  const id = asString(existing?.deviceId);
  if (id && /^[0-9a-f-]{36}$/.test(id)) return id;
  const fresh = crypto.randomUUID();
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  fs.writeFileSync(stateFile, JSON.stringify({ deviceId: fresh }, null, 2) + '\n', { mode: 0o600 });
  return fresh;
}

/** @returns {WatchList} */
function watchListOf(/** @type {unknown} */ body) {
  const b = asObject(body);
  const strings = (/** @type {unknown} */ v) =>
    Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
  if (!b) throw new Error('the server sent no catalog');
  return {
    ideExtensions: strings(b.ideExtensions),
    browserExtensions: strings(b.browserExtensions),
    executables: strings(b.executables).filter((n) => /^[A-Za-z0-9._-]+$/.test(n)),
  };
}

async function request(
  /** @type {string} */ url,
  /** @type {string} */ token,
  /** @type {RequestInit} */ init = {},
) {
  const res = await fetch(url, {
    ...init,
    headers: {
      ...(init.headers ?? {}),
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
    },
  });
  const text = await res.text();
  if (!res.ok) {
    let message = text;
    try {
      message = JSON.parse(text).message ?? text;
    } catch {
      // not JSON: show it as it is
    }
    throw new Error(
      `${init.method ?? 'GET'} ${url} answered ${res.status}: ${String(message).slice(0, 500)}`,
    );
  }
  return text ? JSON.parse(text) : null;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2), process.env);
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const osName =
    opts.os ??
    /** @type {OsName} */ (
      ['darwin', 'win32'].includes(process.platform) ? process.platform : 'linux'
    );
  const home = opts.home ?? os.homedir();
  const layout = layoutFor(osName, home, process.env, opts.home !== null);
  const watch = watchListOf(await request(`${opts.server}/api/endpoints/catalog`, opts.token));
  const report = collect({
    layout,
    env: process.env,
    watch,
    device: {
      id: deviceId(opts.state ?? path.join(home, '.ai-census', 'collector-state.json')),
      hostname: os.hostname(),
    },
    user: opts.user || safeUserName(),
  });
  const body = JSON.stringify(report, null, 2);
  if (opts.dryRun) {
    process.stdout.write(`${body}\n`);
    process.stderr.write(
      `dry run: nothing was sent; a real run posts exactly the JSON above to ${opts.server}/api/endpoints/reports\n`,
    );
    return;
  }
  const answer = await request(`${opts.server}/api/endpoints/reports`, opts.token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}

function safeUserName() {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`collector: ${err instanceof Error ? err.message : String(err)}\n`);
    if (err instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  });
}

module.exports = {
  COLLECTOR_VERSION,
  SCHEMA_VERSION,
  MAX_ITEMS,
  parseArgs,
  layoutFor,
  stripJsonComments,
  vsCodeExtensionOf,
  pluginXmlOf,
  jetBrainsProduct,
  readZipEntry,
  codexMcpServers,
  describeMcpServer,
  launchedPackage,
  splitVersion,
  ollamaModels,
  newestVersion,
  watchListOf,
  collect,
};
