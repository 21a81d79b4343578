// BIND `queries` channel and Infoblox NIOS (query, infoblox-responses and RPZ CEF lines),
// bare or behind an RFC 3164 / RFC 5424 syslog header. BIND logs local time.
import type { LineParser, NetworkFormat, ParseOutcome } from '../network.types';
import { identityFrom, malformed, normalizeHost, parseTimestamp } from './parse-utils';
import { MONTHS, zonedToUtc } from './time-zone';

const BIND_TIME = /(\d{2})-(\w{3})-(\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?/;
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})/;
const SYSLOG_TIME = /^(?:<\d+>)?(\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})/;
const QUERY =
  /client (?:@0x[0-9a-fA-F]+ )?([0-9a-fA-F.:]+)#\d+(?: \([^)]*\))?: (?:view [^:]+: )?(?:(?:UDP|TCP): )?query: (\S+) IN \S+/;
const CEF_HOST = /\bdhost=(\S+)/;
const CEF_SRC = /\bsrc=(\S+)/;

export class BindQueryParser implements LineParser {
  readonly format: NetworkFormat = 'bind';

  constructor(
    private readonly zone: string | undefined,
    /** RFC 3164 headers carry no year */
    private readonly year = new Date().getUTCFullYear(),
  ) {}

  parse(line: string): ParseOutcome {
    if (line.trim() === '') return null;
    const cef = line.includes('CEF:') && line.includes('RPZ');
    const q = cef ? null : QUERY.exec(line);
    if (!q && !cef) return null; // other named / NIOS messages
    const time = this.time(line);
    if (time === undefined) return malformed('no BIND, ISO or syslog timestamp');
    if (cef) {
      const host = normalizeHost(CEF_HOST.exec(line)?.[1]);
      if (!host) return malformed('RPZ CEF record without dhost=');
      const ip = CEF_SRC.exec(line)?.[1];
      return { time, sourceIp: ip, identity: identityFrom(undefined, ip), host, blocked: true };
    }
    const [, ip, name] = q as RegExpExecArray;
    const host = normalizeHost(name);
    if (!host) return malformed('query without a name');
    return { time, sourceIp: ip, identity: identityFrom(undefined, ip), host, blocked: false };
  }

  private time(line: string): number | undefined {
    const b = BIND_TIME.exec(line);
    if (b) {
      const month = MONTHS[b[2].toLowerCase()];
      if (month)
        return zonedToUtc(this.zone, +b[3], month, +b[1], +b[4], +b[5], +b[6], +(b[7] ?? 0));
    }
    const iso = ISO_TIME.exec(line);
    if (iso) return parseTimestamp(iso[0]);
    const s = SYSLOG_TIME.exec(line);
    if (s) {
      const month = MONTHS[s[1].toLowerCase()];
      if (month) return zonedToUtc(this.zone, this.year, month, +s[2], +s[3], +s[4], +s[5]);
    }
    return undefined;
  }
}
