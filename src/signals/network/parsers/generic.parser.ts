// Any CSV (with a header row, or a configured one) or NDJSON log, through a column mapping;
// without a mapping, columns are found by their usual names.
import type { FieldMapping, LineParser, NetworkFormat, ParseOutcome } from '../network.types';
import { splitCsvLine } from './csv-line';
import {
  identityFrom,
  malformed,
  normalizeHost,
  parseCount,
  parseTimestampInZone,
} from './parse-utils';

const USUAL_NAMES: Record<keyof Omit<FieldMapping, 'blockedPattern'>, string[]> = {
  time: ['time', 'timestamp', '@timestamp', 'datetime', 'date', 'ts', 'eventtime', 'event_time'],
  user: ['user', 'username', 'user_name', 'email', 'login', 'upn', 'userprincipalname', 'identity'],
  sourceIp: ['src_ip', 'source_ip', 'sourceip', 'srcip', 'client_ip', 'clientip', 'c-ip', 'cip', 'src', 'ip'],
  host: ['host', 'hostname', 'domain', 'dest_host', 'destination', 'query', 'qname', 'server_name', 'sni', 'fqdn'],
  url: ['url', 'uri', 'request_url', 'eurl'],
  bytesUp: ['bytes_out', 'bytes_up', 'bytes_sent', 'sent_bytes', 'request_bytes', 'reqsize', 'cs-bytes'],
  bytesDown: ['bytes_in', 'bytes_down', 'bytes_received', 'received_bytes', 'response_bytes', 'respsize', 'sc-bytes'],
  action: ['action', 'decision', 'disposition', 'verdict', 'result'],
}; // prettier-ignore

function guessMapping(columns: string[]): FieldMapping | undefined {
  const lower = columns.map((c) => c.toLowerCase());
  const pick = (names: string[]): string | undefined => {
    const i = lower.findIndex((c) => names.includes(c));
    return i < 0 ? undefined : columns[i];
  };
  const time = pick(USUAL_NAMES.time);
  if (!time) return undefined;
  return {
    time,
    user: pick(USUAL_NAMES.user),
    sourceIp: pick(USUAL_NAMES.sourceIp),
    host: pick(USUAL_NAMES.host),
    url: pick(USUAL_NAMES.url),
    bytesUp: pick(USUAL_NAMES.bytesUp),
    bytesDown: pick(USUAL_NAMES.bytesDown),
    action: pick(USUAL_NAMES.action),
  };
}

function dig(o: unknown, path: string): unknown {
  if (o && typeof o === 'object' && path in o) return (o as Record<string, unknown>)[path];
  let cur: unknown = o;
  for (const part of path.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export class GenericParser implements LineParser {
  private header: string[] | undefined;
  private mapping: FieldMapping | undefined;
  private readonly blocked: RegExp;

  constructor(
    readonly format: NetworkFormat,
    options: { mapping?: FieldMapping; csvHeader?: string[]; zone?: string },
  ) {
    this.mapping = options.mapping;
    this.header = options.csvHeader;
    this.zone = options.zone;
    this.blocked = new RegExp(options.mapping?.blockedPattern ?? 'block|deny|denied|drop', 'i');
  }

  private readonly zone: string | undefined;

  parse(line: string): ParseOutcome {
    const text = line.trim();
    if (text === '') return null;
    let get: (k: string | undefined) => unknown;
    if (text.startsWith('{')) {
      let o: unknown;
      try {
        o = JSON.parse(text);
      } catch {
        return malformed('invalid JSON');
      }
      this.mapping ??= guessMapping(Object.keys(o as object));
      get = (k) => (k === undefined ? undefined : dig(o, k));
    } else {
      const cells = splitCsvLine(text);
      if (!cells) return malformed('unbalanced quotes');
      if (!this.header) {
        this.header = cells;
        return null;
      }
      this.mapping ??= guessMapping(this.header);
      const header = this.header;
      get = (k) => {
        if (k === undefined) return undefined;
        const i = /^\d+$/.test(k) ? Number(k) : header.indexOf(k);
        return i < 0 ? undefined : cells[i];
      };
    }
    const m = this.mapping;
    if (!m) return malformed('no mapping given and no time column recognised');
    const str = (k: string | undefined): string | undefined => {
      const v = get(k);
      return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    };
    const rawTime = get(m.time);
    const time = parseTimestampInZone(
      typeof rawTime === 'number' ? rawTime : str(m.time),
      this.zone,
    );
    if (time === undefined) return malformed(`${m.time} "${str(m.time) ?? ''}" is not a time`);
    const host = normalizeHost(str(m.host)) ?? normalizeHost(str(m.url));
    if (!host) return malformed(`no host in ${[m.host, m.url].filter(Boolean).join(' or ')}`);
    const ip = str(m.sourceIp);
    return {
      time,
      sourceIp: ip,
      identity: identityFrom(str(m.user), ip),
      host,
      bytesUp: parseCount(str(m.bytesUp)),
      bytesDown: parseCount(str(m.bytesDown)),
      blocked: this.blocked.test(str(m.action) ?? ''),
    };
  }
}
