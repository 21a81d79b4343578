// One worker's share of a file: parse and match the lines of a byte range, hand back counts,
// malformed samples and the matched lines. Runs in a worker thread (scan-worker.ts) or inline.
import type { LineParser, NetworkFormat, ParserOptions } from '../network.types';
import { createParser } from '../parsers/parser-factory';
import { HeaderLineCollector } from './header-lines';
import type { HostMatchCache } from './host-match-cache';
import { LogIngestCore, type ActionMatcher, type RangeScan } from './log-ingest-core';
import { runIngest } from './log-ingest-runner';
import { isMainThread } from 'node:worker_threads';
import { fileChunks, fileChunksBlocking } from './log-source';
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
  /** the thread's read buffers (chunkBuffers), when it reads its ranges one at a time */
  buffers?: () => readonly Buffer[],
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
    const chunks = rangeChunks(job.path, job.start, job.end, headers, buffers?.());
    await runIngest({ core, chunks, checkpointLines: Infinity });
  }
  return headers ? { ...core.takeScan(), headers: headers.lines } : core.takeScan();
}

/** The range's bytes, its '#' lines noted on the way when the job asked for them. */
async function* rangeChunks(
  path: string,
  start: number,
  end: number,
  headers?: HeaderLineCollector,
  buffers?: readonly Buffer[],
): AsyncGenerator<Buffer> {
  // a worker thread reads its range itself; the main thread must not block on a read
  const chunks = isMainThread
    ? fileChunks(path, start, end, buffers)
    : fileChunksBlocking(path, start, end, buffers);
  for await (const chunk of chunks) {
    headers?.push(chunk);
    yield chunk;
  }
}
