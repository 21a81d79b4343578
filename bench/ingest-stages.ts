// Helpers of the ingest benchmarks: timed stages of one thread, the parallel run, the grep floor.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { ToolDefinition } from '../src/catalog/catalog.types';
import { CatalogMatcher } from '../src/catalog/matcher/catalog-matcher';
import { HostMatchCache } from '../src/signals/network/ingest/host-match-cache';
import { LogIngestCore } from '../src/signals/network/ingest/log-ingest-core';
import { runIngest } from '../src/signals/network/ingest/log-ingest-runner';
import { openLogStream } from '../src/signals/network/ingest/log-source';
import { runParallelIngest } from '../src/signals/network/ingest/parallel-ingest';
import type { NetworkFormat } from '../src/signals/network/network.types';
import { ZSCALER_DEFAULT_FIELDS } from '../src/signals/network/parsers/zscaler.parser';
import { createParser } from '../src/signals/network/parsers/parser-factory';

export interface Timed {
  /** wall seconds */
  s: number;
  /** CPU seconds of the whole process, worker threads included */
  cpu: number;
  /** peak RSS in MB sampled during the run */
  rssMb: number;
}

export async function timed(work: () => Promise<unknown>): Promise<Timed> {
  let peak = process.memoryUsage().rss;
  const poll = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await work();
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(cpu0);
  clearInterval(poll);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { s, cpu: (c.user + c.system) / 1e6, rssMb: peak / 2 ** 20 };
}

/** runs of each timed figure; the fastest is printed (a shared machine only ever slows a run) */
export const RUNS = Number(process.env.BENCH_RUNS) || 3;

/** The fastest of RUNS runs (by wall time). */
export async function fastest(work: () => Promise<Timed>): Promise<Timed> {
  let best: Timed | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t = await work();
    if (!best || t.s < best.s) best = t;
  }
  return best as Timed;
}

/** `grep -F -c` of the file against the domains (the cheapest way to find the lines at all). */
export function grepFloor(file: string, domains: string[], listFile: string): number {
  writeFileSync(listFile, domains.join('\n') + '\n');
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync('grep', ['-F', '-c', '-f', listFile, file], { env: { LC_ALL: 'C' } });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best;
}

/** the generated Zscaler feed: text times in UTC, the first nine default columns */
const ZONE = { zone: 'UTC', zscalerFields: ZSCALER_DEFAULT_FIELDS.slice(0, 9) };
const noTool = { matchHost: (): undefined => undefined };

function core(
  format: NetworkFormat,
  tools: readonly ToolDefinition[] | null,
  sieve = true,
): LogIngestCore {
  const matcher = tools ? CatalogMatcher.fromTools(tools) : undefined;
  // as the service runs: the catalog's action rules tell a tool's actions apart
  return new LogIngestCore({
    parser: format === 'squid' ? 'squid-native' : createParser(format, ZONE),
    hosts: new HostMatchCache(matcher ?? noTool),
    actions: matcher,
    sieve,
  });
}

/** One thread, stage by stage: each stage includes the ones before it ('no sieve' is apart). */
export async function stages(
  file: string,
  format: NetworkFormat,
  tools: readonly ToolDefinition[],
): Promise<Record<string, Timed>> {
  const read = await timed(async () => {
    for await (const chunk of await openLogStream(file)) void chunk;
  });
  const split = await timed(async () => {
    let n = 0;
    for await (const chunk of await openLogStream(file)) {
      const b = chunk as Buffer;
      for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
    }
    return n;
  });
  // as the service runs one thread: the file read into the sieve's own buffers
  const ingest = async (c: LogIngestCore) =>
    runIngest({ core: c, chunks: await openLogStream(file, 0, { readInto: c.readBuffers() }) });
  const parse = await timed(() => ingest(core(format, null)));
  const all = await fastest(() => timed(() => ingest(core(format, tools))));
  // the same without the WebAssembly sieve: every line through the TypeScript prescans and parsers
  const noSieve = await timed(async () =>
    runIngest({ core: core(format, tools, false), chunks: await openLogStream(file) }),
  );
  return { read, split, 'parse+host': parse, 'match+roll-up': all, 'no sieve': noSieve };
}

export function parallel(
  file: string,
  format: NetworkFormat,
  tools: readonly ToolDefinition[],
  workers: number,
): Promise<Timed> {
  return timed(async () =>
    runParallelIngest({
      path: file,
      format,
      parserOptions: ZONE,
      tools,
      workers,
      core: core(format, tools),
    }),
  );
}
