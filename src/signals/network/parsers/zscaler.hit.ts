// A tool hit in a Zscaler NSS tab feed, read on bytes: the line's string, its cells and the
// record are never built. Only lines every step reads plainly are taken (no edge blanks, ASCII
// where a string is made, an epoch of digits or the 24-byte text time, plain host and sizes);
// anything else is left to ZscalerParser, which gives the same answer for the lines taken here
// (line-sieve.spec.ts, zscaler.hit.spec.ts).
import { type HostLookup, type HotHit } from './host-lookup';
import { asciiText, countOf, cutCells, pathOf, saysBlock, untrimmed } from './hit-bytes';
import { epochByMagnitude, identityFrom } from './parse-utils';
import { zonedToUtc } from './time-zone';
import { monthAt } from './zscaler.scan';
import { sameBytes, urlHost, type ByteSpan } from './url-host-bytes';

const TAB = 9;

/** Where a feed has the cells a hit is read from (-1: it has none). */
export interface ZscalerHitColumns {
  count: number;
  /** the first field's name: a header row repeats it */
  first: Buffer;
  host: number;
  /** the cell the path is read from: eurl, else url */
  path: number;
  epoch: number;
  time: number;
  /** login, else user */
  login: number;
  cip: number;
  method: number;
  reqsize: number;
  respsize: number;
  action: number;
}

export function zscalerHitColumns(fields: readonly string[]): ZscalerHitColumns {
  const at = (...names: string[]): number => {
    for (const n of names) if (fields.includes(n)) return fields.indexOf(n);
    return -1;
  };
  return {
    count: fields.length,
    first: Buffer.from(fields[0] ?? '', 'utf8'),
    host: at('eurl', 'url', 'hostname', 'host'),
    path: at('eurl', 'url'),
    epoch: at('epochtime'),
    time: at('time'),
    login: at('login', 'user'),
    cip: at('cip'),
    method: at('reqmethod'),
    reqsize: at('reqsize'),
    respsize: at('respsize'),
    action: at('action'),
  };
}

const span: ByteSpan = { start: 0, end: 0 };
let cellEnds = new Int32Array(64);
const digit = (b: Buffer, i: number): number => {
  const d = b[i] - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};
const letter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/** `Www Mmm DD HH:MM:SS YYYY` (day padded with 0 or a space) in zone, as the parser reads it */
function textTime(b: Buffer, s: number, e: number, zone: string | undefined): number | undefined {
  if (e - s !== 24 || b[s + 3] !== 32 || b[s + 7] !== 32 || b[s + 10] !== 32) return undefined;
  if (b[s + 13] !== 58 || b[s + 16] !== 58 || b[s + 19] !== 32) return undefined;
  for (let i = s; i < s + 7; i++) if (i !== s + 3 && !letter(b[i])) return undefined;
  const month = monthAt(b, s + 4);
  const d1 = b[s + 8] === 32 ? 0 : digit(b, s + 8);
  const day = d1 * 10 + digit(b, s + 9);
  const hh = digit(b, s + 11) * 10 + digit(b, s + 12);
  const mm = digit(b, s + 14) * 10 + digit(b, s + 15);
  const ss = digit(b, s + 17) * 10 + digit(b, s + 18);
  const year = ((digit(b, s + 20) * 10 + digit(b, s + 21)) * 10 + digit(b, s + 22)) * 10 + digit(b, s + 23); // prettier-ignore
  if (!month || !(day * hh * mm * ss * year >= 0)) return undefined;
  return zonedToUtc(zone, year, month, day, hh, mm, ss);
}

/** the time of the line: its epoch cell when set, else its text time (undefined: not plain) */
function timeOf(
  buf: Buffer,
  cols: ZscalerHitColumns,
  zone: string | undefined,
): number | undefined {
  if (cols.epoch >= 0) {
    const a = cellStart(cols.epoch);
    const z = cellEnds[cols.epoch];
    const unset = a === z || (z - a === 1 && buf[a] === 45) || (z - a === 2 && buf[a] === 78 && buf[a + 1] === 65); // prettier-ignore
    if (!unset) {
      const n = countOf(buf, a, z);
      return n === undefined || n < 0 ? undefined : epochByMagnitude(n);
    }
  }
  return cols.time < 0 ? undefined : textTime(buf, cellStart(cols.time), cellEnds[cols.time], zone);
}

let lineStart = 0;
const cellStart = (i: number): number => (i === 0 ? lineStart : cellEnds[i - 1] + 1);

/**
 * true: a tab line to a tool, read into `hit` as ZscalerParser and the matcher would read it
 * (its method and path as byte ranges). false: the parser must read the line, whatever it is.
 */
export function scanZscalerTool(
  buf: Buffer,
  s: number,
  e: number,
  cols: ZscalerHitColumns,
  zone: string | undefined,
  hosts: HostLookup,
  hit: HotHit,
): boolean {
  if (cols.host < 0 || !untrimmed(buf, s, e) || buf[s] === 123) return false;
  if (cellEnds.length < cols.count) cellEnds = new Int32Array(cols.count);
  // cells past the feed's columns are not read
  const cells = Math.min(cutCells(buf, s, e, TAB, cols.count, cellEnds), cols.count);
  if (cells < cols.count || cells === 1) return false; // too few cells, or no tab at all
  lineStart = s;
  if (sameBytes(buf, s, cellEnds[0], cols.first)) return false; // a header row
  const hs = cellStart(cols.host);
  const he = cellEnds[cols.host];
  if (!untrimmed(buf, hs, he) || !urlHost(buf, hs, he, span)) return false;
  const toolId = hosts.matchBytes(buf, span.start, span.end);
  if (toolId === null) return false;
  const time = timeOf(buf, cols, zone);
  if (time === undefined) return false;
  const up =
    cols.reqsize < 0 ? undefined : countOf(buf, cellStart(cols.reqsize), cellEnds[cols.reqsize]);
  const down =
    cols.respsize < 0 ? undefined : countOf(buf, cellStart(cols.respsize), cellEnds[cols.respsize]);
  if (up === -1 || down === -1) return false;
  const login =
    cols.login < 0 ? undefined : asciiText(buf, cellStart(cols.login), cellEnds[cols.login]);
  const cip = cols.cip < 0 ? undefined : asciiText(buf, cellStart(cols.cip), cellEnds[cols.cip]);
  if ((cols.login >= 0 && login === undefined) || (cols.cip >= 0 && cip === undefined))
    return false;
  let ms = cols.method < 0 ? 0 : cellStart(cols.method);
  let me = cols.method < 0 ? 0 : cellEnds[cols.method];
  if (asciiText(buf, ms, me) === undefined) return false;
  if (me - ms === 2 && buf[ms] === 78 && buf[ms + 1] === 65) ms = me = 0; // NA: no method
  hit.time = time;
  hit.toolId = toolId;
  hit.identity = identityFrom(login === 'NA' ? undefined : login, cip); // NA: unauthenticated
  hit.sourceIp = cip;
  hit.bytesUp = up;
  hit.bytesDown = down;
  hit.blocked = cols.action >= 0 && saysBlock(buf, cellStart(cols.action), cellEnds[cols.action]);
  hit.hostStart = span.start;
  hit.hostEnd = span.end;
  hit.methodStart = ms;
  hit.methodEnd = me;
  if (cols.path >= 0) pathOf(buf, cellStart(cols.path), cellEnds[cols.path], hit);
  else hit.pathStart = hit.pathEnd = 0;
  return true;
}
