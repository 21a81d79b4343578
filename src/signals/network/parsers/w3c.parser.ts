// W3C extended logs (IIS, Blue Coat ProxySG, generic W3C proxies): columns from #Fields, which
// may change mid-file; '-' is empty, '+' stands for a space, Blue Coat quotes values with spaces.
import type { LineParser, NetworkFormat, ParseOutcome } from '../network.types';
import { identityFrom, malformed, normalizeHost, parseCount, parseTimestamp } from './parse-utils';

const HOST_FIELDS = ['cs-host', 'cs(host)', 'r-host', 'cs-uri', 'r-dns', 'cs-uri-stem'];

function tokenize(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) break;
    if (line[i] === '"') {
      const close = line.indexOf('"', i + 1);
      const end = close < 0 ? n : close;
      out.push(line.slice(i + 1, end));
      i = end + 1;
    } else {
      const s = i;
      while (i < n && line[i] !== ' ' && line[i] !== '\t') i++;
      out.push(line.slice(s, i));
    }
  }
  return out;
}

export class W3cParser implements LineParser {
  readonly format: NetworkFormat = 'w3c';
  private columns = new Map<string, number>();
  private fieldCount = 0;

  parse(line: string): ParseOutcome {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.trim() === '') return null;
    if (text.startsWith('#')) {
      if (/^#Fields:/i.test(text)) {
        const names = text.slice(8).trim().split(/\s+/);
        this.columns = new Map(names.map((f, i) => [f.toLowerCase(), i]));
        this.fieldCount = names.length;
      }
      return null;
    }
    if (this.fieldCount === 0) return malformed('data line before any #Fields directive');
    const cells = tokenize(text);
    if (cells.length !== this.fieldCount) {
      return malformed(`expected ${this.fieldCount} fields from #Fields, found ${cells.length}`);
    }
    const get = (name: string): string | undefined => {
      const i = this.columns.get(name);
      const v = i === undefined ? undefined : cells[i];
      return v === undefined || v === '-' || v === '' ? undefined : v;
    };
    const date = get('date');
    const clock = get('time');
    const time =
      date && clock ? parseTimestamp(`${date}T${clock}Z`) : parseTimestamp(get('x-timestamp'));
    if (time === undefined)
      return malformed(`date/time "${date ?? ''} ${clock ?? ''}" is not a time`);
    let host: string | undefined;
    for (const f of HOST_FIELDS) {
      host = normalizeHost(get(f));
      if (host) break;
    }
    if (!host) return malformed('no host in cs-host, cs(Host), r-host or cs-uri');
    const ip = get('c-ip');
    const user = get('cs-username')?.replace(/\+/g, ' ');
    const verdict = `${get('s-action') ?? ''} ${get('sc-filter-result') ?? ''}`;
    return {
      time,
      sourceIp: ip,
      identity: identityFrom(user, ip),
      host,
      bytesUp: parseCount(get('cs-bytes')),
      bytesDown: parseCount(get('sc-bytes')),
      blocked: /DENIED|BLOCKED/i.test(verdict),
    };
  }
}
