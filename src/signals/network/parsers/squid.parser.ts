// Squid access.log: native (hot path, parsed on bytes) and common/combined (regex on strings).
import type { LineParser, NetworkFormat, ParseOutcome } from '../network.types';
import { emptyHotHit, type HostLookup, type HotHit, ScanResult } from './host-lookup';
import { identityFrom, malformed, normalizeHost, urlPath } from './parse-utils';
import { MONTHS } from './time-zone';
import { afterScheme, afterUserinfo, authorityEnd } from './url-host-bytes';

const SPACE = 32;
const TAB = 9;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

function skipSpaces(buf: Buffer, p: number, end: number): number {
  while (p < end && (buf[p] === SPACE || buf[p] === TAB)) p++;
  return p;
}

function skipToken(buf: Buffer, p: number, end: number): number {
  while (p < end) {
    const c = buf[p];
    if (c === SPACE || c === TAB) break;
    p++;
  }
  return p;
}

/** "DENIED" anywhere in a short field (TCP_DENIED, TCP_DENIED_REPLY, NONE_DENIED). */
function containsDenied(buf: Buffer, s: number, e: number): boolean {
  for (let i = s; i + 6 <= e; i++) {
    if (
      buf[i] === 68 &&
      buf[i + 1] === 69 &&
      buf[i + 2] === 78 &&
      buf[i + 3] === 73 &&
      buf[i + 4] === 69 &&
      buf[i + 5] === 68
    )
      return true;
  }
  return false;
}

/**
 * Native format `%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt`, scanned on bytes
 * without splitting: the host is looked up as a byte range, and strings are only built for
 * lines that hit a tool.
 */
export function scanSquidNative(
  buf: Buffer,
  start: number,
  end: number,
  hosts: HostLookup,
  hit: HotHit,
): ScanResult {
  let p = start;
  while (p < end && isSpace(buf[p])) p++;
  if (p >= end || buf[p] === 13) return ScanResult.Skip;
  // field 0: seconds.millis
  let sec = 0;
  let digits = 0;
  let c = buf[p];
  while (c >= 48 && c <= 57) {
    sec = sec * 10 + (c - 48);
    digits++;
    c = buf[++p];
  }
  if (digits === 0 || digits > 12) return bad(hit, 'time is not epoch seconds');
  let ms = 0;
  if (c === 46) {
    let scale = 100;
    c = buf[++p];
    while (c >= 48 && c <= 57) {
      ms += (c - 48) * scale;
      scale /= 10;
      c = buf[++p];
    }
  }
  if (p >= end || !isSpace(buf[p])) return bad(hit, 'time is not epoch seconds');
  // fields 1..7, straight-line: only their ranges are kept, nothing is split or copied
  p = skipSpaces(buf, p, end);
  if (p >= end) return bad(hit, 'expected at least 8 fields, found 1');
  p = skipToken(buf, p, end); // elapsed
  p = skipSpaces(buf, p, end);
  if (p >= end) return bad(hit, 'expected at least 8 fields, found 2');
  const ipS = p;
  p = skipToken(buf, p, end);
  const ipE = p;
  p = skipSpaces(buf, p, end);
  if (p >= end) return bad(hit, 'expected at least 8 fields, found 3');
  const codeS = p;
  p = skipToken(buf, p, end);
  const codeE = p;
  p = skipSpaces(buf, p, end);
  if (p >= end) return bad(hit, 'expected at least 8 fields, found 4');
  let bytes = 0;
  for (c = buf[p]; p < end && !isSpace(c); c = buf[++p]) {
    if (c < 48 || c > 57) bytes = -1;
    else if (bytes >= 0) bytes = bytes * 10 + (c - 48);
  }
  p = skipSpaces(buf, p, end);
  if (p >= end) return bad(hit, 'expected at least 8 fields, found 5');
  const methodS = p;
  p = skipToken(buf, p, end); // method
  const methodE = p;
  p = skipSpaces(buf, p, end);
  if (p >= end) return bad(hit, 'expected at least 8 fields, found 6');
  const urlS = p;
  // URLs are the long field: let memchr find their end
  let urlE = buf.indexOf(SPACE, p);
  if (urlE < 0 || urlE > end) urlE = end;
  p = skipSpaces(buf, urlE, end);
  if (p >= end) return bad(hit, 'expected at least 8 fields, found 7');
  const userS = p;
  p = skipToken(buf, p, end);
  let userE = p;
  if (userE > userS && buf[userE - 1] === 13) userE--;
  if (bytes < 0) return bad(hit, 'field 5 (bytes) is not a number');
  // host inside the URL: after "scheme://", before / ? # and the port; userinfo and [v6] handled
  const afterSchemeAt = afterScheme(buf, urlS, urlE);
  const ae = authorityEnd(buf, afterSchemeAt, urlE);
  let hs = afterUserinfo(buf, afterSchemeAt, ae);
  let he = ae;
  if (buf[hs] === 91) {
    hs++;
    he = hs;
    while (he < ae && buf[he] !== 93) he++;
  } else {
    for (let i = hs; i < ae; i++) {
      if (buf[i] === 58) {
        he = i;
        break;
      }
    }
  }
  while (he > hs && buf[he - 1] === 46) he--;
  if (he <= hs) return bad(hit, 'field 7 (URL) has no host');
  const toolId = hosts.matchBytes(buf, hs, he);
  hit.time = sec * 1000 + Math.round(ms);
  if (toolId === null) return ScanResult.NoTool;
  hit.toolId = toolId;
  hit.hostStart = hs;
  hit.hostEnd = he;
  hit.methodStart = methodS;
  hit.methodEnd = methodE;
  // the path runs from the end of the authority to the query, fragment or the URL's end;
  // a CONNECT line (host:port) has none
  let pe = ae;
  while (pe < urlE && buf[pe] !== 63 && buf[pe] !== 35) pe++;
  hit.pathStart = ae;
  hit.pathEnd = pe;
  hit.blocked = containsDenied(buf, codeS, codeE);
  hit.bytesDown = bytes;
  hit.bytesUp = undefined;
  const ip = buf.toString('latin1', ipS, ipE);
  hit.sourceIp = ip;
  let user: string | undefined;
  if (!(userE - userS === 1 && buf[userS] === 45)) {
    user = buf.toString('utf8', userS, userE);
    if (user.includes('%')) user = safeDecode(user);
  }
  hit.identity = identityFrom(user, ip);
  return ScanResult.Tool;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function bad(hit: HotHit, reason: string): ScanResult {
  hit.reason = reason;
  return ScanResult.Malformed;
}

/** Captures the normalised host of the last lookup; lets parse() reuse the byte scanner. */
class CapturingLookup implements HostLookup {
  host = '';
  matchBytes(buf: Buffer, start: number, end: number): string | null {
    this.host = normalizeHost(buf.toString('utf8', start, end)) ?? '';
    return '';
  }
}

export class SquidNativeParser implements LineParser {
  readonly format: NetworkFormat = 'squid';
  private readonly lookup = new CapturingLookup();
  private readonly hit = emptyHotHit();

  parse(line: string): ParseOutcome {
    const buf = Buffer.from(line, 'utf8');
    const r = scanSquidNative(buf, 0, buf.length, this.lookup, this.hit);
    if (r === ScanResult.Skip) return null;
    if (r === ScanResult.Malformed) return malformed(this.hit.reason);
    const h = this.hit;
    const { time, identity, sourceIp, bytesDown, blocked } = h;
    return {
      time,
      identity,
      sourceIp,
      host: this.lookup.host,
      bytesDown,
      blocked,
      method: buf.toString('latin1', h.methodStart, h.methodEnd),
      ...(h.pathEnd > h.pathStart ? { path: buf.toString('utf8', h.pathStart, h.pathEnd) } : {}),
    };
  }
}

const COMMON =
  /^(\S+) (\S+) (\S+) \[(\d{1,2})\/(\w{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?: ([+-])(\d{2}):?(\d{2}))?\] "(\S+) (\S+)[^"]*" (\d{3}|-) (\d+|-)(?: (\S+))?/;

/** `%>a %[ui %[un [%tl] "%rm %ru HTTP/%rv" %>Hs %<st %Ss:%Sh`, plus combined's referer and agent. */
export class SquidCommonParser implements LineParser {
  readonly format: NetworkFormat = 'squid-common';

  parse(line: string): ParseOutcome {
    if (line.trim() === '') return null;
    const m = COMMON.exec(line);
    if (!m) return malformed('not a common/combined log line');
    const month = MONTHS[m[5].toLowerCase()];
    if (!month) return malformed(`unknown month "${m[5]}"`);
    let time = Date.UTC(+m[6], month - 1, +m[4], +m[7], +m[8], +m[9]);
    if (m[10]) time -= (m[10] === '-' ? -1 : 1) * (+m[11] * 60 + +m[12]) * 60_000;
    const host = normalizeHost(m[14]);
    if (!host) return malformed('request has no host');
    const user = m[3] !== '-' ? m[3] : m[2];
    const status = m[15];
    const tags = m[17] ?? '';
    const path = urlPath(m[14]);
    return {
      method: m[13],
      ...(path ? { path } : {}),
      time,
      identity: identityFrom(safeDecode(user), m[1]),
      sourceIp: m[1],
      host,
      bytesDown: m[16] === '-' ? undefined : Number(m[16]),
      blocked: tags.includes('DENIED') || (status === '403' && tags === ''),
    };
  }
}
