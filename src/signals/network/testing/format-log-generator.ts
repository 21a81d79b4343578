// Synthetic Zscaler NSS, Umbrella and Zeek logs for the ingest benchmark: the same mix of hosts
// and people as the Squid generator, in each product's own layout.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { NetworkFormat } from '../network.types';
import { GENERATOR_AI_HOSTS } from './squid-log-generator';

export type BenchFormat = Extract<NetworkFormat, 'zscaler' | 'umbrella-proxy' | 'zeek'>;

const AI = Object.keys(GENERATOR_AI_HOSTS);
const OTHER = ['www.google.com', 'github.com', 'registry.npmjs.org', 'slack.com', 'notclaude.ai'];
const USERS = ['alice@corp.example', 'bob@corp.example', 'carol@corp.example'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZEEK_HEAD = [
  '#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\thttp',
  '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\ttrans_depth\tmethod\thost\turi\tuser_agent\trequest_body_len\tresponse_body_len\tstatus_code\tusername',
  '#types\ttime\tstring\taddr\tport\taddr\tport\tcount\tstring\tstring\tstring\tstring\tcount\tcount\tcount\tstring',
]; // prettier-ignore

const pad = (n: number): string => String(n).padStart(2, '0');

function line(format: BenchFormat, i: number, ts: number, host: string, r: () => number): string {
  const n = Math.floor(r() * 200);
  const ip = `10.20.${n >> 4}.${n}`;
  const user = USERS[n % USERS.length];
  const size = 200 + Math.floor(r() * 20000);
  const d = new Date(ts * 1000);
  if (format === 'zscaler') {
    const text = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
    return `${text}\t${user}\tHTTPS\t${host}/v1/r/${i}\tAllowed\tApp\tGeneral\t${size >> 3}\t${size}`;
  }
  if (format === 'umbrella-proxy') {
    const when = d.toISOString().slice(0, 19).replace('T', ' ');
    return `"${when}","Doe, Jane (${user})","${ip}","198.51.100.7","104.18.32.47","application/json","ALLOWED","https://${host}/v1/r/${i}","","Mozilla/5.0","200","${size >> 3}","${size}","${size}","","Generative AI","","","","","","AD Users","","Doe, Jane (${user})","AD Users","POST","","","","","","","","",""`;
  }
  return `${ts}.250000\tC${i}\t${ip}\t50000\t104.18.32.47\t443\t1\tGET\t${host}\t/v1/r/${i}\tcurl/8\t${size >> 3}\t${size}\t200\t${user.split('@')[0]}`;
}

/** `lines` lines over two UTC days; aiShare of them to AI hosts. */
export async function writeFormatLog(
  path: string,
  format: BenchFormat,
  lines: number,
  aiShare = 0.05,
): Promise<void> {
  let state = 7;
  const r = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 0x100000000;
  };
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let batch: string[] = format === 'zeek' ? [...ZEEK_HEAD] : [];
  for (let i = 0; i < lines; i++) {
    const ts = 1764460800 + Math.floor((i / lines) * 2 * 86400);
    const host =
      r() < aiShare ? AI[Math.floor(r() * AI.length)] : OTHER[Math.floor(r() * OTHER.length)];
    batch.push(line(format, i, ts, host, r));
    if (batch.length >= 10_000 || i === lines - 1) {
      if (!out.write(batch.join('\n') + '\n')) await once(out, 'drain');
      batch = [];
    }
  }
  out.end();
  await once(out, 'finish');
}
