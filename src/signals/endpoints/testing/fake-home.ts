// Fake home directories laid out as Linux, macOS and Windows keep AI tools, for the collector's
// tests. Every secret value is SECRET_VALUE, so a test can prove it never leaves the machine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

export type FakeOs = 'linux' | 'darwin' | 'win32';

export const SECRET_VALUE = 'sk-live-7f3a9c1e-DO-NOT-LEAK';

/** A zip archive (a JetBrains plugin jar) of the given entries, deflated or stored. */
export function zipOf(entries: { name: string; data: string; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.from(e.data);
    const body = e.deflate === false ? raw : deflateRawSync(raw);
    const method = e.deflate === false ? 0 : 8;
    const name = Buffer.from(e.name);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

function write(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function json(file: string, value: unknown): void {
  write(file, JSON.stringify(value, null, 2));
}

/** Where each OS keeps per-user application data, below the fake home. */
function dirs(home: string, os: FakeOs) {
  const appSupport = path.join(home, 'Library', 'Application Support');
  const roaming = path.join(home, 'AppData', 'Roaming');
  const local = path.join(home, 'AppData', 'Local');
  const config = path.join(home, '.config');
  return {
    claudeDesktop:
      os === 'darwin'
        ? path.join(appSupport, 'Claude')
        : os === 'win32'
          ? path.join(roaming, 'Claude')
          : path.join(config, 'Claude'),
    vscodeUser:
      os === 'darwin'
        ? path.join(appSupport, 'Code', 'User')
        : os === 'win32'
          ? path.join(roaming, 'Code', 'User')
          : path.join(config, 'Code', 'User'),
    jetbrainsPlugins:
      os === 'darwin'
        ? path.join(appSupport, 'JetBrains', 'IntelliJIdea2025.2', 'plugins')
        : os === 'win32'
          ? path.join(roaming, 'JetBrains', 'IntelliJIdea2025.2', 'plugins')
          : path.join(home, '.local', 'share', 'JetBrains', 'IntelliJIdea2025.2'),
    chromeProfile:
      os === 'darwin'
        ? path.join(appSupport, 'Google', 'Chrome', 'Default')
        : os === 'win32'
          ? path.join(local, 'Google', 'Chrome', 'User Data', 'Default')
          : path.join(config, 'google-chrome', 'Default'),
    edgeProfile:
      os === 'darwin'
        ? path.join(appSupport, 'Microsoft Edge', 'Profile 1')
        : os === 'win32'
          ? path.join(local, 'Microsoft', 'Edge', 'User Data', 'Profile 1')
          : path.join(config, 'microsoft-edge', 'Profile 1'),
    firefoxProfiles:
      os === 'darwin'
        ? path.join(appSupport, 'Firefox', 'Profiles')
        : os === 'win32'
          ? path.join(roaming, 'Mozilla', 'Firefox', 'Profiles')
          : path.join(home, '.mozilla', 'firefox'),
    gpt4all:
      os === 'darwin'
        ? path.join(appSupport, 'nomic.ai', 'GPT4All')
        : os === 'win32'
          ? path.join(local, 'nomic.ai', 'GPT4All')
          : path.join(home, '.local', 'share', 'nomic.ai', 'GPT4All'),
  };
}

/**
 * A home with, for the given OS's layout: Copilot and a Python extension in VS Code, Claude Code
 * in Cursor; Copilot and a Rust plugin in IntelliJ; Claude Desktop, Cursor, VS Code and Codex MCP
 * configurations whose values hold SECRET_VALUE; `claude` (an npm install) and `git` on a bin
 * folder (returned, for PATH); Ollama and GPT4All models; Monica and uBlock in Chrome, HARPA in
 * Edge, an extension in Firefox.
 */
export function buildFakeHome(home: string, os: FakeOs): { binDir: string } {
  const d = dirs(home, os);
  const ext = (root: string, folder: string, publisher: string, name: string, version: string) =>
    json(path.join(home, root, 'extensions', folder, 'package.json'), {
      name,
      publisher,
      version,
      displayName: name,
      description: `contents the collector must not send ${SECRET_VALUE}`,
    });
  ext('.vscode', 'github.copilot-1.250.0', 'GitHub', 'copilot', '1.250.0');
  ext('.vscode', 'ms-python.python-2025.1.0', 'ms-python', 'python', '2025.1.0');
  ext('.cursor', 'anthropic.claude-code-2.0.1', 'Anthropic', 'claude-code', '2.0.1');

  const plugin = (folder: string, id: string, version: string) =>
    write(
      path.join(d.jetbrainsPlugins, folder, 'lib', `${folder}.jar`),
      zipOf([
        { name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\n', deflate: false },
        {
          name: 'META-INF/plugin.xml',
          data: `<idea-plugin>\n  <id>${id}</id>\n  <name>${folder}</name>\n  <version>${version}</version>\n  <depends>com.intellij.modules.platform</depends>\n</idea-plugin>\n`,
        },
      ]),
    );
  plugin('github-copilot-intellij', 'com.github.copilot', '1.5.40');
  plugin('intellij-rust', 'org.rust.lang', '0.4.200');

  json(path.join(d.claudeDesktop, 'claude_desktop_config.json'), {
    mcpServers: {
      github: {
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
        env: { GITHUB_PERSONAL_ACCESS_TOKEN: SECRET_VALUE },
      },
      zapier: { url: `https://mcp.zapier.com/api/mcp/s/${SECRET_VALUE}/mcp?key=${SECRET_VALUE}` },
    },
  });
  json(path.join(home, '.cursor', 'mcp.json'), {
    mcpServers: {
      postgres: {
        command: 'docker',
        args: [
          'run',
          '-i',
          '--rm',
          '-e',
          'DATABASE_URI',
          'crystaldba/postgres-mcp:0.3.0',
          `--connection=postgresql://admin:${SECRET_VALUE}@db.internal/prod`,
        ],
        env: { DATABASE_URI: `postgresql://admin:${SECRET_VALUE}@db.internal/prod` },
      },
    },
  });
  write(
    path.join(d.vscodeUser, 'mcp.json'),
    `{
  // servers this user added to VS Code
  "servers": {
    "fetch": { "type": "stdio", "command": "uvx", "args": ["mcp-server-fetch==2025.1.17"] },
    "linear": {
      "type": "http",
      "url": "https://mcp.linear.app/mcp",
      "headers": { "Authorization": "Bearer ${SECRET_VALUE}" },
    },
  },
}`,
  );
  write(
    path.join(home, '.codex', 'config.toml'),
    `model = "gpt-5-codex"

[mcp_servers.sentry]
command = "npx"
args = ["-y", "@sentry/mcp-server@0.17.1", "--access-token=${SECRET_VALUE}"]
env = { SENTRY_ACCESS_TOKEN = "${SECRET_VALUE}", SENTRY_HOST = "sentry.internal" }

[mcp_servers."notion docs"]
command = "/home/someone/.local/bin/notion-mcp"

[mcp_servers."notion docs".env]
NOTION_TOKEN = "${SECRET_VALUE}"
`,
  );

  const binDir = path.join(home, 'bin');
  if (os === 'win32') {
    write(path.join(binDir, 'claude.cmd'), '@ECHO off\r\nnode "%~dp0\\claude\\cli.js" %*\r\n');
    write(path.join(binDir, 'git.exe'), 'MZ');
  } else {
    const pkg = path.join(
      home,
      '.npm-global',
      'lib',
      'node_modules',
      '@anthropic-ai',
      'claude-code',
    );
    json(path.join(pkg, 'package.json'), {
      name: '@anthropic-ai/claude-code',
      version: '2.0.14',
      bin: { claude: 'cli.js' },
    });
    write(path.join(pkg, 'cli.js'), `#!/usr/bin/env node\n// ${SECRET_VALUE}\n`);
    fs.mkdirSync(binDir, { recursive: true });
    fs.symlinkSync(path.join(pkg, 'cli.js'), path.join(binDir, 'claude'));
    write(path.join(binDir, 'git'), '#!/bin/sh\n');
  }

  write(
    path.join(
      home,
      '.ollama',
      'models',
      'manifests',
      'registry.ollama.ai',
      'library',
      'llama3.2',
      'latest',
    ),
    '{}',
  );
  write(
    path.join(home, '.ollama', 'models', 'manifests', 'registry.ollama.ai', 'acme', 'coder', '7b'),
    '{}',
  );
  write(path.join(d.gpt4all, 'Meta-Llama-3-8B-Instruct.Q4_0.gguf'), 'GGUF');
  write(path.join(d.gpt4all, 'localdocs_v2.db'), SECRET_VALUE);

  const crx = (profile: string, id: string, version: string) =>
    json(path.join(profile, 'Extensions', id, version, 'manifest.json'), { name: id, version });
  crx(d.chromeProfile, 'ofpnmcalabcbjgholdjcjblkibolbppb', '7.9.6_0');
  crx(d.chromeProfile, 'ofpnmcalabcbjgholdjcjblkibolbppb', '7.9.7_0');
  crx(d.chromeProfile, 'cjpalhdlnbpafiamejdnhcphjbkeiagm', '1.62.0_0');
  crx(d.edgeProfile, 'eanggfilgoajaocelnaflolkadkeghjp', '11.2.0_0');
  write(
    path.join(
      d.firefoxProfiles,
      'abcd1234.default-release',
      'extensions',
      'uBlock0@raymondhill.net.xpi',
    ),
    'PK',
  );
  return { binDir };
}
