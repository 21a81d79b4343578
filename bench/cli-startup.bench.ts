// CLI start-up: how long a command takes from `node` to its answer, against the floor of a bare
// `node -e 0` measured in the same run. Targets (issue #14): no database ≤ 0.5 s; on PostgreSQL
// ≤ 1 s; on the embedded default ≤ 2 s after its first start. BENCH_QUICK=1 for fewer runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchDatabase } from './scratch-database';

const CLI = join(__dirname, '..', 'cli.js');

/** Median wall time of `runs` runs of a command, in seconds; a failing run stops the bench. */
function median(args: string[], env: Record<string, string>, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    times.push(Number(process.hrtime.bigint() - t) / 1e9);
    if (r.status !== 0) throw new Error(`${args.slice(1).join(' ')}: ${r.stderr.split('\n')[0]}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function run(): Promise<void> {
  const runs = process.env.BENCH_QUICK === '1' ? 3 : 7;
  const db = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'aic-bench-startup-'));
  const pg = { DATABASE_URL: db.url, LOG_LEVEL: 'error' };
  const embedded = { AI_CENSUS_DATA_DIR: dataDir, LOG_LEVEL: 'error' };
  try {
    median([CLI, 'migrate'], pg, 1);
    median([CLI, 'migrate'], embedded, 1); // the first start creates the embedded database
    const floor = median(['-e', '0'], {}, runs);
    const rows: [string, number, number][] = [
      ['--help', median([CLI, '--help'], {}, runs), 0.5],
      ['catalog --json (PostgreSQL)', median([CLI, 'catalog', '--json'], pg, runs), 1],
      ['token list --json (PostgreSQL)', median([CLI, 'token', 'list', '--json'], pg, runs), 1],
      // answered from the built-in files: the store holds no custom tools (see catalog-views)
      ['catalog --json (embedded)', median([CLI, 'catalog', '--json'], embedded, runs), 0.5],
      // opens the embedded database: PGlite's start-up is most of it
      ['token list --json (embedded)', median([CLI, 'token', 'list', '--json'], embedded, runs), 2],
    ];
    process.stdout.write(`floor: node -e 0 ${floor.toFixed(3)} s (median of ${runs})\n`);
    for (const [name, s, target] of rows)
      process.stdout.write(
        `${name.padEnd(32)} ${s.toFixed(3)} s  ${(s / floor).toFixed(1)}x the floor  target ≤ ${target} s ${s <= target ? 'met' : 'NOT met'}\n`,
      );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await db.drop();
  }
}
