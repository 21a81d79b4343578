// Zeek conn/dns/ssl/http logs: ASCII TSV (columns from #fields, never by position) and JSON
// (LogAscii::use_json, epoch or ISO ts, with or without json-streaming-logs' _path).
import type { LineParser, NetworkFormat, ParseOutcome } from '../network.types';
import type { HostLookup, HotHit } from './host-lookup';
import { scanZeekTool, zeekHitColumns, type ZeekHitColumns } from './zeek.hit';
import {
  identityFrom,
  isBlank,
  malformed,
  normalizeHost,
  parseCount,
  parseTimestamp,
} from './parse-utils';
import { zeekColumns, zeekNoTool, type ZeekColumns } from './zeek.scan';

type ZeekPath = 'conn' | 'dns' | 'ssl' | 'http';
type Getter = (name: string) => string | number | undefined;

function unescapeSeparator(raw: string): string {
  return raw.replace(/\\x([0-9a-fA-F]{2})/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

const ZEEK_PATHS: readonly string[] = ['conn', 'dns', 'ssl', 'http'] satisfies ZeekPath[];

function pathOf(raw: string | undefined): ZeekPath | undefined {
  return raw !== undefined && ZEEK_PATHS.includes(raw) ? (raw as ZeekPath) : undefined;
}

/** A JSON record without _path: tell the log by the fields only it has. */
function guessPath(o: Record<string, unknown>): ZeekPath | undefined {
  if ('query' in o || 'qtype_name' in o) return 'dns';
  if ('server_name' in o || 'ssl_history' in o || 'cipher' in o) return 'ssl';
  if ('uri' in o || 'method' in o || 'status_code' in o) return 'http';
  if ('conn_state' in o || 'orig_bytes' in o || 'service' in o) return 'conn';
  return undefined;
}

export class ZeekParser implements LineParser {
  readonly format: NetworkFormat = 'zeek';
  private separator = '\t';
  private unset = '-';
  private empty = '(empty)';
  private path: ZeekPath | undefined;
  private rawPath = '';
  private columns = new Map<string, number>();
  /** the prescan's view of the columns; null: to be worked out again after a directive */
  private scan: ZeekColumns | undefined | null = null;
  /** the cells a tool hit is read from on bytes (with `scan`) */
  private hitColumns: ZeekHitColumns | undefined;

  prescan(buf: Buffer, start: number, end: number, hosts: HostLookup): boolean {
    const scan = this.sieveShape();
    return scan !== undefined && zeekNoTool(buf, start, end, scan, hosts);
  }

  sieveShape(): ZeekColumns | undefined {
    if (this.scan === null) {
      this.scan = zeekColumns(this.path, this.columns, this.separator, this.unset, this.empty);
      this.hitColumns = this.scan && zeekHitColumns(this.path, this.columns, this.scan);
    }
    return this.scan;
  }

  scanTool(buf: Buffer, start: number, end: number, hosts: HostLookup, hit: HotHit): boolean {
    const scan = this.sieveShape();
    return (
      scan !== undefined &&
      scanZeekTool(buf, start, end, this.hitColumns as ZeekHitColumns, hosts, hit)
    );
  }

  parse(line: string): ParseOutcome {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (isBlank(text)) return null;
    if (text.startsWith('#')) {
      this.directive(text);
      return null;
    }
    if (text.startsWith('{')) return this.parseJson(text);
    if (this.columns.size === 0) return malformed('data line before any #fields header');
    if (!this.path) return null; // a Zeek log we do not read (files, x509, …)
    const cells = text.split(this.separator);
    const get: Getter = (name) => {
      const i = this.columns.get(name);
      if (i === undefined) return undefined;
      const v = cells[i];
      return v === undefined || v === this.unset || v === this.empty ? undefined : v;
    };
    if (cells.length !== this.columns.size) {
      return malformed(`expected ${this.columns.size} fields from #fields, found ${cells.length}`);
    }
    return this.record(this.path, get);
  }

  private directive(text: string): void {
    this.scan = null;
    if (text.startsWith('#separator')) {
      this.separator = unescapeSeparator(text.slice('#separator'.length).trim()) || '\t';
      return;
    }
    const [name, ...rest] = text.split(this.separator);
    const value = rest.join(this.separator);
    switch (name) {
      case '#unset_field':
        this.unset = value;
        break;
      case '#empty_field':
        this.empty = value;
        break;
      case '#path':
        this.rawPath = value;
        this.path = pathOf(value);
        break;
      case '#fields':
        this.columns = new Map(rest.map((f, i) => [f, i]));
        break;
      default:
        break;
    }
  }

  private parseJson(text: string): ParseOutcome {
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return malformed('invalid JSON');
    }
    const path = typeof o._path === 'string' ? pathOf(o._path) : guessPath(o);
    if (!path) return null;
    const get: Getter = (name) => {
      const v = o[name];
      return typeof v === 'string' || typeof v === 'number' ? v : undefined;
    };
    return this.record(path, get);
  }

  private record(path: ZeekPath, get: Getter): ParseOutcome {
    const time = parseTimestamp(get('ts'));
    if (time === undefined) return malformed(`ts "${String(get('ts'))}" is not a time`);
    const sourceIp = get('id.orig_h')?.toString();
    // each record written out in one literal: spreading a base object costs a slow copy per line
    switch (path) {
      case 'dns':
      case 'ssl': {
        const host = normalizeHost(get(path === 'dns' ? 'query' : 'server_name')?.toString());
        // a query with no name (e.g. a bare response), TLS without SNI: no destination to match
        if (!host) return null;
        const identity = identityFrom(undefined, sourceIp);
        return { time, sourceIp, identity, blocked: false, host };
      }
      case 'http': {
        const host = normalizeHost(get('host')?.toString());
        if (!host) return null;
        const user = get('username')?.toString();
        return {
          time,
          sourceIp,
          identity: identityFrom(user, sourceIp),
          blocked: false,
          host,
          bytesUp: parseCount(get('request_body_len')),
          bytesDown: parseCount(get('response_body_len')),
        };
      }
      case 'conn': {
        const host = normalizeHost(get('id.resp_h')?.toString());
        if (!host) return malformed('conn record has no id.resp_h');
        return {
          time,
          sourceIp,
          identity: identityFrom(undefined, sourceIp),
          blocked: false,
          host,
          bytesUp: parseCount(get('orig_bytes')),
          bytesDown: parseCount(get('resp_bytes')),
        };
      }
    }
  }

  /** The #path of the TSV log being read, for reports. */
  get logPath(): string {
    return this.rawPath;
  }
}
