// AssemblyScript source of src/signals/network/sieve/line-sieve.wasm (built by scripts/build-wasm.js;
// CI checks the committed binary is this file's build). The ingest hot path for the common case:
// a well-formed log line whose host is a known non-tool host. It finds line ends with SIMD, reads
// the host field the way the TypeScript prescans do, and looks the host up in its own table of
// hosts the TypeScript side already resolved to "no tool". Whatever it is not sure of (tool hosts,
// hosts it has not seen, headers, blanks, CR, anything unusual) it hands back line by line: the
// TypeScript parsers stay the only judges of what is malformed or a hit.

// ---- memory layout (bytes); everything below CONF is the compiler's static data
const CONF: usize = 4096; // unset / empty markers (Zeek) and the header's first cell (Zscaler)
const CONF_UNSET: usize = CONF;
const CONF_EMPTY: usize = CONF + 256;
const CONF_FIRST: usize = CONF + 512;
const TABS: usize = CONF + 1024; // tab positions of one Zscaler line (u32 × up to 256)
const TABLE_BITS: u32 = 18;
const TABLE_SIZE: u32 = 1 << TABLE_BITS;
const HASHES: usize = 65536; // u32[TABLE_SIZE]
const SLOTS: usize = HASHES + (<usize>TABLE_SIZE << 2); // u32[TABLE_SIZE]: arena offset + 1, 0 = free
const ARENA: usize = SLOTS + (<usize>TABLE_SIZE << 2); // [len u8][bytes] per host
const ARENA_SIZE: usize = 8 << 20;
export const INPUT: usize = ARENA + ARENA_SIZE;

// ---- results of next()
const END: i32 = 0; // no complete line left: consumed() is where the tail starts
const UNSURE: i32 = 1; // lineStart()..lineEnd() is for the TypeScript parser
const HOST_MISS: i32 = 2; // a well-formed line whose host (hostStart()..hostEnd()) is not in the table

// ---- formats
const NONE: i32 = 0;
const SQUID: i32 = 1;
const ZEEK: i32 = 2;
const ZSCALER: i32 = 3;
const UMBRELLA: i32 = 4;

let format: i32 = NONE;
/** where the chunk being read starts: INPUT, or a read buffer the TypeScript side keeps here */
let base: usize = INPUT;
let inputEnd: usize = INPUT;
let pos: usize = INPUT;
let fastLines: i32 = 0;
let lineS: usize = 0;
let lineE: usize = 0;
let hostS: usize = 0;
let hostE: usize = 0;
let hostHash: u32 = 0;
let entries: u32 = 0;
let arenaUsed: usize = 0;

// Zeek / Zscaler columns
let sep: u8 = 9;
let colCount: i32 = 0;
let colTs: i32 = -1;
let colHost: i32 = -1;
let colEpoch: i32 = -1;
let colTime: i32 = -1;
let unsetLen: i32 = 0;
let emptyLen: i32 = 0;
let firstLen: i32 = 0;

export function configure(
  f: i32,
  separator: i32,
  count: i32,
  ts: i32,
  host: i32,
  epoch: i32,
  time: i32,
  unsetBytes: i32,
  emptyBytes: i32,
  firstBytes: i32,
): void {
  format = f;
  sep = <u8>separator;
  colCount = count;
  colTs = ts;
  colHost = host;
  colEpoch = epoch;
  colTime = time;
  unsetLen = unsetBytes;
  emptyLen = emptyBytes;
  firstLen = firstBytes;
}

export function confPtr(): usize {
  return CONF;
}
export function inputPtr(): usize {
  return INPUT;
}
/** The chunk is in memory at INPUT; lines are read from `from` (relative) onwards. */
export function setInput(length: usize, from: usize): void {
  setInputAt(INPUT, length, from);
}
/** As setInput, for a chunk at `at` (followed by 128 bytes the windows may read). */
export function setInputAt(at: usize, length: usize, from: usize): void {
  base = at;
  inputEnd = at + length;
  pos = at + from;
}
export function seek(from: usize): void {
  pos = base + from;
}
export function fast(): i32 {
  return fastLines;
}
export function consumed(): usize {
  return pos - base;
}
export function lineStart(): usize {
  return lineS - base;
}
export function lineEnd(): usize {
  return lineE - base;
}
export function hostStart(): usize {
  return hostS - base;
}
export function hostEnd(): usize {
  return hostE - base;
}
export function hostCount(): u32 {
  return entries;
}

// ---- the host table: open addressing over a hash of the ASCII-lower-cased bytes

@inline function lower(c: u32): u32 {
  return c - 65 < 26 ? c | 32 : c;
}

/** bytes [s, s + 32) as two vectors, lower-cased, with the bytes from len on zeroed */
@inline function hostVec(p: usize, len: usize, lane0: i8): v128 {
  const index = v128.add<i8>(i8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), i8x16.splat(lane0));
  const v = v128.and(v128.load(p), i8x16.lt_u(index, i8x16.splat(<i8>len)));
  const upper = i8x16.lt_u(i8x16.sub(v, i8x16.splat(65)), i8x16.splat(26));
  return v128.or(v, v128.and(upper, i8x16.splat(32)));
}

/** A hash of the lower-cased host; hosts up to 32 bytes (nearly all) without a byte loop. */
function hashRange(s: usize, e: usize): u32 {
  const len = e - s;
  if (len <= 32) {
    const a = hostVec(s, len, 0);
    const b = hostVec(s + 16, len, 16);
    let h =
      i64x2.extract_lane(a, 0) * 0x9e3779b97f4a7c15 +
      i64x2.extract_lane(a, 1) * 0xc2b2ae3d27d4eb4f +
      i64x2.extract_lane(b, 0) * 0x165667b19e3779f9 +
      i64x2.extract_lane(b, 1) * 0x27d4eb2f165667c5 +
      <u64>len;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9;
    return <u32>(h >> 32);
  }
  let h: u32 = 0x811c9dc5;
  for (let i = s; i < e; i++) h = (h ^ lower(load<u8>(i))) * 0x01000193;
  return h;
}

function sameHost(slot: u32, s: usize, e: usize): bool {
  const at = ARENA + <usize>(slot - 1);
  const len = <usize>load<u8>(at);
  if (len != e - s) return false;
  if (len <= 32) {
    // the arena keeps hosts lower-cased; bytes past a host there are compared masked
    const a = v128.xor(hostVec(s, len, 0), hostVec(at + 1, len, 0));
    const b = v128.xor(hostVec(s + 16, len, 16), hostVec(at + 17, len, 16));
    return !v128.any_true(v128.or(a, b));
  }
  for (let i: usize = 0; i < len; i++) {
    if (<u32>load<u8>(at + 1 + i) != lower(load<u8>(s + i))) return false;
  }
  return true;
}

function known(s: usize, e: usize): bool {
  const h = hashRange(s, e);
  hostHash = h;
  let i = h & (TABLE_SIZE - 1);
  for (;;) {
    const slot = load<u32>(SLOTS + (<usize>i << 2));
    if (slot == 0) return false;
    if (load<u32>(HASHES + (<usize>i << 2)) == h && sameHost(slot, s, e)) return true;
    i = (i + 1) & (TABLE_SIZE - 1);
  }
  return false;
}

export function clearHosts(): void {
  memory.fill(SLOTS, 0, <usize>TABLE_SIZE << 2);
  entries = 0;
  arenaUsed = 0;
}

/** Adds the host of the last HOST_MISS: the TypeScript matcher said it is no tool. */
export function learn(): void {
  const len = hostE - hostS;
  if (len > 255) return;
  if (entries >= TABLE_SIZE >> 1 || arenaUsed + len + 1 > ARENA_SIZE) clearHosts();
  let i = hostHash & (TABLE_SIZE - 1);
  while (load<u32>(SLOTS + (<usize>i << 2)) != 0) i = (i + 1) & (TABLE_SIZE - 1);
  const at = ARENA + arenaUsed;
  store<u8>(at, <u8>len);
  for (let k: usize = 0; k < len; k++) store<u8>(at + 1 + k, <u8>lower(load<u8>(hostS + k)));
  store<u32>(HASHES + (<usize>i << 2), hostHash);
  store<u32>(SLOTS + (<usize>i << 2), <u32>arenaUsed + 1);
  arenaUsed += len + 1;
  entries++;
}

// ---- bytes

@inline function isDigit(c: u32): bool {
  return c - 48 < 10;
}

function hostByte(c: u32): bool {
  return lower(c) - 97 < 26 || c - 48 < 10 || c == 46 || c == 45 || c == 95;
}

/** the first newline at or after p, or inputEnd */
function newline(p: usize): usize {
  const nl = i8x16.splat(10);
  while (p + 16 <= inputEnd) {
    const m = i8x16.bitmask(i8x16.eq(v128.load(p), nl));
    if (m != 0) return p + <usize>ctz(m);
    p += 16;
  }
  while (p < inputEnd && load<u8>(p) != 10) p++;
  return p;
}

function sameBytes(s: usize, e: usize, x: usize, len: i32): bool {
  if (<i32>(e - s) != len) return false;
  for (let i = 0; i < len; i++) if (load<u8>(s + i) != load<u8>(x + i)) return false;
  return true;
}

/** digits with an optional fraction (the TypeScript decimalNumber) */
function decimalNumber(s: usize, e: usize): bool {
  let i = s;
  while (i < e && isDigit(load<u8>(i))) i++;
  if (i == s) return false;
  if (i == e) return true;
  if (load<u8>(i) != 46 || i + 1 == e) return false;
  for (i++; i < e; i++) if (!isDigit(load<u8>(i))) return false;
  return true;
}

/**
 * The host of a URL, host or host:port, by url-host-bytes.ts's urlHost (plain ASCII names and
 * IPv4 only); sets hostS/hostE. With noLeadingDot a host starting with "." is refused instead of
 * trimmed (Squid's scanner does not trim it).
 */
function urlHost(s: usize, e: usize, noLeadingDot: bool): bool {
  if (e <= s) return false;
  const c0 = load<u8>(s);
  const cz = load<u8>(e - 1);
  if (c0 == 32 || c0 == 9 || cz == 32 || cz == 9) return false;
  let as = s;
  for (let i = s; i < s + 12 && i + 2 < e; i++) {
    if (load<u8>(i) == 58 && load<u8>(i + 1) == 47 && load<u8>(i + 2) == 47) {
      as = i + 3;
      break;
    }
  }
  let ae = as;
  while (ae < e) {
    const c = load<u8>(ae);
    if (c == 47 || c == 63 || c == 35 || c == 32) break;
    ae++;
  }
  let hs = as;
  for (let i = ae; i > as; i--) {
    if (load<u8>(i - 1) == 64) {
      hs = i;
      break;
    }
  }
  let he = ae;
  for (let i = hs; i < ae; i++) {
    const c = <u32>load<u8>(i);
    if (c == 58) {
      if (he != ae) return false;
      he = i;
    } else if (he == ae && !hostByte(c)) return false;
  }
  while (he > hs && load<u8>(he - 1) == 46) he--;
  if (noLeadingDot) {
    if (hs < he && load<u8>(hs) == 46) return false;
  } else {
    while (hs < he && load<u8>(hs) == 46) hs++;
  }
  if (he <= hs) return false;
  if (he - hs == 1 && load<u8>(hs) == 45) return false;
  hostS = hs;
  hostE = he;
  return true;
}

// ---- Squid native: `time elapsed client code/status bytes method URL user …`

@inline function blank(c: u32): bool {
  return c == 32 || c == 9;
}

function skipBlanks(p: usize): usize {
  while (blank(load<u8>(p))) p++;
  return p;
}

/** to the next space, tab or newline (the line's own newline stops every scan) */
function skipToken(p: usize): usize {
  for (;;) {
    const c = <u32>load<u8>(p);
    if (c == 32 || c == 9 || c == 10) return p;
    p++;
  }
  return p;
}

function squid(s: usize, e: usize): bool {
  let p = s;
  let c = <u32>load<u8>(p);
  let digits = 0;
  while (isDigit(c)) {
    digits++;
    c = load<u8>(++p);
  }
  if (digits == 0 || digits > 12) return false;
  if (c == 46) {
    c = load<u8>(++p);
    while (isDigit(c)) c = load<u8>(++p);
  }
  if (!blank(c)) return false;
  p = skipToken(skipBlanks(p)); // elapsed
  p = skipToken(skipBlanks(p)); // client
  p = skipToken(skipBlanks(p)); // code/status
  p = skipBlanks(p);
  if (p >= e) return false;
  c = load<u8>(p);
  if (!isDigit(c)) return false;
  while (isDigit(c)) c = load<u8>(++p); // bytes: digits only
  if (!blank(c)) return false;
  p = skipToken(skipBlanks(p)); // method
  p = skipBlanks(p);
  if (p >= e) return false;
  const urlS = p;
  // the URL ends at the first space; a tab inside it is left to the TypeScript scanner
  for (;;) {
    c = load<u8>(p);
    if (c == 32 || c == 10) break;
    if (c == 9) return false;
    p++;
  }
  if (p >= e) return false;
  const urlE = p;
  if (skipBlanks(p) >= e) return false; // a user field must follow
  return urlHost(urlS, urlE, true);
}

// ---- SIMD windows: 64 bytes as four vectors, each byte class as a 64-bit mask (bit i: byte p + i).
// Callers keep 64 bytes of slack after the input, so a window may run past the line; masks are
// cut at the line's end.

@inline function bits(v: v128): u64 {
  return <u64><u32>i8x16.bitmask(v);
}
@inline function below(n: usize): u64 {
  return n >= 64 ? <u64>-1 : (<u64>1 << <u64>n) - 1;
}
@inline function eqMask(v0: v128, v1: v128, v2: v128, v3: v128, c: i8): u64 {
  const k = i8x16.splat(c);
  return (
    bits(i8x16.eq(v0, k)) |
    (bits(i8x16.eq(v1, k)) << 16) |
    (bits(i8x16.eq(v2, k)) << 32) |
    (bits(i8x16.eq(v3, k)) << 48)
  );
}
/** bytes that are not [A-Za-z0-9._-] */
@inline function otherVec(v: v128): v128 {
  const low = v128.or(v, i8x16.splat(32));
  const alpha = i8x16.lt_u(i8x16.sub(low, i8x16.splat(97)), i8x16.splat(26));
  const digit = i8x16.lt_u(i8x16.sub(v, i8x16.splat(48)), i8x16.splat(10));
  const punct = v128.or(
    v128.or(i8x16.eq(v, i8x16.splat(46)), i8x16.eq(v, i8x16.splat(45))),
    i8x16.eq(v, i8x16.splat(95)),
  );
  return v128.not(v128.or(v128.or(alpha, digit), punct));
}
@inline function otherMask(v0: v128, v1: v128, v2: v128, v3: v128): u64 {
  return (
    bits(otherVec(v0)) |
    (bits(otherVec(v1)) << 16) |
    (bits(otherVec(v2)) << 32) |
    (bits(otherVec(v3)) << 48)
  );
}
/** the bytes [s, e) (at most 16) are all digits */
@inline function digits16(s: usize, e: usize): bool {
  const v = v128.load(s);
  const nd = ~i8x16.bitmask(i8x16.lt_u(i8x16.sub(v, i8x16.splat(48)), i8x16.splat(10)));
  return <usize>ctz(nd | 0x10000) >= e - s;
}

/**
 * The host of a URL starting at u (a window of 64 bytes), the way urlHost reads it. 1: found
 * (hostS/hostE), 0: not a plain host (the line is unsure), -1: outside what the window can tell
 * (the caller reads the line byte by byte). urlLen is where the URL ends (a space) in the window.
 */
function windowHost(u: usize, urlLen: usize, noLeadingDot: bool): i32 {
  const v0 = v128.load(u);
  const v1 = v128.load(u, 16);
  const v2 = v128.load(u, 32);
  const v3 = v128.load(u, 48);
  const inUrl = below(urlLen);
  const colon = eqMask(v0, v1, v2, v3, 58) & inUrl;
  const slash = eqMask(v0, v1, v2, v3, 47) & inUrl;
  // "://" whose colon is within the URL's first 12 bytes
  const scheme = colon & (slash >> 1) & (slash >> 2) & below(urlLen < 14 ? urlLen - 2 : 12);
  const as: usize = scheme != 0 ? <usize>ctz(scheme) + 3 : 0;
  const stops =
    (slash | eqMask(v0, v1, v2, v3, 63) | eqMask(v0, v1, v2, v3, 35) | ~inUrl) & ~below(as);
  const ae = <usize>ctz(stops);
  const authority = below(ae) & ~below(as);
  if ((eqMask(v0, v1, v2, v3, 64) & authority) != 0) return -1; // user info
  const colons = colon & authority;
  if (popcnt(colons) > 1) return 0;
  const he: usize = colons != 0 ? <usize>ctz(colons) : ae;
  if (he <= as) return 0;
  if ((otherMask(v0, v1, v2, v3) & below(he) & ~below(as)) != 0) return 0;
  if (load<u8>(u + he - 1) == 46) return -1; // trailing dots are trimmed: the byte path does it
  if (load<u8>(u + as) == 46) return noLeadingDot ? 0 : -1;
  if (he - as == 1 && load<u8>(u + as) == 45) return 0;
  hostS = u + as;
  hostE = u + he;
  return 1;
}

/** Squid native on masks; -1 when the line does not fit the windows (squid() decides then). */
function squidFast(s: usize, e: usize): i32 {
  const len = e - s;
  const v0 = v128.load(s);
  const v1 = v128.load(s, 16);
  const v2 = v128.load(s, 32);
  const v3 = v128.load(s, 48);
  const blanks = eqMask(v0, v1, v2, v3, 32) | eqMask(v0, v1, v2, v3, 9) | ~below(len);
  const words = ~blanks;
  let starts = words & ~(words << 1);
  if ((starts & 1) == 0) return 0; // leading blank
  // field 0: 1 to 12 digits, optionally a dot and digits
  const end0 = <usize>ctz(blanks);
  let p = s;
  while (isDigit(load<u8>(p))) p++;
  const whole = p - s;
  if (whole == 0 || whole > 12) return 0;
  if (p < s + end0) {
    if (load<u8>(p) != 46) return 0;
    p++;
    while (isDigit(load<u8>(p))) p++;
    if (p != s + end0) return 0;
  }
  starts &= starts - 1;
  starts &= starts - 1;
  starts &= starts - 1;
  starts &= starts - 1;
  if (starts == 0) return -1;
  const f4 = <usize>ctz(starts);
  const e4 = <usize>ctz(blanks & ~below(f4));
  if (e4 >= 64 || e4 - f4 > 16) return -1;
  if (!digits16(s + f4, s + e4)) return 0;
  starts &= starts - 1;
  starts &= starts - 1;
  if (starts == 0) return -1;
  const u = s + <usize>ctz(starts);
  // the URL: up to the first space (a tab inside it is the byte path's case)
  const w0 = v128.load(u);
  const w1 = v128.load(u, 16);
  const w2 = v128.load(u, 32);
  const w3 = v128.load(u, 48);
  const rest = e - u;
  const inLine = below(rest);
  const spaces = eqMask(w0, w1, w2, w3, 32) & inLine;
  const tabs = eqMask(w0, w1, w2, w3, 9) & inLine;
  if (spaces == 0) return -1;
  const urlLen = <usize>ctz(spaces);
  if ((tabs & below(urlLen)) != 0) return -1;
  // a user field must follow the URL
  const after = ~(spaces | tabs) & inLine & ~below(urlLen);
  if (after == 0) return rest > 64 ? -1 : 0;
  return windowHost(u, urlLen, true);
}

/** the sep's positions in [s, e) into TABS (up to max of them); returns how many there are in all */
function splitAt(s: usize, e: usize, sep: i8, max: i32): i32 {
  let n = 0;
  const k = i8x16.splat(sep);
  for (let p = s; p < e; p += 64) {
    let m =
      (bits(i8x16.eq(v128.load(p), k)) |
        (bits(i8x16.eq(v128.load(p, 16), k)) << 16) |
        (bits(i8x16.eq(v128.load(p, 32), k)) << 32) |
        (bits(i8x16.eq(v128.load(p, 48), k)) << 48)) &
      below(e - p);
    const count = <i32>popcnt(m);
    let at = n;
    while (m != 0 && at < max) {
      store<u32>(TABS + (<usize>at << 2), <u32>(p + <usize>ctz(m)));
      m &= m - 1;
      at++;
    }
    n += count;
  }
  return n;
}

/** cell i of a line split by splitAt into `cuts` positions */
@inline function cellStart(s: usize, i: i32): usize {
  return i == 0 ? s : tabAt(i - 1) + 1;
}
@inline function cellEnd(e: usize, i: i32, cuts: i32): usize {
  return i < cuts ? tabAt(i) : e;
}

/** urlHost on a cell: through the window when it fits, else byte by byte */
function cellHost(a: usize, z: usize): bool {
  if (z > a && z - a < 64) {
    const r = windowHost(a, z - a, false);
    if (r >= 0) return r == 1;
  }
  return urlHost(a, z, false);
}

/** Zeek TSV on masks: the separators found with SIMD, the cells read as zeek() does */
function zeekFast(s: usize, e: usize): bool {
  if (!isDigit(load<u8>(s))) return false;
  const n = splitAt(s, e, <i8>sep, colCount);
  if (n != colCount - 1) return false;
  const tsS = cellStart(s, colTs);
  const tsE = cellEnd(e, colTs, n);
  const hS = cellStart(s, colHost);
  const hE = cellEnd(e, colHost, n);
  if (tsS == tsE || !decimalNumber(tsS, tsE)) return false;
  if (sameBytes(tsS, tsE, CONF_UNSET, unsetLen) || sameBytes(tsS, tsE, CONF_EMPTY, emptyLen))
    return false;
  if (sameBytes(hS, hE, CONF_UNSET, unsetLen) || sameBytes(hS, hE, CONF_EMPTY, emptyLen))
    return false;
  return cellHost(hS, hE);
}

/** Zscaler tab feeds on masks, as zscaler() reads them */
function zscalerFast(s: usize, e: usize): bool {
  if (space(load<u8>(s)) || space(load<u8>(e - 1)) || load<u8>(s) == 123) return false;
  const all = splitAt(s, e, 9, colCount);
  const tabs = all < colCount ? all : colCount;
  if (tabs == 0 || tabs + 1 < colCount) return false;
  if (sameBytes(s, tabAt(0), CONF_FIRST, firstLen)) return false;
  let textTime = true;
  if (colEpoch >= 0) {
    const a = cellStart(s, colEpoch);
    const z = cellEnd(e, colEpoch, tabs);
    const empty =
      a == z ||
      (z - a == 1 && load<u8>(a) == 45) ||
      (z - a == 2 && load<u8>(a) == 78 && load<u8>(a + 1) == 65);
    if (!empty) {
      if (!decimalNumber(a, z)) return false;
      textTime = false;
    }
  }
  if (textTime && (colTime < 0 || !nssTextTime(cellStart(s, colTime), cellEnd(e, colTime, tabs))))
    return false;
  return cellHost(cellStart(s, colHost), cellEnd(e, colHost, tabs));
}

@inline function prefixXor(x: u64): u64 {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

/**
 * Umbrella CSV on masks, as umbrella() reads it: a quote opens a field only at its start and
 * closes it only before a comma or the line's end (no "" escapes), no CR anywhere; the commas
 * outside quotes cut the fields (their first 9 into TABS). It finds the line's end in the same
 * windows (lineE; inputEnd when the line is incomplete) instead of a separate pass.
 */
function umbrellaLine(s: usize): bool {
  const kq = i8x16.splat(34);
  const kc = i8x16.splat(44);
  const kr = i8x16.splat(13);
  const kn = i8x16.splat(10);
  let inside: u64 = 0; // all ones while a quote is open across windows
  let prevComma: u64 = 1; // bit 0 of the next window may open a quote: the line starts there
  let pendingClose = false; // a quote closed at a window's last byte: a comma must follow
  let n = 0;
  let e: usize = inputEnd;
  let p = s;
  for (; p < e; p += 64) {
    const v0 = v128.load(p);
    const v1 = v128.load(p, 16);
    const v2 = v128.load(p, 32);
    const v3 = v128.load(p, 48);
    const nl =
      (bits(i8x16.eq(v0, kn)) | (bits(i8x16.eq(v1, kn)) << 16) | (bits(i8x16.eq(v2, kn)) << 32) | (bits(i8x16.eq(v3, kn)) << 48)) &
      below(inputEnd - p);
    if (nl != 0) e = p + <usize>ctz(nl);
    const cut = below(e - p);
    const cr = v128.or(v128.or(i8x16.eq(v0, kr), i8x16.eq(v1, kr)), v128.or(i8x16.eq(v2, kr), i8x16.eq(v3, kr)));
    if (v128.any_true(cr) && (eqMask(v0, v1, v2, v3, 13) & cut) != 0) break;
    const q = (bits(i8x16.eq(v0, kq)) | (bits(i8x16.eq(v1, kq)) << 16) | (bits(i8x16.eq(v2, kq)) << 32) | (bits(i8x16.eq(v3, kq)) << 48)) & cut;
    const c = (bits(i8x16.eq(v0, kc)) | (bits(i8x16.eq(v1, kc)) << 16) | (bits(i8x16.eq(v2, kc)) << 32) | (bits(i8x16.eq(v3, kc)) << 48)) & cut;
    const open = prefixXor(q) ^ inside;
    const commas = c & ~open;
    if (pendingClose && (commas & 1) == 0) break;
    const opening = q & open;
    const closing = q & ~open;
    if ((opening & ~((commas << 1) | prevComma)) != 0) break;
    const last = e - p <= 64 ? <u64>1 << <u64>(e - p - 1) : 0;
    let allowed = (commas >> 1) | last;
    if (last == 0) {
      pendingClose = (closing >> 63) != 0;
      allowed |= <u64>1 << 63;
    } else pendingClose = false;
    if ((closing & ~allowed) != 0) break;
    inside = (open >> 63) != 0 ? <u64>-1 : 0;
    prevComma = commas >> 63;
    let m = commas;
    while (m != 0 && n < 9) {
      store<u32>(TABS + (<usize>n << 2), <u32>(p + <usize>ctz(m)));
      m &= m - 1;
      n++;
    }
    n += <i32>popcnt(m);
  }
  if (p < e) {
    // left early: the line is unsure, its end still to find
    lineE = e == inputEnd ? newline(p) : e;
    return false;
  }
  lineE = e;
  if (e == inputEnd || e == s) return false;
  if (inside != 0) return false; // unbalanced
  const fields = n + 1;
  if (fields < 10) return false;
  const f0e = tabAt(0);
  if (!(load<u8>(s) == 34 ? plainIsoTime(s + 1, f0e - 1) : plainIsoTime(s, f0e))) return false;
  const k = fields >= 20 ? 7 : 8;
  let a = tabAt(k - 1) + 1;
  let z = k < n ? tabAt(k) : e;
  if (a < z && load<u8>(a) == 34) {
    a++;
    z--;
  }
  return cellHost(a, z);
}

/**
 * The fields of the last line next() reported, for the TypeScript reader of a tool hit: the
 * positions (relative, as lineStart()) of its first `max` separators into TABS; returns how many
 * there are in all, or -1 where the format has no cuts here. Umbrella only: the line was found
 * plain (umbrellaLine), so a comma outside quotes cuts and nothing else needs checking.
 */
export function fieldCuts(max: i32): i32 {
  if (format != UMBRELLA) return -1;
  const kq = i8x16.splat(34);
  const kc = i8x16.splat(44);
  const s = lineS;
  const e = lineE;
  let inside: u64 = 0;
  let n = 0;
  for (let p = s; p < e; p += 64) {
    const v0 = v128.load(p);
    const v1 = v128.load(p, 16);
    const v2 = v128.load(p, 32);
    const v3 = v128.load(p, 48);
    const cut = below(e - p);
    const q = (bits(i8x16.eq(v0, kq)) | (bits(i8x16.eq(v1, kq)) << 16) | (bits(i8x16.eq(v2, kq)) << 32) | (bits(i8x16.eq(v3, kq)) << 48)) & cut;
    const c = (bits(i8x16.eq(v0, kc)) | (bits(i8x16.eq(v1, kc)) << 16) | (bits(i8x16.eq(v2, kc)) << 32) | (bits(i8x16.eq(v3, kc)) << 48)) & cut;
    const open = prefixXor(q) ^ inside;
    inside = (open >> 63) != 0 ? <u64>-1 : 0;
    let m = c & ~open;
    while (m != 0 && n < max) {
      store<u32>(TABS + (<usize>n << 2), <u32>(p + <usize>ctz(m) - base));
      m &= m - 1;
      n++;
    }
    n += <i32>popcnt(m);
  }
  return n;
}
export function tabsPtr(): usize {
  return TABS;
}

// ---- Zscaler NSS: the text time and cell helpers

@inline function space(c: u32): bool {
  return c == 32 || c == 9 || c == 13 || c == 11 || c == 12;
}
@inline function letter(c: u32): bool {
  return (c | 32) - 97 < 26;
}

function monthAt(i: usize): bool {
  const k = (lower(load<u8>(i)) << 16) | (lower(load<u8>(i + 1)) << 8) | lower(load<u8>(i + 2));
  switch (k) {
    case 0x6a616e: // jan
    case 0x666562: // feb
    case 0x6d6172: // mar
    case 0x617072: // apr
    case 0x6d6179: // may
    case 0x6a756e: // jun
    case 0x6a756c: // jul
    case 0x617567: // aug
    case 0x736570: // sep
    case 0x6f6374: // oct
    case 0x6e6f76: // nov
    case 0x646563: // dec
      return true;
  }
  return false;
}

@inline function word(i: usize): bool {
  return letter(load<u8>(i)) && letter(load<u8>(i + 1)) && letter(load<u8>(i + 2));
}

/** `[Www ]Mmm D[D] HH:MM:SS YYYY` (zscaler.scan.ts's nssTextTime) */
function nssTextTime(s: usize, e: usize): bool {
  let p = s;
  if (e - p >= 8 && word(p) && load<u8>(p + 3) == 32 && word(p + 4) && load<u8>(p + 7) == 32) p += 4;
  if (e - p < 3 || !word(p) || !monthAt(p)) return false;
  p += 3;
  if (p >= e || load<u8>(p) != 32) return false;
  while (p < e && load<u8>(p) == 32) p++;
  if (p >= e || !isDigit(load<u8>(p))) return false;
  p += p + 1 < e && isDigit(load<u8>(p + 1)) ? 2 : 1;
  if (e - p != 14) return false;
  if (load<u8>(p) != 32 || load<u8>(p + 3) != 58 || load<u8>(p + 6) != 58 || load<u8>(p + 9) != 32)
    return false;
  return (
    isDigit(load<u8>(p + 1)) && isDigit(load<u8>(p + 2)) && isDigit(load<u8>(p + 4)) &&
    isDigit(load<u8>(p + 5)) && isDigit(load<u8>(p + 7)) && isDigit(load<u8>(p + 8)) &&
    isDigit(load<u8>(p + 10)) && isDigit(load<u8>(p + 11)) && isDigit(load<u8>(p + 12)) &&
    isDigit(load<u8>(p + 13))
  );
}

@inline function tabAt(i: i32): usize {
  return <usize>load<u32>(TABS + (<usize>i << 2));
}

// ---- Umbrella CSV (DNS and proxy exports): the ISO time

@inline function num2(i: usize): i32 {
  return (<i32>load<u8>(i) - 48) * 10 + (<i32>load<u8>(i + 1) - 48);
}

function monthDays(year: i32, month: i32): i32 {
  if (month != 2) return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  const y = year < 100 ? year + 1900 : year;
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28;
}

/** `YYYY-MM-DD HH:MM:SS` or with T (umbrella.scan.ts's plainIsoTime) */
function plainIsoTime(s: usize, e: usize): bool {
  if (e - s != 19) return false;
  if (
    !isDigit(load<u8>(s)) || !isDigit(load<u8>(s + 1)) || !isDigit(load<u8>(s + 2)) ||
    !isDigit(load<u8>(s + 3)) || !isDigit(load<u8>(s + 5)) || !isDigit(load<u8>(s + 6)) ||
    !isDigit(load<u8>(s + 8)) || !isDigit(load<u8>(s + 9)) || !isDigit(load<u8>(s + 11)) ||
    !isDigit(load<u8>(s + 12)) || !isDigit(load<u8>(s + 14)) || !isDigit(load<u8>(s + 15)) ||
    !isDigit(load<u8>(s + 17)) || !isDigit(load<u8>(s + 18))
  )
    return false;
  if (load<u8>(s + 4) != 45 || load<u8>(s + 7) != 45 || load<u8>(s + 13) != 58 || load<u8>(s + 16) != 58)
    return false;
  const t = load<u8>(s + 10);
  if (t != 32 && t != 84) return false;
  const month = num2(s + 5);
  const day = num2(s + 8);
  if (month < 1 || month > 12 || day < 1 || num2(s + 11) > 23) return false;
  if (num2(s + 14) > 59 || num2(s + 17) > 59) return false;
  if (day <= 28) return true;
  return day <= monthDays(num2(s) * 100 + num2(s + 2), month);
}

// ---- the loop

/**
 * Settles lines from pos on: counts the well-formed lines to known non-tool hosts (fast()) and
 * stops at the first line it cannot settle, or at the incomplete tail.
 */
export function next(): i32 {
  let n = 0;
  const f = format;
  for (;;) {
    const s = pos;
    let ok = false;
    let e: usize;
    if (f == UMBRELLA) {
      ok = umbrellaLine(s);
      e = lineE;
    } else e = newline(s);
    if (e >= inputEnd) {
      fastLines = n;
      return END;
    }
    pos = e + 1;
    if (f != UMBRELLA && e > s && load<u8>(e - 1) != 13) {
      if (f == SQUID) {
        const r = squidFast(s, e);
        ok = r < 0 ? squid(s, e) : r == 1;
      }
      else if (f == ZEEK) ok = zeekFast(s, e);
      else if (f == ZSCALER) ok = zscalerFast(s, e);
    }
    lineS = s;
    lineE = e;
    fastLines = n;
    if (!ok) return UNSURE;
    if (!known(hostS, hostE)) return HOST_MISS;
    n++;
  }
  return END;
}
