// The '#' directive lines (Zeek's #fields, W3C's #Fields) in a stretch of a file, so a worker
// that starts mid-file parses with the columns in force at its first line.
import type { ReadAt } from './byte-ranges';

const PIECE = 4 << 20;

/**
 * Where the first '#' that opens a line after `from` is (the '#' itself, after a newline), or -1:
 * memchr finds each '#', which is far quicker than a search for the two bytes together.
 */
function lineStartingHash(buf: Buffer, from: number): number {
  for (let i = buf.indexOf(35, from + 1); i >= 0; i = buf.indexOf(35, i + 1))
    if (buf[i - 1] === 10) return i;
  return -1;
}

/** Lines starting with '#' in [from, to); from and to are line starts. */
export function headerLinesBetween(readAt: ReadAt, from: number, to: number): string[] {
  const out: string[] = [];
  let carry: Buffer = Buffer.alloc(0);
  for (let pos = from; pos < to;) {
    const piece = readAt(pos, Math.min(PIECE, to - pos));
    if (piece.length === 0) break;
    pos += piece.length;
    const buf = carry.length ? Buffer.concat([carry, piece]) : piece;
    // a line start is offset 0 of the stretch or just after a newline
    let lineStart = 0;
    let done = 0;
    for (;;) {
      if (buf[lineStart] === 35) {
        const nl = buf.indexOf(10, lineStart);
        if (nl < 0) break; // finish it with the next piece
        out.push(buf.toString('utf8', lineStart, nl));
        lineStart = nl + 1;
        done = lineStart;
        continue;
      }
      const next = lineStartingHash(buf, lineStart);
      if (next < 0) {
        done = buf.length;
        // keep a trailing newline so a '#' opening the next piece is seen as a line start
        if (buf.length > 0 && buf[buf.length - 1] === 10) done = buf.length - 1;
        break;
      }
      lineStart = next;
      done = lineStart;
    }
    carry = buf.subarray(done);
  }
  return out;
}

/** The '#' lines at `from` up to the first other line: the header block of a Zeek or W3C log. */
export function leadingHeaderLines(readAt: ReadAt, from: number): string[] {
  const out: string[] = [];
  const buf = readAt(from, 1 << 20);
  for (let pos = 0; pos < buf.length && buf[pos] === 35;) {
    const nl = buf.indexOf(10, pos);
    if (nl < 0) break;
    out.push(buf.toString('utf8', pos, nl));
    pos = nl + 1;
  }
  return out;
}

/**
 * The lines headerLinesBetween finds, from a stretch handed over chunk by chunk (a worker's
 * range as it reads it): lines starting with '#', an unfinished one at the end left out.
 */
export class HeaderLineCollector {
  readonly lines: string[] = [];
  /** the start of a '#' line the last chunk did not finish (copied: chunks are reused) */
  private carry: Buffer | undefined;
  private atLineStart = true;

  push(chunk: Buffer): void {
    let pos = 0;
    if (this.carry) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.carry = Buffer.concat([this.carry, chunk]);
        return;
      }
      this.lines.push(Buffer.concat([this.carry, chunk.subarray(0, nl)]).toString('utf8'));
      this.carry = undefined;
      pos = nl + 1;
      this.atLineStart = true;
    }
    for (;;) {
      if (pos >= chunk.length) return;
      if (this.atLineStart && chunk[pos] === 35) {
        const nl = chunk.indexOf(10, pos);
        if (nl < 0) {
          this.carry = Buffer.from(chunk.subarray(pos));
          return;
        }
        this.lines.push(chunk.toString('utf8', pos, nl));
        pos = nl + 1;
        continue;
      }
      const next = lineStartingHash(chunk, pos);
      if (next < 0) {
        this.atLineStart = chunk[chunk.length - 1] === 10;
        return;
      }
      pos = next;
      this.atLineStart = true;
    }
  }
}
