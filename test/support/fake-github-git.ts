import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname } from 'node:path';

/**
 * Serves one real repository over git's smart HTTP protocol by running `git http-backend` (the
 * CGI program shipped with git) for the request, as GitHub's git endpoint answers a clone:
 * protocol v2, partial-clone filters allowed, pushes refused.
 */
export function serveGitHttp(
  req: IncomingMessage,
  res: ServerResponse,
  repoDir: string,
  rest: string,
  onStatus: (status: number) => void,
): void {
  const url = new URL(req.url ?? '/', 'http://x');
  if (rest === 'git-receive-pack' || url.searchParams.get('service') === 'git-receive-pack') {
    onStatus(403);
    res.writeHead(403, { 'content-type': 'text/plain' }).end('Write access not granted.\n');
    return;
  }
  const child = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dirname(repoDir),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_PROJECT_ROOT: dirname(repoDir),
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: `/${basename(repoDir)}/${rest}`,
      REQUEST_METHOD: req.method ?? 'GET',
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
      GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      REMOTE_ADDR: '127.0.0.1',
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'uploadpack.allowFilter',
      GIT_CONFIG_VALUE_0: 'true',
      GIT_CONFIG_KEY_1: 'uploadpack.allowAnySHA1InWant',
      GIT_CONFIG_VALUE_1: 'true',
    },
  });
  req.pipe(child.stdin);
  let head: Buffer = Buffer.alloc(0);
  let started = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (started) return void res.write(chunk);
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    const endLf = head.indexOf('\n\n');
    const cut = end >= 0 ? end : endLf;
    if (cut < 0) return;
    const sep = end >= 0 ? 4 : 2;
    const headers: Record<string, string> = {};
    let status = 200;
    for (const line of head.subarray(0, cut).toString('latin1').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'status') status = Number(value.split(' ')[0]);
      else if (name) headers[name] = value;
    }
    started = true;
    onStatus(status);
    res.writeHead(status, headers);
    res.write(head.subarray(cut + sep));
  });
  child.on('close', () => {
    if (!started) {
      onStatus(500);
      res.writeHead(500).end();
    } else res.end();
  });
}

/** Command lines of running processes that contain `secret` (Linux /proc; empty elsewhere). */
export function processesNaming(secret: string): string[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const pid of pids) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmd.includes(secret)) out.push(cmd);
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}
