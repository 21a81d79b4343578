// The host of a logged destination (URL, host, host:port) as a byte range, by the rules of
// normalizeHost: a line's prescan looks it up without building a string. Only plain ASCII host
// names and IPv4 addresses are taken; anything else (IPv6, IDN, stray bytes, blanks) says
// "unsure" and the line goes to the full parser.

/** Where urlHost found the host; reused across calls. */
export interface ByteSpan {
  start: number;
  end: number;
}

function hostByte(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 95
  ); // prettier-ignore
}

/** Where the authority starts: after a "://" that begins within the first 12 bytes. */
export function afterScheme(buf: Buffer, s: number, e: number): number {
  for (let i = s; i < s + 12 && i + 2 < e; i++) {
    if (buf[i] === 58 && buf[i + 1] === 47 && buf[i + 2] === 47) return i + 3;
  }
  return s;
}

/** The end of the authority: the first / ? # (or space) from hs. */
export function authorityEnd(buf: Buffer, hs: number, e: number): number {
  let ae = hs;
  while (ae < e) {
    const c = buf[ae];
    if (c === 47 || c === 63 || c === 35 || c === 32) break;
    ae++;
  }
  return ae;
}

/** Where the host starts: after the last @ (user info) of the authority, if any. */
export function afterUserinfo(buf: Buffer, hs: number, ae: number): number {
  for (let i = ae - 1; i >= hs; i--) if (buf[i] === 64) return i + 1;
  return hs;
}

export function sameBytes(b: Buffer, s: number, e: number, x: Buffer): boolean {
  // a loop, not Buffer.compare: the keys are short, and a native call costs more than they do
  if (e - s !== x.length) return false;
  for (let i = 0; i < x.length; i++) if (b[s + i] !== x[i]) return false;
  return true;
}

/** Digits with an optional fraction: a time parseTimestamp reads as epoch (s, ms, µs or ns). */
export function decimalNumber(b: Buffer, s: number, e: number): boolean {
  let i = s;
  while (i < e && b[i] >= 48 && b[i] <= 57) i++;
  if (i === s) return false;
  if (i === e) return true;
  if (b[i] !== 46 || i + 1 === e) return false;
  for (i++; i < e; i++) if (b[i] < 48 || b[i] > 57) return false;
  return true;
}

/** false: the full parser must decide (normalizeHost might differ from a plain range, or fail). */
export function urlHost(buf: Buffer, s: number, e: number, out: ByteSpan): boolean {
  if (e <= s || buf[s] === 32 || buf[s] === 9 || buf[e - 1] === 32 || buf[e - 1] === 9)
    return false;
  const as = afterScheme(buf, s, e);
  const ae = authorityEnd(buf, as, e);
  let hs = afterUserinfo(buf, as, ae);
  let he = ae;
  for (let i = hs; i < ae; i++) {
    const c = buf[i];
    if (c === 58) {
      if (he !== ae) return false; // a second colon: a bare IPv6 address
      he = i;
    } else if (he === ae && !hostByte(c)) return false;
  }
  while (he > hs && buf[he - 1] === 46) he--;
  while (hs < he && buf[hs] === 46) hs++;
  if (he <= hs) return false;
  if (he - hs === 1 && buf[hs] === 45) return false; // "-": no host
  out.start = hs;
  out.end = he;
  return true;
}
