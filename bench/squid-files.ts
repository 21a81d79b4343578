// Many small Squid logs whose exact totals are known: the multi-worker test checks them, the
// worker-scaling benchmark feeds them to 1 and 2 worker processes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SQUID_DOMAINS = ['chatgpt.com', 'claude.ai', 'api.anthropic.com'] as const;

export interface SquidFiles {
  paths: string[];
  lines: number;
  /** requests per `user|domain|day` over all files */
  requests: Map<string, number>;
}

/** `files` logs of `linesPerFile` lines: 40 users, three AI domains, two UTC days, no two lines alike. */
export function writeSquidFiles(dir: string, files: number, linesPerFile: number): SquidFiles {
  const start = Date.UTC(2026, 0, 5) / 1000;
  const requests = new Map<string, number>();
  const paths: string[] = [];
  for (let f = 0; f < files; f++) {
    const out: string[] = [];
    for (let i = 0; i < linesPerFile; i++) {
      const n = f * linesPerFile + i;
      const user = `u${n % 40}@corp.example`;
      const domain = SQUID_DOMAINS[(n >> 3) % SQUID_DOMAINS.length];
      const ts = start + ((n * 7919) % (2 * 86_400));
      const day = new Date(ts * 1000).toISOString().slice(0, 10);
      const key = `${user}|${domain}|${day}`;
      requests.set(key, (requests.get(key) ?? 0) + 1);
      out.push(
        `${ts}.${String(n % 1000).padStart(3, '0')}     12 10.1.${f % 250}.${i % 250} TCP_MISS/200 ${1000 + (n % 500)} GET https://${domain}/c/${f}-${i} ${user} HIER_DIRECT/104.18.32.47 application/json`,
      );
    }
    const path = join(dir, `proxy-${String(f).padStart(3, '0')}.log`);
    writeFileSync(path, `${out.join('\n')}\n`);
    paths.push(path);
  }
  return { paths, lines: files * linesPerFile, requests };
}
