// Zscaler NSS's hot path for tab feeds: cells found on bytes, the host looked up as a byte range.
// A line with a plain time and host whose host is no tool is settled here; CSV and JSON feeds,
// tool hits and anything unusual go to ZscalerParser, which alone decides what is malformed.
import type { HostLookup } from './host-lookup';
import { MONTHS } from './time-zone';
import { decimalNumber, sameBytes, urlHost, type ByteSpan } from './url-host-bytes';

const TAB = 9;

/** The columns a prescan needs, from the feed's configured field order. */
export interface ZscalerColumns {
  /** the line sieve reads the same columns (SieveShape) */
  kind: 'zscaler';
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
    kind: 'zscaler',
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

/** the month numbers by their names as three lower-case bytes packed in an integer */
const MONTH_BY_KEY = new Map(
  Object.entries(MONTHS).map(([m, n]) => [
    (m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2),
    n,
  ]),
);

/** The month (1-12) named by the three letters at b[i], any case; undefined for no month. */
export function monthAt(b: Buffer, i: number): number | undefined {
  return MONTH_BY_KEY.get(((b[i] | 32) << 16) | ((b[i + 1] | 32) << 8) | (b[i + 2] | 32));
}

function month(b: Buffer, i: number): boolean {
  return monthAt(b, i) !== undefined;
}

const TIME_DIGITS = [1, 2, 4, 5, 7, 8, 10, 11, 12, 13];

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
  for (let k = 0; k < TIME_DIGITS.length; k++) if (!digit(b[p + TIME_DIGITS[k]])) return false;
  return true;
}

/** positions of the line's first tabs: cell i runs from after tab i-1 to tab i */
let tabAt = new Int32Array(64);

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
  // as many cells as the feed has fields, at least; one pass notes where they end
  if (tabAt.length < cols.count + 1) tabAt = new Int32Array(cols.count + 1);
  let tabs = 0;
  for (
    let p = buf.indexOf(TAB, s);
    p >= 0 && p < e && tabs < cols.count;
    p = buf.indexOf(TAB, p + 1)
  )
    tabAt[tabs++] = p;
  if (tabs === 0 || tabs + 1 < cols.count) return false;
  // cell i: [start(i), end(i)); every cell below cols.count exists now
  const start = (i: number): number => (i === 0 ? s : tabAt[i - 1] + 1);
  const end = (i: number): number => (i < tabs ? tabAt[i] : e);
  if (sameBytes(buf, s, end(0), cols.first)) return false;
  let textTime = true;
  if (cols.epoch >= 0) {
    const a = start(cols.epoch);
    const z = end(cols.epoch);
    const blank =
      a === z ||
      (z - a === 1 && buf[a] === 45) ||
      (z - a === 2 && buf[a] === 78 && buf[a + 1] === 65);
    if (!blank) {
      if (!decimalNumber(buf, a, z)) return false;
      textTime = false;
    }
  }
  if (textTime && (cols.time < 0 || !nssTextTime(buf, start(cols.time), end(cols.time))))
    return false;
  if (!urlHost(buf, start(cols.host), end(cols.host), span)) return false;
  return hosts.matchBytes(buf, span.start, span.end) === null;
}
