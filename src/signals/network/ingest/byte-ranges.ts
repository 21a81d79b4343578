// Splits a file's bytes into ranges that start and end on line boundaries, so that workers can
// each read one without seeing half a line. Pure: the caller supplies a reader of bytes.
export interface ByteRange {
  start: number;
  end: number;
}

/** Reads up to `length` bytes at `position`; fewer only at the end of the file. */
export type ReadAt = (position: number, length: number) => Buffer;

const PROBE = 64 << 10;

/** The position just past the first newline at or after `from` (or `size` if there is none). */
export function nextLineStart(readAt: ReadAt, from: number, size: number): number {
  for (let pos = from; pos < size; pos += PROBE) {
    const buf = readAt(pos, Math.min(PROBE, size - pos));
    const nl = buf.indexOf(10);
    if (nl >= 0) return pos + nl + 1;
  }
  return size;
}

/**
 * At most `parts` ranges covering [from, size) without gap or overlap, each cut just after a
 * newline (a CRLF's \r stays with its line). Empty ranges are dropped: a file with fewer lines
 * than parts, or one long line, gives fewer ranges.
 */
export function splitAtLineEnds(
  readAt: ReadAt,
  size: number,
  parts: number,
  from = 0,
): ByteRange[] {
  const out: ByteRange[] = [];
  const n = Math.max(1, Math.floor(parts));
  let start = from;
  for (let i = 1; i < n && start < size; i++) {
    const target = from + Math.floor(((size - from) * i) / n);
    if (target <= start) continue;
    // cut after the newline that ends the line holding byte target-1
    const end = nextLineStart(readAt, target - 1, size);
    out.push({ start, end });
    start = end;
  }
  if (start < size) out.push({ start, end: size });
  return out;
}
