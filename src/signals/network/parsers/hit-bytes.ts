// Reading the fields of a tool hit on bytes, as the string parsers read them (parse-utils): each
// helper answers only where its reading is plain, and says so, so the caller can leave the line
// to its parser otherwise.
import type { HotHit } from './host-lookup';
import { afterScheme } from './url-host-bytes';

/** [s, e) as a string; undefined when it holds a byte past ASCII (the parser decodes those) */
export function asciiText(buf: Buffer, s: number, e: number): string | undefined {
  for (let k = s; k < e; k++) if (buf[k] > 127) return undefined;
  return buf.toString('latin1', s, e);
}

/** parseCount of [s, e): '' and '-' are no count; -1 for anything but 1-15 digits */
export function countOf(buf: Buffer, s: number, e: number): number | undefined {
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

/** /block/i in [s, e) */
export function saysBlock(buf: Buffer, s: number, e: number): boolean {
  for (let k = s, last = e - 5; k <= last; k++) {
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

/** printable ASCII at both ends: nothing a trim() would take off */
export function untrimmed(buf: Buffer, s: number, e: number): boolean {
  if (e <= s) return false;
  const a = buf[s];
  const z = buf[e - 1];
  return a > 32 && a < 127 && z > 32 && z < 127;
}

/** urlPath of the URL in [s, e) (untrimmed) as hit.pathStart..pathEnd; empty: no path */
export function pathOf(buf: Buffer, s: number, e: number, hit: HotHit): void {
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
 * Cuts [s, e) into cells at each `sep`: ends[i] is where cell i ends (cell 0 starts at s, cell i
 * one past cell i - 1's end). Keeps the first `max` cells; returns how many cells there are, or
 * max + 1 when there are more.
 */
export function cutCells(
  buf: Buffer,
  s: number,
  e: number,
  sep: number,
  max: number,
  ends: Int32Array,
): number {
  let n = 0;
  for (let p = s; ; p++) {
    while (p < e && buf[p] !== sep) p++;
    if (n === max) return max + 1;
    ends[n++] = p;
    if (p >= e) return n;
  }
}
