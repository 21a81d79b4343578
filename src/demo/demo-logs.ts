import type { DemoRandom } from './demo-random';
import type { DemoPerson, DemoSurveyAnswer, DemoUsage } from './demo-org.types';
import { NOISE_HOSTS } from './demo-profile';

const DAY = 86_400_000;

interface Request {
  at: number;
  person: DemoPerson;
  host: string;
  bytes: number;
}

function requests(rnd: DemoRandom, people: DemoPerson[], usage: DemoUsage[], now: Date): Request[] {
  const ids = new Set(people.map((p) => p.id));
  const start = now.getTime() - 28 * DAY;
  const out: Request[] = [];
  for (const u of usage) {
    if (!ids.has(u.person.id)) continue;
    for (const day of u.activeDays) {
      for (let i = 0; i < u.requestsPerDay; i++) {
        const at = start + day * DAY + (8 + rnd.int(0, 9)) * 3_600_000 + rnd.int(0, 3_599_999);
        out.push({
          at,
          person: u.person,
          host: u.tool.host,
          bytes: Math.round(u.tool.bytesPerRequest * (0.3 + rnd.next() * 1.4)),
        });
      }
    }
  }
  // Ordinary traffic, so AI use is a minority of the log as in life.
  for (const p of people) {
    for (let i = 0; i < 12; i++) {
      out.push({
        at: start + rnd.int(0, 27) * DAY + rnd.int(8, 18) * 3_600_000 + rnd.int(0, 3_599_999),
        person: p,
        host: rnd.pick(NOISE_HOSTS),
        bytes: rnd.int(500, 90_000),
      });
    }
  }
  return out.sort((a, b) => a.at - b.at || a.person.id.localeCompare(b.person.id));
}

/** Squid's native access.log with proxy authentication (the user name is field 8). */
export function squidLog(
  rnd: DemoRandom,
  people: DemoPerson[],
  usage: DemoUsage[],
  now: Date,
): string {
  return requests(rnd, people, usage, now)
    .map((r) => {
      const elapsed = String(rnd.int(20, 2500)).padStart(6);
      return `${(r.at / 1000).toFixed(3)} ${elapsed} ${r.person.ip} TCP_TUNNEL/200 ${r.bytes} CONNECT ${r.host}:443 ${r.person.proxyUser} HIER_DIRECT/203.0.113.${rnd.int(1, 254)} -`;
    })
    .join('\n')
    .concat('\n');
}

/** Zeek ssl.log (TSV) from the branch office sensor: no user, only the client IP and the SNI. */
export function zeekSslLog(
  rnd: DemoRandom,
  people: DemoPerson[],
  usage: DemoUsage[],
  now: Date,
): string {
  const fields = [
    'ts',
    'uid',
    'id.orig_h',
    'id.orig_p',
    'id.resp_h',
    'id.resp_p',
    'version',
    'cipher',
    'curve',
    'server_name',
    'resumed',
    'last_alert',
    'next_protocol',
    'established',
    'ssl_history',
    'cert_chain_fps',
    'client_cert_chain_fps',
    'sni_matches_cert',
    'validation_status',
  ];
  const types = [
    'time',
    'string',
    'addr',
    'port',
    'addr',
    'port',
    'string',
    'string',
    'string',
    'string',
    'bool',
    'string',
    'string',
    'bool',
    'string',
    'vector[string]',
    'vector[string]',
    'bool',
    'string',
  ];
  const open = new Date(now.getTime() - 28 * DAY)
    .toISOString()
    .slice(0, 19)
    .replace('T', '-')
    .replace(/:/g, '-');
  const head = [
    '#separator \\x09',
    '#set_separator\t,',
    '#empty_field\t(empty)',
    '#unset_field\t-',
    '#path\tssl',
    `#open\t${open}`,
    `#fields\t${fields.join('\t')}`,
    `#types\t${types.join('\t')}`,
  ];
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const lines = requests(rnd, people, usage, now).map((r) => {
    const uid = 'C' + Array.from({ length: 17 }, () => rnd.pick([...alphabet])).join('');
    return [
      (r.at / 1000).toFixed(6),
      uid,
      r.person.ip,
      String(rnd.int(40000, 65000)),
      `198.51.100.${rnd.int(1, 254)}`,
      '443',
      'TLSv13',
      'TLS_AES_128_GCM_SHA256',
      'x25519',
      r.host,
      'F',
      '-',
      'h2',
      'T',
      'CsiI',
      '-',
      '-',
      '-',
      '-',
    ].join('\t');
  });
  const close = new Date(now.getTime())
    .toISOString()
    .slice(0, 19)
    .replace('T', '-')
    .replace(/:/g, '-');
  return [...head, ...lines, `#close\t${close}`].join('\n') + '\n';
}

/** A Google Forms CSV export, the most common way such a survey is run. */
export function surveyCsv(answers: DemoSurveyAnswer[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const header = [
    'Timestamp',
    'Email Address',
    'Which AI tools do you use for work?',
    'What kinds of data do you use them with?',
    'Which account do you use?',
  ];
  const rows = answers.map((a) => {
    // as Sheets writes it in an en-US, UTC spreadsheet: M/D/YYYY H:mm:ss (FORMATS.md)
    const d = new Date(a.submittedAt);
    const two = (n: number) => String(n).padStart(2, '0');
    const ts = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
    return [ts, a.email, a.tools.join(', '), a.dataClasses.join(', '), a.account].map(q).join(',');
  });
  return [header.map(q).join(','), ...rows].join('\r\n') + '\r\n';
}
