// A tool hit in an Umbrella proxy export, read on bytes: the line's string, its fields and the
// record are never built. Only lines every step reads plainly are taken (plain CSV, ASCII where
// a string is made, plain time, host and sizes); anything else is left to UmbrellaParser, which
// gives the same answer for the lines taken here (line-sieve.spec.ts, umbrella.hit.spec.ts).
import type { FieldCuts, NetworkIdentity } from '../network.types';
import { type HostLookup, type HotHit } from './host-lookup';
import { identityFrom } from './parse-utils';
import { cutPlainCsv, cutSievedCsv, plainIsoTime, PROXY_MIN_FIELDS } from './umbrella.scan';
import { BytesMap } from './bytes-map';
import { asciiText, countOf, pathOf, saysBlock, untrimmed } from './hit-bytes';
import { sameBytes, urlHost, type ByteSpan } from './url-host-bytes';

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

function isMethod(buf: Buffer, s: number, e: number): boolean {
  for (const m of METHODS) if (sameBytes(buf, s, e, m)) return true;
  return false;
}

/** the identity type last read on bytes (an export repeats a handful), and whether it is a user */
let typeBytes = Buffer.alloc(0);
let typeIsUser = false;
/** user texts read before → who they name (null: no one), as identityFrom reads them */
const users = new BytesMap<NetworkIdentity | null>(false, 100_000);
/** identityOnBytes's answer where the bytes cannot give it (leave the line to the parser) */
const UNREAD = null;

/**
 * umbrellaIdentity of a proxy line (its label, type and address fields), read on bytes: each user
 * text and type is decoded once. UNREAD where a field it needs is not ASCII.
 */
function identityOnBytes(buf: Buffer, n: number): NetworkIdentity | undefined | typeof UNREAD {
  const ts = n > 21 ? starts[21] : 0;
  const te = n > 21 ? ends[21] : 0;
  if (te === ts) {
    // no type: the label's own shape says whether it is a person (umbrellaIdentity reads it)
    const label = asciiText(buf, starts[1], ends[1]);
    const ip = asciiText(buf, starts[2], ends[2]);
    if (label === undefined || ip === undefined) return UNREAD;
    return umbrellaIdentity(label, n > 21 ? '' : undefined, ip);
  }
  if (!sameBytes(buf, ts, te, typeBytes)) {
    const type = asciiText(buf, ts, te);
    if (type === undefined) return UNREAD;
    typeBytes = Buffer.from(type, 'latin1');
    typeIsUser = /user/i.test(type);
  }
  if (typeIsUser) {
    let named = users.get(buf, starts[1], ends[1]);
    if (named === undefined) {
      const label = asciiText(buf, starts[1], ends[1]);
      if (label === undefined) return UNREAD;
      named = identityFrom(label) ?? null;
      users.set(buf, starts[1], ends[1], named);
    }
    // a fresh object: callers own theirs
    if (named) return { kind: named.kind, value: named.value };
  }
  const ip = asciiText(buf, starts[2], ends[2]);
  return ip === undefined ? UNREAD : identityFrom(undefined, ip);
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
  /** the commas the sieve found, where it read the line */
  cuts?: FieldCuts,
): boolean {
  const n = cuts
    ? cutSievedCsv(buf, s, e, cuts, starts, ends)
    : cutPlainCsv(buf, s, e, starts, ends, true);
  if (n < PROXY_MIN_FIELDS || !plainIsoTime(buf, starts[0], ends[0])) return false;
  const t = starts[0];
  const year = num2(buf, t) * 100 + num2(buf, t + 2);
  if (year < 100) return false; // Date.UTC would read it as 19xx
  // the parser trims the URL before it reads the path: one with blanks at its ends is the parser's
  if (!untrimmed(buf, starts[7], ends[7])) return false;
  if (!urlHost(buf, starts[7], ends[7], span)) return false;
  const toolId = hosts.matchBytes(buf, span.start, span.end);
  if (toolId === null) return false;
  const up = countOf(buf, starts[11], ends[11]);
  const down = countOf(buf, starts[12], ends[12]);
  if (up === -1 || down === -1) return false;
  const identity = identityOnBytes(buf, n);
  if (identity === UNREAD) return false;
  hit.time = Date.UTC(
    year,
    num2(buf, t + 5) - 1,
    num2(buf, t + 8),
    num2(buf, t + 11),
    num2(buf, t + 14),
    num2(buf, t + 17),
  );
  hit.toolId = toolId;
  hit.identity = identity;
  hit.sourceIp = undefined; // nothing reads it of a hit: the identity says who
  hit.bytesUp = up;
  hit.bytesDown = down;
  hit.blocked = saysBlock(buf, starts[6], ends[6]);
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
