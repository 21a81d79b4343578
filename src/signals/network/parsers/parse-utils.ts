// Small normalisers every parser shares: hosts, identities, timestamps, numbers.
import { domainToASCII } from 'node:url';
import type { NetworkIdentity } from '../network.types';
import { zonedToUtc } from './time-zone';

// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A destination as logged (host, host:port, [v6]:port, URL, host with trailing dot) → host in
 * lower case, no port, no trailing dot, IDN as punycode. undefined when nothing host-like is left.
 */
export function normalizeHost(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  if (plainHost(raw)) return raw;
  const quick = plainUrlHost(raw);
  if (quick !== undefined) return quick;
  return slowHost(raw);
}

/**
 * The host of the common logged URL (`https://host/…`, `host/…`, `host:443`) in one pass, when
 * every step of slowHost would leave it as is: lower-case ASCII host bytes, at most one colon,
 * no user info, brackets, edge dots or blanks. undefined: slowHost decides.
 */
function plainUrlHost(s: string): string | undefined {
  const n = s.length;
  let hs = 0;
  for (let i = 0; i < 12 && i + 2 < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 58 && s.charCodeAt(i + 1) === 47 && s.charCodeAt(i + 2) === 47) {
      hs = i + 3;
      break;
    }
  }
  let he = -1;
  let i = hs;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35 || c === 32) break;
    if (he >= 0) {
      if (c === 58 || c === 64) return undefined; // a second colon, or user info
    } else if (c === 58) he = i;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 95)) return undefined; // prettier-ignore
  }
  if (he < 0) he = i;
  if (he === hs || s.charCodeAt(hs) === 46 || s.charCodeAt(he - 1) === 46) return undefined;
  const host = s.slice(hs, he);
  return host === '-' ? undefined : host;
}

/** normalizeHost by its full rules; its shortcuts must agree with it (parse-utils.spec.ts). */
export function slowHost(raw: string): string | undefined {
  let s = raw.trim();
  if (s === '' || s === '-') return undefined;
  const scheme = s.indexOf('://');
  if (scheme >= 0 && scheme < 12) s = s.slice(scheme + 3);
  let end = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */ || c === 32) {
      end = i;
      break;
    }
  }
  s = s.slice(0, end);
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    s = close > 0 ? s.slice(1, close) : s.slice(1);
  } else {
    const colon = s.indexOf(':');
    // one colon: host:port; several: a bare IPv6 address, kept whole
    if (colon >= 0 && s.indexOf(':', colon + 1) < 0) s = s.slice(0, colon);
  }
  while (s.endsWith('.')) s = s.slice(0, -1);
  if (s.startsWith('.')) s = s.replace(/^\.+/, '');
  if (s === '') return undefined;
  s = s.toLowerCase();
  if (NON_ASCII.test(s)) {
    const ascii = domainToASCII(s);
    if (!ascii) return undefined;
    s = ascii;
  }
  return s;
}

/** Whitespace only (or empty), without copying the line as trim() would. */
export function isBlank(line: string): boolean {
  return line === '' || (/^\s/.test(line) && line.trim() === '');
}

/** The line without edge whitespace; the same string when it has none (most lines). */
export function trimmed(line: string): string {
  const n = line.length;
  // printable ASCII at both ends: nothing to trim (the common line), without a regex
  if (
    n === 0 ||
    (line.charCodeAt(0) > 32 &&
      line.charCodeAt(0) < 127 &&
      line.charCodeAt(n - 1) > 32 &&
      line.charCodeAt(n - 1) < 127)
  )
    return line;
  return line.trim();
}

/** Already normal: lower-case ASCII letters, digits, - and _, dots inside; not "-". */
function plainHost(s: string): boolean {
  const n = s.length;
  if (s.charCodeAt(0) === 46 || s.charCodeAt(n - 1) === 46 || s === '-') return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 95))
      return false;
  }
  return true;
}

/**
 * A logged user (e-mail, UPN, DOMAIN\user, "Last, First (user@corp)", plain login) else the
 * source IP → identity. Values are lower-cased so one person has one key across formats.
 */
export function identityFrom(
  user: string | undefined | null,
  sourceIp?: string | undefined | null,
): NetworkIdentity | undefined {
  // a log names the same few thousand people again and again: each user text is read once, and
  // callers get a fresh object (they own theirs). null marks a text that names no one.
  let named = user ? knownUsers.get(user) : null;
  if (named === undefined) {
    if (knownUsers.size >= MAX_KNOWN_USERS) knownUsers.clear();
    named = userIdentity(user as string) ?? null;
    knownUsers.set(user as string, named);
  }
  if (named) return { kind: named.kind, value: named.value };
  const ip = sourceIp?.trim();
  if (ip && ip !== '-') return { kind: 'ip', value: ip.toLowerCase() };
  return undefined;
}

const MAX_KNOWN_USERS = 100_000;
const knownUsers = new Map<string, NetworkIdentity | null>();

/** The identity a logged user text names, if any (the address is the caller's fallback). */
function userIdentity(user: string): NetworkIdentity | undefined {
  let u = user.trim();
  if (!u || u === '-' || u === '(empty)' || u.toLowerCase() === 'unknown') return undefined;
  const paren = u.includes(')') ? /\(([^()]+)\)\s*$/.exec(u) : null;
  if (paren) u = paren[1].trim();
  u = u.toLowerCase();
  if (u.includes('@')) return { kind: 'email', value: u };
  return { kind: 'username', value: u };
}

/** A non-negative integer, or undefined for '-', '', (empty) and garbage. */
export function parseCount(raw: string | number | undefined | null): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number')
    return Number.isFinite(raw) && raw >= 0 ? Math.floor(raw) : undefined;
  if (raw === '' || raw === '-') return undefined;
  if (digitsOnly(raw)) return Number(raw);
  const n = Number(/^\d{1,3}(,\d{3})+$/.test(raw) ? raw.replace(/,/g, '') : raw);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

/** 1 to 15 ASCII digits: a count Number() reads exactly */
function digitsOnly(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 15) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const ISO_NO_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Timestamps as logs write them: epoch seconds (with fraction), ms, µs or ns (by magnitude,
 * number or digit string), ISO-8601 / RFC3339 with offset or Z. An ISO time with no offset
 * is UTC here; formats that log local time convert before calling this.
 */
export function parseTimestamp(raw: string | number | undefined | null): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') return epochByMagnitude(raw);
  // logs write many lines per second: the last text read answers again without a regex or Date
  if (raw === lastTimeText) return lastTime;
  lastTime = timestampText(raw);
  lastTimeText = raw;
  return lastTime;
}

let lastTimeText = '';
let lastTime: number | undefined;

function timestampText(raw: string): number | undefined {
  const s = raw.trim();
  if (s === '' || s === '-') return undefined;
  const plain = plainIsoUtc(s);
  if (plain !== undefined) return plain;
  if (/^\d+(\.\d+)?$/.test(s)) {
    if (s.length > 16 && !s.includes('.')) {
      // nanoseconds overflow double precision for ms only beyond year 2255; BigInt keeps it exact
      return Number(BigInt(s) / 1_000_000n);
    }
    return epochByMagnitude(Number(s));
  }
  const iso = ISO_NO_ZONE.test(s) ? `${s.replace(' ', 'T')}Z` : s;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48;
const twoDigits = (s: string, i: number): number => {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/**
 * `YYYY-MM-DD HH:MM:SS` (or with T), a real calendar time of a year from 100 on, read as UTC
 * without a regex or Date.parse (the common case of CSV exports); undefined leaves anything
 * else, rolled-over dates included, to Date.parse, whose reading this equals.
 */
function plainIsoUtc(s: string): number | undefined {
  if (s.length !== 19) return undefined;
  const t = s.charCodeAt(10);
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || (t !== 32 && t !== 84)) return undefined;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const century = twoDigits(s, 0);
  const yy = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  if (century < 1 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23)
    return undefined;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  const year = century * 100 + yy;
  if (day > 28 && day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

export function epochByMagnitude(n: number): number | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  if (n < 1e11) return Math.round(n * 1000); // seconds
  if (n < 1e14) return Math.round(n); // ms
  if (n < 1e17) return Math.round(n / 1000); // µs
  return Math.round(n / 1e6); // ns
}

export function malformed(reason: string): { malformed: string } {
  return { malformed: reason };
}

const ISO_PARTS = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/** As parseTimestamp, but an ISO time without an offset is wall-clock time in zone. */
export function parseTimestampInZone(
  raw: string | number | undefined | null,
  zone: string | undefined,
): number | undefined {
  if (zone && typeof raw === 'string') {
    const m = ISO_PARTS.exec(raw.trim());
    if (m) {
      const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
      return zonedToUtc(zone, +m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0), ms);
    }
  }
  return parseTimestamp(raw);
}

/**
 * The path of a URL as proxies log it (`https://host/p?q`, `host/p?q` without a scheme, or
 * `host:443` for CONNECT): from the first `/` after the host to the query or fragment.
 */
export function urlPath(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  let s = raw.trim();
  const scheme = s.indexOf('://');
  if (scheme >= 0 && scheme < 12) s = s.slice(scheme + 3);
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const before = s.slice(0, slash);
  // "?" or "#" before the first "/" ends the URL's authority: there is no path
  if (before.includes('?') || before.includes('#')) return undefined;
  let end = s.length;
  for (let i = slash; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 63 /* ? */ || c === 35 /* # */ || c === 32) {
      end = i;
      break;
    }
  }
  return s.slice(slash, end);
}
