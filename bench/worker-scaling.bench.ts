// Throughput of 1 and 2 worker processes on this machine: the same Squid logs uploaded to a real
// API process and ingested by N real workers (JOB_CONCURRENCY=1, so one worker is one core's
// worth of jobs), on PostgreSQL and Redis. Each run gets a fresh database: ingests dedupe by content.
// BENCH_QUICK=1 for a short run.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Client } from 'pg';
import { writeSquidFiles } from './squid-files';

const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DIST = join(__dirname, '..');

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

function start(entry: string, env: Record<string, string>): ChildProcess & { out: () => string } {
  const child = spawn(process.execPath, [join(DIST, entry)], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return Object.assign(child, { out: () => out });
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Lines per second with `workers` worker processes, from first upload to last job done. */
async function measure(workers: number, files: string[], lines: number): Promise<number> {
  const db = `aic_bench_w${workers}_${randomBytes(3).toString('hex')}`;
  await admin(`CREATE DATABASE ${db}`);
  const u = new URL(ADMIN_URL);
  u.pathname = `/${db}`;
  const env = {
    DATABASE_URL: u.toString(),
    REDIS_URL,
    REDIS_PREFIX: db,
    AI_CENSUS_DATA_DIR: mkdtempSync(join(tmpdir(), 'aic-bench-')),
    PORT: '0',
    JOB_CONCURRENCY: '1',
    LOG_LEVEL: 'log',
  };
  const procs = [start('main.js', env)];
  try {
    const url = await until(() => /Listening on (http:\/\/\S+)/.exec(procs[0].out())?.[1], 120_000);
    const token = await until(() => /\n\s+(aic_\S+)\n/.exec(procs[0].out())?.[1], 30_000);
    for (let i = 0; i < workers; i++) procs.push(start('worker.js', env));
    await until(
      () => (procs.slice(1).every((p) => p.out().includes('ready')) ? true : undefined),
      120_000,
    );
    const auth = { Authorization: `Bearer ${token}` };
    const started = Date.now();
    const ids: string[] = [];
    for (const f of files) {
      const res = await fetch(`${url}/api/network/uploads?name=${basename(f)}`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/octet-stream' },
        body: readFileSync(f),
      });
      ids.push(((await res.json()) as { jobId: string }).jobId);
    }
    for (const id of ids) {
      await until(async () => {
        const job = (await (await fetch(`${url}/api/jobs/${id}`, { headers: auth })).json()) as {
          state: string;
          error: string | null;
        };
        if (job.state === 'failed') throw new Error(`job ${id} failed: ${job.error}`);
        return job.state === 'completed' ? true : undefined;
      }, 600_000);
    }
    return lines / ((Date.now() - started) / 1000);
  } finally {
    await Promise.all(
      procs.map(
        (p) => new Promise((r) => (p.exitCode !== null ? r(null) : (p.once('exit', r), p.kill()))),
      ),
    );
    rmSync(env.AI_CENSUS_DATA_DIR, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
}

export async function run(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const [count, perFile] = quick ? [8, 10_000] : [16, 50_000];
  const dir = mkdtempSync(join(tmpdir(), 'aic-bench-logs-'));
  try {
    const { paths, lines } = writeSquidFiles(dir, count, perFile);
    process.stdout.write(
      `${count} Squid logs of ${perFile} lines, uploaded to the API, JOB_CONCURRENCY=1\n`,
    );
    const one = await measure(1, paths, lines);
    process.stdout.write(`1 worker process:   ${Math.round(one).toLocaleString('en')} lines/s\n`);
    const two = await measure(2, paths, lines);
    process.stdout.write(`2 worker processes: ${Math.round(two).toLocaleString('en')} lines/s\n`);
    process.stdout.write(
      `ratio 2/1: ${(two / one).toFixed(2)} (floor: 1 worker in the same run)\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
