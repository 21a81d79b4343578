// A tool hit in an Umbrella proxy export, read on bytes: the line's string, its fields and the
// record are never built. Only lines every step reads plainly are taken (plain CSV, ASCII where
// a string is made, plain time, host and sizes); anything else is left to UmbrellaParser, which
// gives the same answer for the lines taken here (line-sieve.spec.ts, umbrella.hit.spec.ts).
import type { NetworkIdentity } from '../network.types';
import { type HostLookup, type HotHit } from './host-lookup';
import { identityFrom } from './parse-utils';
import { cutPlainCsv, plainIsoTime, PROXY_MIN_FIELDS } from './umbrella.scan';
import { afterScheme, urlHost, type ByteSpan } from './url-host-bytes';

/** an export repeats a handful of identity types: the last one read answers again */
let lastType = '';
let lastTypeIsUser = false;

/** Umbrella identities are AD users, or machines and networks, which are no person. */
export function umbrellaIdentity(
  label: string,
  type: string | undefined,
  ip: string | undefined,
): NetworkIdentity | undefined {
  let personLike: boolean;
  if (!type) personLike = /@|\\|\([^)]*\)\s*$/.test(label);
  else if (type === lastType) personLike = lastTypeIsUser;
  else {
    personLike = lastTypeIsUser = /user/i.test(type);
    lastType = type;
  }
  return identityFrom(personLike ? label : undefined, ip);
}

/** the fields read: up to the request method (25) */
const starts = new Int32Array(26);
const ends = new Int32Array(26);
const span: ByteSpan = { start: 0, end: 0 };
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'CONNECT'].map((m) =>
  Buffer.from(m, 'latin1'),
);
const num2 = (b: Buffer, i: number): number => (b[i] - 48) * 10 + (b[i + 1] - 48);

/** field i as a string; undefined when it holds a byte past ASCII (the parser decodes those) */
function ascii(buf: Buffer, i: number): string | undefined {
  const s = starts[i];
  const e = ends[i];
  for (let k = s; k < e; k++) if (buf[k] > 127) return undefined;
  return buf.toString('latin1', s, e);
}

/** parseCount of a field: '' and '-' are no count; -1 for anything but 1-15 digits */
function count(buf: Buffer, i: number): number | undefined {
  const s = starts[i];
  const e = ends[i];
  if (e === s || (e - s === 1 && buf[s] === 45)) return undefined;
  if (e - s > 15) return -1;
  let n = 0;
  for (let k = s; k < e; k++) {
    const c = buf[k] - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** /block/i in field i */
function saysBlock(buf: Buffer, i: number): boolean {
  for (let k = starts[i], e = ends[i] - 5; k <= e; k++) {
    if (
      (buf[k] | 32) === 98 &&
      (buf[k + 1] | 32) === 108 &&
      (buf[k + 2] | 32) === 111 &&
      (buf[k + 3] | 32) === 99 &&
      (buf[k + 4] | 32) === 107
    )
      return true;
  }
  return false;
}

function isMethod(buf: Buffer, s: number, e: number): boolean {
  for (const m of METHODS)
    if (e - s === m.length && buf.compare(m, 0, m.length, s, e) === 0) return true;
  return false;
}

/** urlPath of the URL in [s, e) (which has no blanks at its ends) as a range; empty: no path */
function pathOf(buf: Buffer, s: number, e: number, hit: HotHit): void {
  hit.pathStart = hit.pathEnd = 0;
  let slash = afterScheme(buf, s, e);
  while (slash < e && buf[slash] !== 47) {
    // "?" or "#" before the first "/" ends the authority: there is no path
    if (buf[slash] === 63 || buf[slash] === 35) return;
    slash++;
  }
  if (slash >= e) return;
  let pe = slash;
  while (pe < e && buf[pe] !== 63 && buf[pe] !== 35 && buf[pe] !== 32) pe++;
  hit.pathStart = slash;
  hit.pathEnd = pe;
}

/**
 * true: a proxy line to a tool, read into `hit` as UmbrellaParser and the matcher would read it
 * (its method and path as byte ranges). false: the parser must read the line, whatever it is.
 */
export function scanUmbrellaTool(
  buf: Buffer,
  s: number,
  e: number,
  hosts: HostLookup,
  hit: HotHit,
): boolean {
  const n = cutPlainCsv(buf, s, e, starts, ends, true);
  if (n < PROXY_MIN_FIELDS || !plainIsoTime(buf, starts[0], ends[0])) return false;
  const t = starts[0];
  const year = num2(buf, t) * 100 + num2(buf, t + 2);
  if (year < 100) return false; // Date.UTC would read it as 19xx
  // the parser trims the URL before it reads the path: a URL with any blank at its ends is its
  const u0 = buf[starts[7]];
  const u1 = buf[ends[7] - 1];
  if (u0 <= 32 || u0 >= 127 || u1 <= 32 || u1 >= 127) return false;
  if (!urlHost(buf, starts[7], ends[7], span)) return false;
  const toolId = hosts.matchBytes(buf, span.start, span.end);
  if (toolId === null) return false;
  const up = count(buf, 11);
  const down = count(buf, 12);
  if (up === -1 || down === -1) return false;
  const label = ascii(buf, 1);
  const ip = ascii(buf, 2);
  const type = n > 21 ? ascii(buf, 21) : '';
  if (label === undefined || ip === undefined || type === undefined) return false;
  hit.time = Date.UTC(
    year,
    num2(buf, t + 5) - 1,
    num2(buf, t + 8),
    num2(buf, t + 11),
    num2(buf, t + 14),
    num2(buf, t + 17),
  );
  hit.toolId = toolId;
  hit.identity = umbrellaIdentity(label, n > 21 ? type : undefined, ip);
  hit.sourceIp = ip || undefined;
  hit.bytesUp = up;
  hit.bytesDown = down;
  hit.blocked = saysBlock(buf, 6);
  hit.hostStart = span.start;
  hit.hostEnd = span.end;
  const ms = n > 25 ? starts[25] : 0;
  const me = n > 25 ? ends[25] : 0;
  const method = me > ms && isMethod(buf, ms, me);
  hit.methodStart = method ? ms : 0;
  hit.methodEnd = method ? me : 0;
  pathOf(buf, starts[7], ends[7], hit);
  return true;
}
