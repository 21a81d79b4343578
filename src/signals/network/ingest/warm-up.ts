// A resumed ingest of a header-bearing format (#fields, #Fields, a CSV header) replays the lines
// before its offset through the parser, so it reads the columns in force there.
import type { LineParser } from '../network.types';
import { openLogStream } from './log-source';

export async function warmUp(parser: LineParser, path: string, offset: number): Promise<void> {
  let base = 0; // file offset of buf[0]
  let tail: Buffer | undefined;
  for await (const chunk of await openLogStream(path)) {
    const buf = tail ? Buffer.concat([tail, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, start)) {
      if (base + nl + 1 > offset) return;
      const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
      parser.parse(buf.toString('utf8', start, end));
      start = nl + 1;
    }
    base += start;
    tail = buf.subarray(start);
  }
}
