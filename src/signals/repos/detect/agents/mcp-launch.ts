// What an MCP server's command line launches: a package from a registry (npx, uvx, pipx, docker)
// with its version, or a local executable. Only names and versions leave this file: arguments can
// hold tokens and connection strings, so they are never kept.

export type McpPackageEcosystem = 'npm' | 'pypi' | 'docker';

export interface McpPackageRef {
  ecosystem: McpPackageEcosystem;
  name: string;
  /** the version or tag asked for, when one is */
  version?: string;
  /** an exact version or a digest: the same code runs each time */
  pinned: boolean;
}

export interface McpLaunch {
  /** the executable's base name (npx, uvx, docker, node, github-mcp-server) */
  command: string;
  package?: McpPackageRef;
  /** launched from a git URL or a local path rather than a registry */
  unregistered?: 'git' | 'path';
  /** environment variable names passed on the command line (docker -e NAME) */
  envNames: string[];
  /** a remote URL the command proxies to (npx mcp-remote https://…) */
  proxiedUrl?: string;
}

const NPM_RUNNERS = new Set(['npx', 'bunx', 'pnpx']);
const NPM_SUBCOMMAND_RUNNERS: Record<string, string[]> = {
  pnpm: ['dlx'],
  yarn: ['dlx'],
  npm: ['exec', 'x'],
  bun: ['x'],
};
const NPM_VALUE_FLAGS = new Set(['-p', '--package', '--registry', '--cache', '--userconfig']);
const UV_VALUE_FLAGS = new Set([
  '--from',
  '--with',
  '--with-editable',
  '--with-requirements',
  '--python',
  '-p',
  '--index-url',
  '--extra-index-url',
  '--index',
  '--default-index',
  '--directory',
  '--project',
  '--spec',
]);
const DOCKER_VALUE_FLAGS = new Set([
  '-e',
  '--env',
  '--env-file',
  '-v',
  '--volume',
  '--mount',
  '-p',
  '--publish',
  '--name',
  '-w',
  '--workdir',
  '--entrypoint',
  '-u',
  '--user',
  '--network',
  '--net',
  '-l',
  '--label',
  '--add-host',
  '--platform',
  '--pull',
  '--cpus',
  '-m',
  '--memory',
  '-h',
  '--hostname',
  '--dns',
  '--cap-add',
  '--cap-drop',
  '--device',
  '--ulimit',
  '--tmpfs',
  '--security-opt',
  '--restart',
  '--log-driver',
  '--gpus',
  '--init-path',
  '--shm-size',
]);

export function baseCommand(command: string): string {
  const last = command.trim().split(/[\\/]/).pop() ?? command;
  return last.replace(/\.(exe|cmd|bat|ps1)$/i, '').toLowerCase();
}

/** The command line, with Windows `cmd /c` and `uv tool run` style wrappers taken off. */
function unwrap(command: string, args: string[]): { cmd: string; rest: string[] } {
  let cmd = baseCommand(command);
  let rest = args;
  if (cmd === 'cmd' && rest[0] && /^\/c$/i.test(rest[0]) && rest[1]) {
    cmd = baseCommand(rest[1]);
    rest = rest.slice(2);
  }
  return { cmd, rest };
}

const EXACT_SEMVER = /^v?\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/;

/** npm spec: @scope/name@1.2.3, name@latest, name. */
export function parseNpmSpec(spec: string): McpPackageRef | 'git' | 'path' | undefined {
  if (/^(git\+|git:|github:|https?:)/.test(spec)) return 'git';
  if (/^(\.{0,2}\/|[a-z]:\\|file:)/i.test(spec)) return 'path';
  const m = /^(@[a-z0-9._~-]+\/[a-z0-9._~-]+|[a-z0-9._~-]+)(?:@(.+))?$/i.exec(spec);
  if (!m) return undefined;
  const version = m[2];
  return {
    ecosystem: 'npm',
    name: m[1],
    ...(version ? { version } : {}),
    pinned: version !== undefined && EXACT_SEMVER.test(version),
  };
}

/** PyPI spec as uvx and pipx take it: name==1.2, name@1.2, name[extra]>=1, git+https://… */
export function parsePypiSpec(spec: string): McpPackageRef | 'git' | 'path' | undefined {
  if (/^(git\+|https?:)/.test(spec)) return 'git';
  if (/^(\.{0,2}\/|[a-z]:\\|file:)/i.test(spec)) return 'path';
  const m = /^([a-z0-9][a-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:(==|@|>=|<=|~=|>|<|!=)\s*(.+))?$/i.exec(
    spec,
  );
  if (!m) return undefined;
  const op = m[2];
  const version = m[3];
  return {
    ecosystem: 'pypi',
    name: m[1],
    ...(version ? { version: op === '==' || op === '@' ? version : `${op}${version}` } : {}),
    pinned: (op === '==' || op === '@') && version !== undefined && /^\d+(\.\d+)*$/.test(version),
  };
}

/** Docker image: registry:port/ns/name:tag or @sha256:digest. */
export function parseDockerImage(image: string): McpPackageRef | undefined {
  if (!/^[a-z0-9][\w./:@-]*$/i.test(image)) return undefined;
  const at = image.indexOf('@');
  if (at >= 0) {
    return {
      ecosystem: 'docker',
      name: image.slice(0, at),
      version: image.slice(at + 1),
      pinned: true,
    };
  }
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon > slash) {
    const tag = image.slice(colon + 1);
    return {
      ecosystem: 'docker',
      name: image.slice(0, colon),
      version: tag,
      pinned: tag !== 'latest' && /^v?\d+(\.\d+)*([-.][\w.]+)?$/.test(tag),
    };
  }
  return { ecosystem: 'docker', name: image, pinned: false };
}

function firstUrl(args: string[]): string | undefined {
  return args.find((a) => /^https?:\/\//i.test(a));
}

function withRef(out: McpLaunch, ref: McpPackageRef | 'git' | 'path' | undefined): McpLaunch {
  if (ref === 'git' || ref === 'path') out.unregistered = ref;
  else if (ref) out.package = ref;
  return out;
}

/** Reads a server's command line; never keeps argument values. */
export function parseLaunch(command: string, args: string[] = []): McpLaunch {
  const { cmd, rest } = unwrap(command, args.map(String));
  const out: McpLaunch = { command: cmd, envNames: [] };

  let npmArgs: string[] | undefined;
  if (NPM_RUNNERS.has(cmd)) npmArgs = rest;
  else if (NPM_SUBCOMMAND_RUNNERS[cmd]?.includes(rest[0] ?? '')) npmArgs = rest.slice(1);
  if (npmArgs) {
    let spec: string | undefined;
    for (let i = 0; i < npmArgs.length; i++) {
      const a = npmArgs[i];
      if (a === '--') continue;
      if (a.startsWith('--package=')) {
        spec = a.slice('--package='.length);
        break;
      }
      if (NPM_VALUE_FLAGS.has(a)) {
        if (a === '-p' || a === '--package') {
          spec = npmArgs[i + 1];
          break;
        }
        i++;
        continue;
      }
      if (a.startsWith('-')) continue;
      spec = a;
      break;
    }
    if (spec) withRef(out, parseNpmSpec(spec));
    if (out.package?.name === 'mcp-remote' || out.package?.name === 'supergateway') {
      out.proxiedUrl = firstUrl(npmArgs);
    }
    return out;
  }

  let pyArgs: string[] | undefined;
  if (cmd === 'uvx') pyArgs = rest;
  else if (cmd === 'uv' && rest[0] === 'tool' && rest[1] === 'run') pyArgs = rest.slice(2);
  else if (cmd === 'pipx' && rest[0] === 'run') pyArgs = rest.slice(1);
  if (pyArgs) {
    let spec: string | undefined;
    for (let i = 0; i < pyArgs.length; i++) {
      const a = pyArgs[i];
      if (a.startsWith('--from=') || a.startsWith('--spec=')) {
        spec = a.slice(a.indexOf('=') + 1);
        break;
      }
      if (a === '--from' || a === '--spec') {
        spec = pyArgs[i + 1];
        break;
      }
      if (UV_VALUE_FLAGS.has(a)) {
        i++;
        continue;
      }
      if (a.startsWith('-')) continue;
      spec = a;
      break;
    }
    if (spec) withRef(out, parsePypiSpec(spec));
    return out;
  }

  if ((cmd === 'docker' || cmd === 'podman') && rest[0] === 'run') {
    const dArgs = rest.slice(1);
    for (let i = 0; i < dArgs.length; i++) {
      const a = dArgs[i];
      if (a === '-e' || a === '--env') {
        const name = dArgs[i + 1]?.split('=')[0];
        if (name) out.envNames.push(name);
        i++;
        continue;
      }
      if (a.startsWith('--env=') || (a.startsWith('-e') && a.length > 2 && !a.startsWith('--'))) {
        out.envNames.push(a.replace(/^(--env=|-e)/, '').split('=')[0]);
        continue;
      }
      if (DOCKER_VALUE_FLAGS.has(a)) {
        i++;
        continue;
      }
      if (a.startsWith('-')) continue;
      withRef(out, parseDockerImage(a));
      break;
    }
    return out;
  }
  return out;
}
