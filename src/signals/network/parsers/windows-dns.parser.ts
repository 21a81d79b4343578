// Windows DNS Server debug log (dns.log): PACKET lines, length-prefixed names, and the
// server's locale time (US M/d/yyyy h:mm:ss AM or EU dd/MM/yyyy HH:mm:ss) in its local zone.
import type { LineParser, NetworkFormat, ParseOutcome } from '../network.types';
import { identityFrom, malformed, normalizeHost } from './parse-utils';
import { zonedToUtc } from './time-zone';

const DATE = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/;
const CLOCK = /^(\d{1,2}):(\d{2}):(\d{2})$/;

/** (3)www(6)google(3)com(0) → www.google.com; the dotted form some versions write passes through. */
export function decodeDnsName(raw: string): string {
  return raw.replace(/\(\d+\)/g, '.').replace(/^\.+|\.+$/g, '');
}

export class WindowsDnsParser implements LineParser {
  readonly format: NetworkFormat = 'windows-dns';
  private order: 'us' | 'eu' | undefined;

  constructor(
    private readonly zone: string | undefined,
    dateOrder?: 'us' | 'eu',
  ) {
    this.order = dateOrder;
  }

  parse(line: string): ParseOutcome {
    const t = line.trim().split(/\s+/);
    const at = t.indexOf('PACKET');
    if (at < 0) return null; // header key, EVENT and other debug lines
    if (t.length < at + 9) return malformed(`PACKET line has ${t.length} fields, expected more`);
    const dir = t[at + 3];
    const ip = t[at + 4];
    const isResponse = t[at + 6] === 'R';
    // a query received from a client is one request; responses and upstream queries repeat it
    if (dir !== 'Rcv' || isResponse) return null;
    const time = this.time(t.slice(0, at));
    if (time === undefined)
      return malformed(`date/time "${t.slice(0, at - 1).join(' ')}" is not a time`);
    const host = normalizeHost(decodeDnsName(t[t.length - 1]));
    if (!host) return malformed('question name is empty');
    return { time, sourceIp: ip, identity: identityFrom(undefined, ip), host, blocked: false };
  }

  /** head: date, time, [AM|PM], thread id */
  private time(head: string[]): number | undefined {
    const d = DATE.exec(head[0] ?? '');
    const c = CLOCK.exec(head[1] ?? '');
    if (!d || !c) return undefined;
    const ampm = head[2]?.toUpperCase();
    const hasAmPm = ampm === 'AM' || ampm === 'PM';
    let hour = +c[1];
    if (hasAmPm) {
      if (hour > 12) return undefined;
      hour = (hour % 12) + (ampm === 'PM' ? 12 : 0);
    }
    let year: number, month: number, day: number;
    if (d[1].length === 4) {
      [year, month, day] = [+d[1], +d[2], +d[3]];
    } else {
      const a = +d[1];
      const b = +d[2];
      // a day above 12 settles the order for the rest of the file; else AM/PM hints US
      if (!this.order && a > 12) this.order = 'eu';
      if (!this.order && b > 12) this.order = 'us';
      const order = this.order ?? (hasAmPm ? 'us' : 'eu');
      [month, day] = order === 'us' ? [a, b] : [b, a];
      year = +d[3] < 100 ? 2000 + +d[3] : +d[3];
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    return zonedToUtc(this.zone, year, month, day, hour, +c[2], +c[3]);
  }
}
