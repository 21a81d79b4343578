// Zeek's hot path for TSV logs: the ts and host cells found on bytes, the host looked up as a byte
// range. A data line with a numeric ts and a plain host that is no tool is settled here; header
// lines, JSON, tool hits and anything unusual go to ZeekParser, which alone decides.
import type { HostLookup } from './host-lookup';
import { decimalNumber, sameBytes as same, urlHost, type ByteSpan } from './url-host-bytes';

/** The columns of the current #fields and #path, as a prescan needs them. */
export interface ZeekColumns {
  /** the line sieve reads the same columns (SieveShape) */
  kind: 'zeek';
  separator: number;
  count: number;
  ts: number;
  /** host (http), query (dns), server_name (ssl) or id.resp_h (conn) */
  host: number;
  unset: Buffer;
  empty: Buffer;
}

const HOST_COLUMN: Record<string, string> = {
  http: 'host',
  dns: 'query',
  ssl: 'server_name',
  conn: 'id.resp_h',
};

/** undefined when no prescan applies (a log Zeek path we do not read, a multi-byte separator…). */
export function zeekColumns(
  path: string | undefined,
  columns: ReadonlyMap<string, number>,
  separator: string,
  unset: string,
  empty: string,
): ZeekColumns | undefined {
  const hostName = path ? HOST_COLUMN[path] : undefined;
  const host = hostName ? columns.get(hostName) : undefined;
  const ts = columns.get('ts');
  if (host === undefined || ts === undefined || separator.length !== 1) return undefined;
  const code = separator.charCodeAt(0);
  if (code >= 128) return undefined;
  return {
    kind: 'zeek',
    separator: code,
    count: columns.size,
    ts,
    host,
    unset: Buffer.from(unset, 'utf8'),
    empty: Buffer.from(empty, 'utf8'),
  };
}

const span: ByteSpan = { start: 0, end: 0 };

/**
 * true: a well-formed TSV data line whose host is no tool (count it as parsed and move on).
 * false: ZeekParser must read it.
 */
export function zeekNoTool(
  buf: Buffer,
  s: number,
  e: number,
  cols: ZeekColumns,
  hosts: HostLookup,
): boolean {
  const c0 = buf[s];
  if (c0 < 48 || c0 > 57 || buf[e - 1] === 13) return false;
  let n = 0;
  let tsS = -1;
  let tsE = -1;
  let hS = -1;
  let hE = -1;
  let p = s;
  const sep = cols.separator;
  for (;;) {
    // a byte loop: cells are short, and a native indexOf call per cell costs more than it saves
    let q = p;
    while (q < e && buf[q] !== sep) q++;
    if (n === cols.ts) {
      tsS = p;
      tsE = q;
    }
    if (n === cols.host) {
      hS = p;
      hE = q;
    }
    n++;
    if (q >= e) break;
    p = q + 1;
  }
  if (n !== cols.count || tsS === tsE) return false;
  // ts: digits with an optional fraction (never the unset or empty marker)
  if (!decimalNumber(buf, tsS, tsE)) return false;
  if (same(buf, tsS, tsE, cols.unset) || same(buf, tsS, tsE, cols.empty)) return false;
  if (same(buf, hS, hE, cols.unset) || same(buf, hS, hE, cols.empty)) return false;
  if (!urlHost(buf, hS, hE, span)) return false;
  return hosts.matchBytes(buf, span.start, span.end) === null;
}
