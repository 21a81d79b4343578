// A tool hit in a Zeek TSV log, read on bytes: the line's string, its cells and the record are
// never built. Only lines every step reads plainly are taken (a numeric ts, ASCII where a string
// is made, a plain host and sizes); anything else is left to ZeekParser, which gives the same
// answer for the lines taken here (line-sieve.spec.ts, zeek.hit.spec.ts).
import { type HostLookup, type HotHit } from './host-lookup';
import { asciiText, countOf, cutCells } from './hit-bytes';
import { identityFrom, parseTimestamp } from './parse-utils';
import { decimalNumber, sameBytes, urlHost, type ByteSpan } from './url-host-bytes';
import type { ZeekColumns } from './zeek.scan';

/** The cells a hit is read from, for the current #path and #fields (-1: the log has none). */
export interface ZeekHitColumns extends ZeekColumns {
  origH: number;
  /** http's username */
  user: number;
  /** request_body_len / response_body_len (http), orig_bytes / resp_bytes (conn) */
  up: number;
  down: number;
}

export function zeekHitColumns(
  path: string | undefined,
  columns: ReadonlyMap<string, number>,
  scan: ZeekColumns,
): ZeekHitColumns {
  const at = (name: string): number => columns.get(name) ?? -1;
  return {
    ...scan,
    origH: at('id.orig_h'),
    user: path === 'http' ? at('username') : -1,
    up: path === 'http' ? at('request_body_len') : path === 'conn' ? at('orig_bytes') : -1,
    down: path === 'http' ? at('response_body_len') : path === 'conn' ? at('resp_bytes') : -1,
  };
}

const span: ByteSpan = { start: 0, end: 0 };
let cellEnds = new Int32Array(64);
let lineStart = 0;
const cellStart = (i: number): number => (i === 0 ? lineStart : cellEnds[i - 1] + 1);

/** cell i unless the log has no such column or the cell holds the unset or empty marker */
function isSet(buf: Buffer, cols: ZeekHitColumns, i: number): boolean {
  if (i < 0) return false;
  const s = cellStart(i);
  const e = cellEnds[i];
  return !sameBytes(buf, s, e, cols.unset) && !sameBytes(buf, s, e, cols.empty);
}

/**
 * true: a data line to a tool, read into `hit` as ZeekParser and the matcher would read it.
 * false: the parser must read the line, whatever it is.
 */
export function scanZeekTool(
  buf: Buffer,
  s: number,
  e: number,
  cols: ZeekHitColumns,
  hosts: HostLookup,
  hit: HotHit,
): boolean {
  const c0 = buf[s];
  if (e <= s || c0 === 35 || c0 === 123 || buf[e - 1] === 13) return false; // '#', '{', CR
  if (cellEnds.length < cols.count) cellEnds = new Int32Array(cols.count);
  // as many cells as #fields names, no fewer and no more
  if (cutCells(buf, s, e, cols.separator, cols.count, cellEnds) !== cols.count) return false;
  lineStart = s;
  if (!isSet(buf, cols, cols.ts) || !isSet(buf, cols, cols.host)) return false;
  const tsS = cellStart(cols.ts);
  const tsE = cellEnds[cols.ts];
  if (!decimalNumber(buf, tsS, tsE)) return false;
  if (!urlHost(buf, cellStart(cols.host), cellEnds[cols.host], span)) return false;
  const toolId = hosts.matchBytes(buf, span.start, span.end);
  if (toolId === null) return false;
  const text = (i: number): string | undefined | null =>
    isSet(buf, cols, i) ? (asciiText(buf, cellStart(i), cellEnds[i]) ?? null) : undefined;
  const count = (i: number): number | undefined =>
    isSet(buf, cols, i) ? countOf(buf, cellStart(i), cellEnds[i]) : undefined;
  const ip = text(cols.origH);
  const user = text(cols.user);
  const up = count(cols.up);
  const down = count(cols.down);
  // null: a byte past ASCII; -1: a size that is not plain digits
  if (ip === null || user === null || up === -1 || down === -1) return false;
  const time = parseTimestamp(buf.toString('latin1', tsS, tsE));
  if (time === undefined) return false;
  hit.time = time;
  hit.toolId = toolId;
  hit.identity = identityFrom(user, ip);
  hit.sourceIp = ip;
  hit.bytesUp = up;
  hit.bytesDown = down;
  hit.blocked = false;
  hit.hostStart = span.start;
  hit.hostEnd = span.end;
  hit.methodStart = hit.methodEnd = hit.pathStart = hit.pathEnd = 0;
  return true;
}
