// Umbrella's hot path: a CSV line is cut into fields on bytes (no csv-parse, no strings) and its
// host looked up as a byte range. Only a plain line (quoted or bare fields, no escaped quotes) with
// a plain time and host whose host is no tool is settled here; every other line, tool hits
// included, goes to UmbrellaParser, which alone decides what is malformed.
import type { FieldCuts } from '../network.types';
import type { HostLookup } from './host-lookup';
import { urlHost, type ByteSpan } from './url-host-bytes';

const QUOTE = 34;
const COMMA = 44;
export const PROXY_MIN_FIELDS = 20;

const span: ByteSpan = { start: 0, end: 0 };

const digit = (c: number): boolean => c >= 48 && c <= 57;
const num2 = (b: Buffer, i: number): number => (b[i] - 48) * 10 + (b[i + 1] - 48);

/** the days of a month, as Date.UTC counts them (it reads years 0-99 as 1900-1999) */
function monthDays(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  const y = year < 100 ? year + 1900 : year;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

const ISO_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

/** `YYYY-MM-DD HH:MM:SS` (or with T) naming a real instant; anything else is left to the parser. */
export function plainIsoTime(b: Buffer, s: number, e: number): boolean {
  if (e - s !== 19) return false;
  for (let k = 0; k < ISO_DIGITS.length; k++) if (!digit(b[s + ISO_DIGITS[k]])) return false;
  if (b[s + 4] !== 45 || b[s + 7] !== 45 || b[s + 13] !== 58 || b[s + 16] !== 58) return false;
  if (b[s + 10] !== 32 && b[s + 10] !== 84) return false;
  const month = num2(b, s + 5);
  const day = num2(b, s + 8);
  if (month < 1 || month > 12 || day < 1 || num2(b, s + 11) > 23) return false;
  if (num2(b, s + 14) > 59 || num2(b, s + 17) > 59) return false;
  if (day <= 28) return true;
  const year = num2(b, s) * 100 + num2(b, s + 2);
  return day <= monthDays(year, month);
}

/**
 * Cuts a plain CSV line on bytes: each field "quoted" without quotes inside or bare without
 * quotes, no CR anywhere. Keeps the bounds of the first `starts.length` fields; returns how many
 * fields there are, or -1 when the line is not plain. With `strict`, a bare field with blanks at
 * its ends or a byte-order mark is not plain either (see plainBare).
 */
export function cutPlainCsv(
  buf: Buffer,
  s: number,
  e: number,
  starts: Int32Array,
  ends: Int32Array,
  strict = false,
): number {
  // memchr does the scanning: fields are found by their quotes and commas, not byte by byte
  const line = buf.subarray(s, e);
  const len = e - s;
  if (line.indexOf(13) >= 0) return -1;
  const max = starts.length;
  let n = 0;
  let p = 0;
  /** the first quote at or after p (len: none) */
  let quote = -1;
  for (;;) {
    let fs: number;
    let fe: number;
    if (line[p] === QUOTE) {
      fs = p + 1;
      fe = line.indexOf(QUOTE, fs);
      if (fe < 0) return -1; // unbalanced
      p = fe + 1;
      if (p < len && line[p] !== COMMA) return -1; // "" escapes and text after a quote
    } else {
      fs = p;
      fe = line.indexOf(COMMA, p);
      if (fe < 0) fe = len;
      if (quote < p) {
        quote = line.indexOf(QUOTE, p);
        if (quote < 0) quote = len;
      }
      if (quote < fe) return -1;
      p = fe;
      if (strict && !plainBare(line, fs, fe)) return -1;
    }
    if (n < max) {
      starts[n] = s + fs;
      ends[n] = s + fe;
    }
    n++;
    if (p >= len) return n;
    p++; // the comma
    if (p === len) {
      if (n < max) starts[n] = ends[n] = e;
      return n + 1; // a trailing comma opens an empty last field
    }
  }
}

/**
 * cutPlainCsv (strict) of a line the sieve found plain, from the commas it found outside quotes:
 * only the bare fields are left to check.
 */
export function cutSievedCsv(
  buf: Buffer,
  s: number,
  e: number,
  cuts: FieldCuts,
  starts: Int32Array,
  ends: Int32Array,
): number {
  const { count, at, offset } = cuts;
  const max = starts.length;
  // every bare field is checked, so a line with more commas than were kept is cut here
  if (count > at.length) return cutPlainCsv(buf, s, e, starts, ends, true);
  let fs = s;
  for (let k = 0; k <= count; k++) {
    const fe = k < count ? at[k] + offset : e;
    let a = fs;
    let z = fe;
    if (z > a && buf[a] === QUOTE) {
      a++;
      z--;
    } else if (!plainBare(buf, a, z)) return -1;
    if (k < max) {
      starts[k] = a;
      ends[k] = z;
    }
    fs = fe + 1;
  }
  return count + 1;
}

const blank = (c: number): boolean => c === 32 || c === 9;

/**
 * A bare field csv-parse reads as it stands: no blanks at its ends (it trims them) and no
 * byte-order mark (0xEF leads it in UTF-8; other characters it leads are left out too).
 */
function plainBare(buf: Buffer, s: number, e: number): boolean {
  if (e > s && (blank(buf[s]) || blank(buf[e - 1]))) return false;
  for (let i = s; i < e; i++) if (buf[i] === 0xef) return false;
  return true;
}

/** bounds of the fields the prescan reads (0, 7 and 8) */
const starts = new Int32Array(9);
const ends = new Int32Array(9);

/**
 * true: a well-formed Umbrella DNS or proxy line whose host is no tool (count it as parsed and
 * move on). false: UmbrellaParser must read it.
 */
export function umbrellaNoTool(buf: Buffer, s: number, e: number, hosts: HostLookup): boolean {
  if (buf[e - 1] === 13) return false;
  const n = cutPlainCsv(buf, s, e, starts, ends);
  if (n < 10 || !plainIsoTime(buf, starts[0], ends[0])) return false;
  const k = n >= PROXY_MIN_FIELDS ? 7 : 8;
  if (!urlHost(buf, starts[k], ends[k], span)) return false;
  return hosts.matchBytes(buf, span.start, span.end) === null;
}
