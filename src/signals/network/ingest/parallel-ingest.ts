// One large file over several worker threads: the file is read in windows, each window cut at
// line ends into one byte range per worker; the owning core absorbs the ranges in file order
// (so roll-ups, counts and malformed samples equal a single-threaded run) and a checkpoint is
// committed after every window, which keeps ingest resumable at a byte offset. The main thread
// reads the head of the file itself while the workers start, and the workers read the next
// window while it absorbs and commits the last.
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import type { ToolDefinition } from '../../../catalog/catalog.types';
import type { NetworkFormat, ParserOptions } from '../network.types';
import { nextLineStart, splitAtLineEnds, type ReadAt } from './byte-ranges';
import { headerLinesBetween, leadingHeaderLines } from './header-lines';
import type { LogIngestCore, RangeScan } from './log-ingest-core';
import type { IngestCheckpoint } from './log-ingest-runner';
import { scanRange, type RangeJob, type RangeResult } from './range-scan';
import { ScanPool } from './scan-pool';

/** Formats whose parsers keep no state from line to line but '#' header lines. */
const SPLITTABLE = new Set<NetworkFormat>([
  'squid', 'squid-common', 'zscaler', 'umbrella-dns', 'umbrella-proxy', 'panos', 'cloudflare',
  'route53', 'bind', 'zeek', 'w3c',
]); // prettier-ignore
const HASH_HEADERS = new Set<NetworkFormat>(['zeek', 'w3c']);

export function canSplit(format: NetworkFormat): boolean {
  return SPLITTABLE.has(format);
}

export interface ParallelIngestOptions {
  path: string;
  format: NetworkFormat;
  parserOptions?: ParserOptions;
  tools: readonly ToolDefinition[];
  core: LogIngestCore;
  workers: number;
  fromOffset?: number;
  /** bytes each worker takes per window; a checkpoint follows every window */
  bytesPerWorker?: number;
  /** without bytesPerWorker: windows of about this many lines, as the head of the file reads */
  checkpointLines?: number;
  onCheckpoint?: (cp: IngestCheckpoint) => Promise<void>;
  /** bytes of the file done (ranges finished) so far */
  onProgress?: (bytes: number) => void | Promise<void>;
  malformedSampleSize?: number;
}

const MAX_WINDOW = 32 << 20;
const MIN_WINDOW = 64 << 10;

/** Bytes per worker and window for windows of about `lines` lines, from the lines in the head. */
function windowBytes(readAt: ReadAt, from: number, lines: number, workers: number): number {
  const head = readAt(from, 256 << 10);
  let n = 0;
  for (let i = head.indexOf(10); i >= 0; i = head.indexOf(10, i + 1)) n++;
  const perLine = n > 0 ? head.length / n : MAX_WINDOW;
  return Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, Math.ceil((lines * perLine) / workers)));
}

interface Scanned {
  job: RangeJob;
  scan: RangeResult;
}

interface Window {
  end: number;
  /** one scan per worker, in file order */
  scans: Promise<Scanned>[];
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

export async function runParallelIngest(
  o: ParallelIngestOptions,
): Promise<{ offset: number; line: number }> {
  const fd = openSync(o.path, 'r');
  const readAt: ReadAt = (position, length) => {
    const buf = Buffer.allocUnsafe(length);
    return buf.subarray(0, readSync(fd, buf, 0, length, position));
  };
  const n = Math.max(1, o.workers);
  const pool = ScanPool.acquire(n, o.tools, o.core.sieveOn);
  let complete = false;
  // ranges this thread reads itself get a sieve of their own, or none when the ingest runs without
  const headSieve = o.core.sieveOn ? undefined : false;
  try {
    const size = fstatSync(fd).size;
    let offset = o.fromOffset ?? 0;
    const perWorker =
      o.bytesPerWorker ??
      (o.checkpointLines ? windowBytes(readAt, offset, o.checkpointLines, n) : MAX_WINDOW);
    // Zeek and W3C: the '#' lines before a range are its prelude. They are known for certain up
    // to the ranges committed so far; beyond, they are guessed (header lines after the file's
    // first block are rare), so no thread has to read the file ahead of the workers to find them.
    // Each range hands back its own '#' lines, and a range whose guess proves wrong at its commit
    // is read again here with the right prelude; from then on the lines are read ahead as the
    // ranges are cut (a file of many header blocks would otherwise be read twice).
    const hashHeaders = HASH_HEADERS.has(o.format);
    const committedHeaders = hashHeaders && offset > 0 ? headerLinesBetween(readAt, 0, offset) : [];
    let guessedHeaders = hashHeaders
      ? [...committedHeaders, ...leadingHeaderLines(readAt, offset)]
      : [];
    /** once a guess has failed: the '#' lines before `upTo`, read ahead */
    let readAhead: { lines: string[]; upTo: number } | undefined;
    const headersBefore = (start: number): string[] => {
      if (!readAhead) return guessedHeaders;
      readAhead.lines.push(...headerLinesBetween(readAt, readAhead.upTo, start));
      readAhead.upTo = start;
      return readAhead.lines;
    };
    const rangeJob = (start: number, end: number, prelude = headersBefore(start)): RangeJob => ({
      kind: 'range',
      path: o.path,
      start,
      end,
      format: o.format,
      parserOptions: o.parserOptions,
      prelude: [...prelude],
      malformedSampleSize: o.malformedSampleSize,
      collectHeaders: hashHeaders,
    });
    const { hosts, actions } = o.core.matching;
    const checked = async ({ job, scan }: Scanned): Promise<RangeScan> => {
      if (!hashHeaders) return scan;
      let sure = scan;
      if (!sameLines(job.prelude, committedHeaders)) {
        sure = await scanRange(
          { ...job, prelude: [...committedHeaders] },
          hosts,
          actions,
          headSieve,
        );
        readAhead ??= { lines: [...committedHeaders, ...(sure.headers ?? [])], upTo: job.end };
      }
      if (sure.headers?.length) {
        committedHeaders.push(...sure.headers);
        guessedHeaders = [...committedHeaders];
      }
      return sure;
    };
    const cut = (start: number, bytes: number): number =>
      start + bytes >= size ? size : nextLineStart(readAt, start + bytes - 1, size);
    let done = offset;
    const finished = async (job: RangeJob): Promise<void> => {
      done += job.end - job.start;
      await o.onProgress?.(done);
    };
    /**
     * Cuts the window from `start` and sends worker i its range (it reads it after the ranges
     * sent before). The ingest's first range knows its '#' lines for certain (those before the
     * offset).
     */
    const dispatch = (start: number, first = false): Window => {
      const end = cut(start, perWorker * n);
      const scans = splitAtLineEnds(readAt, end, n, start).map(async (r, i) => {
        const job = rangeJob(r.start, r.end, i === 0 && first ? committedHeaders : undefined);
        const scan = await pool.run(i, job);
        await finished(job);
        return { job, scan };
      });
      // a window given up on (an earlier one failed) must not be an unhandled rejection
      for (const scan of scans) scan.catch(() => undefined);
      return { end, scans };
    };
    const commit = async (scans: Scanned[], end: number, final: boolean): Promise<void> => {
      for (const scanned of scans) o.core.absorb(await checked(scanned));
      offset = end;
      await o.onCheckpoint?.({
        offset,
        line: o.core.lineNumber,
        rollups: o.core.drain(),
        state: o.core.state(),
        final,
      });
    };

    // New threads take a while to start (a thread, the modules, the matcher): meanwhile this
    // thread reads one worker's share of the head of the file itself. Warm threads start on it
    // at once (this thread's matcher and sieve would be cold for it).
    const from = offset;
    const headEnd = pool.warm ? offset : cut(offset, perWorker);
    const windowAt = (start: number): Window | undefined =>
      start < size ? dispatch(start, start === from) : undefined;
    let current = windowAt(headEnd);
    // Each worker goes on to its range of the next window as soon as it has finished this one's:
    // two windows are sent ahead of the one being committed, so that no worker waits for this
    // thread (a head range, an absorb, a commit) while another finishes a long range.
    let next = current && windowAt(current.end);
    // (with nothing left to hand out, the head is the empty range that ends the ingest)
    if (headEnd > offset || current === undefined) {
      const head = rangeJob(offset, headEnd, committedHeaders);
      const headScan = await scanRange(head, hosts, actions, headSieve);
      await finished(head);
      await commit([{ job: head, scan: headScan }], headEnd, current === undefined);
    }
    while (current) {
      const later = next && windowAt(next.end);
      await commit(await Promise.all(current.scans), current.end, next === undefined);
      current = next;
      next = later;
    }
    complete = true;
    return { offset, line: o.core.lineNumber };
  } finally {
    closeSync(fd);
    await pool.release(complete);
  }
}
