// Writes a synthetic Squid native access.log and remembers what a correct ingest must find:
// used by the end-to-end resume test and by the benchmark.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** host → tool id under the interim and test matchers; lookalikes belong to no tool. */
export const GENERATOR_AI_HOSTS: Record<string, string> = {
  'chatgpt.com': 'chatgpt',
  'api.openai.com': 'openai-api',
  'claude.ai': 'claude',
  'api.anthropic.com': 'anthropic-api',
  'api2.cursor.sh': 'cursor',
};
const OTHER_HOSTS = [
  'www.google.com', 'fonts.gstatic.com', 'github.com', 'registry.npmjs.org', 'cdn.jsdelivr.net',
  'login.microsoftonline.com', 'slack.com', 'chatgpt.com.evil.example', 'notclaude.ai',
  'api.openai.com.attacker.net', 'www.wikipedia.org', 'news.ycombinator.com',
]; // prettier-ignore
const USERS = ['alice@corp.example', 'bob', 'CORP%5Ccarol', '-', 'dave@corp.example', '-'];

export interface GeneratedLog {
  lines: number;
  bytes: number;
  /** `${kind}:${value}|${tool}|${day}` → requests and bytes down */
  expected: Map<string, { requests: number; bytesDown: number }>;
}

/** A deterministic log: aiShare of lines go to AI hosts, spread over two UTC days. */
export async function writeSquidLog(
  path: string,
  lines: number,
  opts: { aiShare?: number; seed?: number } = {},
): Promise<GeneratedLog> {
  const aiShare = opts.aiShare ?? 0.1;
  let state = opts.seed ?? 42;
  const rand = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 0x100000000;
  };
  const aiHosts = Object.keys(GENERATOR_AI_HOSTS);
  const expected = new Map<string, { requests: number; bytesDown: number }>();
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const start = 1764460800; // 2025-11-30T00:00:00Z
  const span = 2 * 86400;
  let written = 0;
  let batch: string[] = [];
  for (let i = 0; i < lines; i++) {
    const ts = start + Math.floor((i / lines) * span);
    const ms = i % 1000;
    const ipN = Math.floor(rand() * 200);
    const ip = `10.20.${ipN >> 4}.${ipN}`;
    const user = USERS[Math.floor(rand() * USERS.length)];
    const size = 200 + Math.floor(rand() * 20000);
    const ai = rand() < aiShare;
    const host = ai
      ? aiHosts[Math.floor(rand() * aiHosts.length)]
      : OTHER_HOSTS[Math.floor(rand() * OTHER_HOSTS.length)];
    const connect = rand() < 0.5;
    const url = connect ? `${host}:443` : `https://${host}/v1/resource/${i}?q=${ipN}`;
    const method = connect ? 'CONNECT' : 'GET';
    const elapsed = String(Math.floor(rand() * 3000)).padStart(6, ' ');
    batch.push(
      `${ts}.${String(ms).padStart(3, '0')} ${elapsed} ${ip} TCP_MISS/200 ${size} ${method} ${url} ${user} HIER_DIRECT/104.18.32.47 text/html`,
    );
    if (ai) {
      const who =
        user === '-'
          ? `ip:${ip}`
          : user.includes('@')
            ? `email:${user}`
            : `username:${decodeURIComponent(user).toLowerCase()}`;
      const day = new Date(ts * 1000).toISOString().slice(0, 10);
      const key = `${who}|${GENERATOR_AI_HOSTS[host]}|${day}`;
      const e = expected.get(key) ?? { requests: 0, bytesDown: 0 };
      e.requests++;
      e.bytesDown += size;
      expected.set(key, e);
    }
    if (batch.length === 10_000) {
      const text = batch.join('\n') + '\n';
      written += Buffer.byteLength(text);
      if (!out.write(text)) await once(out, 'drain');
      batch = [];
    }
  }
  if (batch.length > 0) {
    const text = batch.join('\n') + '\n';
    written += Buffer.byteLength(text);
    out.write(text);
  }
  out.end();
  await once(out, 'finish');
  return { lines, bytes: written, expected };
}
