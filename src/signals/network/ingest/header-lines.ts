// The '#' directive lines (Zeek's #fields, W3C's #Fields) in a stretch of a file, so a worker
// that starts mid-file parses with the columns in force at its first line.
import type { ReadAt } from './byte-ranges';

const PIECE = 4 << 20;

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
      const next = buf.indexOf('\n#', lineStart);
      if (next < 0) {
        done = buf.length;
        // keep a trailing newline so a '#' opening the next piece is seen as a line start
        if (buf.length > 0 && buf[buf.length - 1] === 10) done = buf.length - 1;
        break;
      }
      lineStart = next + 1;
      done = lineStart;
    }
    carry = buf.subarray(done);
  }
  return out;
}
