// Ingest into roll-ups (in memory; the PostgreSQL write is network-ingest.bench) for Squid,
// Zscaler NSS, Umbrella and Zeek: stage by stage on one thread, then over every core, against
// grep -F with 12 domains and with every catalog domain. CPU per line is printed because the
// machine may be shared: load stretches wall time far more than CPU time.
import { availableParallelism } from 'node:os';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinCatalog } from '../src/catalog/catalog-loader';
import type { NetworkFormat } from '../src/signals/network/network.types';
import { writeFormatLog } from '../src/signals/network/testing/format-log-generator';
import { writeSquidLog } from '../src/signals/network/testing/squid-log-generator';
import { fastest, grepFloor, parallel, RUNS, stages, type Timed } from './ingest-stages';

const FORMATS: [string, NetworkFormat][] = [
  ['Squid', 'squid'],
  ['Zscaler NSS', 'zscaler'],
  ['Umbrella', 'umbrella-proxy'],
  ['Zeek', 'zeek'],
];

const mps = (lines: number, t: Timed): string => `${(lines / t.s / 1e6).toFixed(2)} M lines/s`;
/** wall-clock rate per core, and the rate per CPU-second (what a loaded machine cannot inflate) */
const perCore = (lines: number, t: Timed, cores: number): string =>
  `${t.s.toFixed(2)} s  ${(lines / t.s / cores / 1e6).toFixed(2)} M lines/s per core, ${(lines / t.cpu / 1e6).toFixed(2)} M per CPU-second (target 3)`;
const cpuNs = (lines: number, t: Timed): string =>
  `${((t.cpu / lines) * 1e9).toFixed(0)} ns CPU/line`;

async function write(file: string, format: NetworkFormat, lines: number): Promise<void> {
  if (format === 'squid') await writeSquidLog(file, lines, { aiShare: 0.05 });
  else await writeFormatLog(file, format as 'zscaler', lines);
}

export async function run(): Promise<void> {
  const lines = process.env.BENCH_QUICK === '1' ? 400_000 : 3_000_000;
  const workers = Number(process.env.INGEST_WORKERS) || availableParallelism();
  const tools = loadBuiltinCatalog();
  const every = tools.flatMap((t) => t.rules.domains ?? []).filter((d) => !d.includes('*'));
  const twelve = every.slice(0, 12);
  const dir = mkdtempSync(join(tmpdir(), 'aic-bench-fmt-'));
  const out = (s: string): boolean => process.stdout.write(s + '\n');
  try {
    out(
      `${lines} lines per format, ${workers} workers (of ${availableParallelism()} cores); grep, one thread to roll-ups and warm workers: the fastest of ${RUNS} runs`,
    );
    for (const [label, format] of FORMATS) {
      const file = join(dir, `${format}.log`);
      await write(file, format, lines);
      const mb = statSync(file).size / 1e6;
      const g12 = grepFloor(file, twelve, join(dir, 'd12.txt'));
      const gAll = grepFloor(file, every, join(dir, 'dall.txt'));
      const st = await stages(file, format, tools);
      const one = st['match+roll-up'];
      // a worker process keeps its ingest threads between files: the first run starts them
      // (a thread, its modules and matcher, cold code), the next finds them warm
      const cold = await parallel(file, format, tools, workers);
      const many = await fastest(() => parallel(file, format, tools, workers));
      out(`${label} (${mb.toFixed(0)} MB):`);
      for (const [name, t] of Object.entries(st)) {
        const label = name === 'no sieve' ? 'roll-up, parsers only (sieve off)' : `to ${name}`;
        out(
          `  1 thread, ${label.padEnd(16)} ${t.s.toFixed(2)} s  ${mps(lines, t)}  ${cpuNs(lines, t)}`,
        );
      }
      out(`  the sieve makes one thread ${(st['no sieve'].s / one.s).toFixed(2)}x as fast`);
      out(`  end to end into roll-ups, lines/s per core (wall time / cores; per CPU-second):`);
      out(`    1 thread   ${perCore(lines, one, 1)}`);
      out(
        `    ${String(workers).padEnd(2)} workers ${perCore(lines, many, workers)}, speed-up ${(one.s / many.s).toFixed(2)}x (threads warm; starting them: ${cold.s.toFixed(2)} s)`,
      );
      for (const [what, g] of [
        [`grep -F, 12 domains`, g12],
        [`grep -F, all ${every.length} domains`, gAll],
      ] as const) {
        out(
          `    ${what.padEnd(24)} ${g.toFixed(2)} s  ${(lines / g / 1e6).toFixed(2)} M lines/s; ingest takes ${(one.s / g).toFixed(1)}x its time on 1 worker, ${((many.s * workers) / g).toFixed(1)}x per core on ${workers}`,
        );
      }
      rmSync(file);
    }
    // flat memory: the same run over a file 1x and 4x the size
    for (const n of [lines, lines * 4]) {
      const file = join(dir, `rss-${n}.log`);
      await writeSquidLog(file, n, { aiShare: 0.05 });
      const t = await parallel(file, 'squid', tools, workers);
      out(
        `peak RSS, Squid ${n} lines (${(statSync(file).size / 1e6).toFixed(0)} MB), ${workers} workers: ${t.rssMb.toFixed(0)} MB`,
      );
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
