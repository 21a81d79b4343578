// Zscaler NSS's hot path for tab feeds: cells found on bytes, the host looked up as a byte range.
// A line with a plain time and host whose host is no tool is settled here; CSV and JSON feeds,
// tool hits and anything unusual go to ZscalerParser, which alone decides what is malformed.
import type { HostLookup } from './host-lookup';
import { MONTHS } from './time-zone';
import { decimalNumber, sameBytes, urlHost, type ByteSpan } from './url-host-bytes';

const TAB = 9;

/** The columns a prescan needs, from the feed's configured field order. */
export interface ZscalerColumns {
  count: number;
  /** eurl, else url, hostname, host: the first the feed has (-1: none) */
  host: number;
  epoch: number;
  time: number;
  /** the first field's name: a header row repeats it */
  first: Buffer;
}

export function zscalerColumns(fields: readonly string[]): ZscalerColumns {
  const host = ['eurl', 'url', 'hostname', 'host'].find((f) => fields.includes(f));
  return {
    count: fields.length,
    host: host ? fields.indexOf(host) : -1,
    epoch: fields.indexOf('epochtime'),
    time: fields.indexOf('time'),
    first: Buffer.from(fields[0] ?? '', 'utf8'),
  };
}

const span: ByteSpan = { start: 0, end: 0 };
const digit = (c: number): boolean => c >= 48 && c <= 57;
const letter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
const space = (c: number): boolean => c === 32 || c === TAB || c === 13 || c === 11 || c === 12;

function month(b: Buffer, i: number): boolean {
  return MONTHS[String.fromCharCode(b[i] | 32, b[i + 1] | 32, b[i + 2] | 32)] !== undefined;
}

/** `[Www ]Mmm D[D] HH:MM:SS YYYY`, the text time NSS writes. */
export function nssTextTime(b: Buffer, s: number, e: number): boolean {
  let p = s;
  const word = (i: number): boolean => letter(b[i]) && letter(b[i + 1]) && letter(b[i + 2]);
  if (e - p >= 4 && word(p) && b[p + 3] === 32 && word(p + 4) && b[p + 7] === 32) p += 4;
  if (e - p < 3 || !word(p) || !month(b, p)) return false;
  p += 3;
  if (b[p] !== 32) return false;
  while (b[p] === 32) p++;
  if (!digit(b[p])) return false;
  p += digit(b[p + 1]) ? 2 : 1;
  // " HH:MM:SS YYYY"
  if (e - p !== 14 || b[p] !== 32 || b[p + 3] !== 58 || b[p + 6] !== 58 || b[p + 9] !== 32)
    return false;
  for (const i of [1, 2, 4, 5, 7, 8, 10, 11, 12, 13]) if (!digit(b[p + i])) return false;
  return true;
}

const cellAt = new Int32Array(2);

/** The bounds of cell i (cells split on tabs), into cellAt; false when the line has fewer. */
function cell(b: Buffer, s: number, e: number, i: number): boolean {
  let p = s;
  for (let k = 0; k < i; k++) {
    p = b.indexOf(TAB, p);
    if (p < 0 || p >= e) return false;
    p++;
  }
  let q = b.indexOf(TAB, p);
  if (q < 0 || q > e) q = e;
  cellAt[0] = p;
  cellAt[1] = q;
  return true;
}

/**
 * true: a well-formed NSS tab line whose host is no tool (count it as parsed and move on).
 * false: ZscalerParser must read it.
 */
export function zscalerNoTool(
  buf: Buffer,
  s: number,
  e: number,
  cols: ZscalerColumns,
  hosts: HostLookup,
): boolean {
  if (cols.host < 0 || e <= s || space(buf[s]) || space(buf[e - 1]) || buf[s] === 123) return false;
  // as many cells as the feed has fields, at least
  let tabs = 0;
  for (
    let p = buf.indexOf(TAB, s);
    p >= 0 && p < e && tabs < cols.count;
    p = buf.indexOf(TAB, p + 1)
  )
    tabs++;
  if (tabs === 0 || tabs + 1 < cols.count) return false;
  if (!cell(buf, s, e, 0) || sameBytes(buf, cellAt[0], cellAt[1], cols.first)) return false;
  let textTime = true;
  if (cols.epoch >= 0) {
    cell(buf, s, e, cols.epoch);
    const [a, z] = cellAt;
    const blank =
      a === z ||
      (z - a === 1 && buf[a] === 45) ||
      (z - a === 2 && buf[a] === 78 && buf[a + 1] === 65);
    if (!blank) {
      if (!decimalNumber(buf, a, z)) return false;
      textTime = false;
    }
  }
  if (
    textTime &&
    (cols.time < 0 || !cell(buf, s, e, cols.time) || !nssTextTime(buf, cellAt[0], cellAt[1]))
  )
    return false;
  cell(buf, s, e, cols.host);
  if (!urlHost(buf, cellAt[0], cellAt[1], span)) return false;
  return hosts.matchBytes(buf, span.start, span.end) === null;
}
