// One worker's share of a file: parse and match the lines of a byte range, hand back counts,
// malformed samples and the matched lines. Runs in a worker thread (scan-worker.ts) or inline.
import { open } from 'node:fs/promises';
import type { LineParser, NetworkFormat, ParserOptions } from '../network.types';
import { createParser } from '../parsers/parser-factory';
import { HeaderLineCollector } from './header-lines';
import type { HostMatchCache } from './host-match-cache';
import { LogIngestCore, type ActionMatcher, type RangeScan } from './log-ingest-core';
import { runIngest } from './log-ingest-runner';
import type { LineSieve } from '../sieve/line-sieve';

export interface RangeJob {
  kind: 'range';
  path: string;
  start: number;
  /** exclusive; ranges end just after a newline, or at the end of the file */
  end: number;
  format: NetworkFormat;
  parserOptions?: ParserOptions;
  /** header lines ('#fields' …) met before `start`, replayed so the parser knows its columns */
  prelude: string[];
  malformedSampleSize?: number;
  /** hand back the '#' lines of the range too (the owning thread checks later preludes by them) */
  collectHeaders?: boolean;
}

/** A range's scan, with its '#' lines when the job asked for them. */
export interface RangeResult extends RangeScan {
  headers?: string[];
}

/** A worker's core: its own parser (warmed on the header lines before its start) and matcher. */
export async function workerCore(
  job: { format: NetworkFormat; parserOptions?: ParserOptions; malformedSampleSize?: number },
  hosts: HostMatchCache,
  actions: ActionMatcher | undefined,
  warm: (parser: LineParser) => Promise<void> | void,
  sieve?: (() => LineSieve) | false,
): Promise<LogIngestCore> {
  const parser =
    job.format === 'squid' ? 'squid-native' : createParser(job.format, job.parserOptions);
  if (parser !== 'squid-native') await warm(parser);
  return new LogIngestCore({
    parser,
    hosts,
    actions,
    collectHits: true,
    malformedSampleSize: job.malformedSampleSize,
    sieve,
  });
}

export async function scanRange(
  job: RangeJob,
  hosts: HostMatchCache,
  /** the catalog's action rules: a hit's action is read where its URL path is */
  actions?: ActionMatcher,
  /** the thread's sieve for ranges matched by `hosts` (false: none) */
  sieve?: (() => LineSieve) | false,
): Promise<RangeResult> {
  const core = await workerCore(
    job,
    hosts,
    actions,
    (parser) => {
      for (const line of job.prelude) parser.parse(line);
    },
    sieve,
  );
  const headers = job.collectHeaders ? new HeaderLineCollector() : undefined;
  if (job.end > job.start) {
    const chunks = rangeChunks(job.path, job.start, job.end, headers);
    await runIngest({ core, chunks, checkpointLines: Infinity });
  }
  return headers ? { ...core.takeScan(), headers: headers.lines } : core.takeScan();
}

const CHUNK = 1 << 20;

/**
 * The bytes of [start, end) in chunks read into two buffers in turn: a new buffer per chunk
 * would be garbage the size of the range, which costs full collections (and their helper
 * threads) while every core is busy. Two suffice: the runner keeps at most the unfinished last
 * line of one chunk (or a copy) while it asks for the next.
 */
async function* rangeChunks(
  path: string,
  start: number,
  end: number,
  headers?: HeaderLineCollector,
): AsyncGenerator<Buffer> {
  const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  const file = await open(path, 'r');
  try {
    for (let pos = start, turn = 0; pos < end; turn ^= 1) {
      const buf = buffers[turn];
      const { bytesRead } = await file.read(buf, 0, Math.min(CHUNK, end - pos), pos);
      if (bytesRead === 0) return;
      pos += bytesRead;
      const chunk = buf.subarray(0, bytesRead);
      headers?.push(chunk);
      yield chunk;
    }
  } finally {
    await file.close();
  }
}
