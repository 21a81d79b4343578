import * as fs from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeSquidFiles, type SquidFiles } from '../bench/squid-files';
import { startProcess, stopProcess, waitFor } from './support/processes';
import { bearer, createTestApp, TestApp, waitForJob } from './support/test-app';

jest.setTimeout(600_000);

const FILES = 15;
const LINES = 400;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

/** Three real worker processes on one Redis and one PostgreSQL, as a deployment runs them. */
describe('three workers sharing an ingest and a correlation', () => {
  let t: TestApp;
  let dir: string;
  let logs: SquidFiles;
  let ports: number[];
  let workers: ReturnType<typeof startProcess>[] = [];

  beforeAll(async () => {
    t = await createTestApp({ redis: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-workers-'));
    logs = writeSquidFiles(dir, FILES, LINES);
    ports = [await freePort(), await freePort(), await freePort()];
    workers = ports.map((port) =>
      startProcess('worker.js', { ...t.env, JOB_CONCURRENCY: '1', METRICS_PORT: String(port) }),
    );
    await Promise.all(
      workers.map((w, i) =>
        waitFor(
          () => {
            if (w.exitCode !== null) throw new Error(`worker ${i} exited:\n${w.output()}`);
            return w.output().includes('ready') ? true : undefined;
          },
          `worker ${i} ready`,
          180_000,
        ),
      ),
    );
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => stopProcess(w)));
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should ingest every file once, spread over all three, with exact totals', async () => {
    const ids: string[] = [];
    for (const file of logs.paths) {
      const res = await t.http
        .post(`/api/network/uploads?name=${path.basename(file)}`)
        .set(bearer(t.tokens.security))
        .set('Content-Type', 'application/octet-stream')
        .send(fs.readFileSync(file))
        .expect(202);
      ids.push(res.body.jobId);
    }
    const jobs = await Promise.all(ids.map((id) => waitForJob(t, id, 480_000)));
    expect(jobs.map((j) => j.state)).toEqual(ids.map(() => 'completed'));
    // attempts counts every start of a job, atomically: 1 everywhere means none ran twice
    expect(jobs.map((j) => j.attempts)).toEqual(ids.map(() => 1));
    const pids = new Set(jobs.map((j) => String(j.worker).split(':').pop()));
    expect(pids).toEqual(new Set(workers.map((w) => String(w.pid))));

    const ingests: { lines: string; status: string }[] = await t.dataSource.query(
      `SELECT lines, status FROM log_ingest`,
    );
    expect(ingests).toHaveLength(FILES);
    expect(ingests.every((i) => i.status === 'completed' && Number(i.lines) === LINES)).toBe(true);

    const rollups: { identity: string; tool: string; day: string; requests: string }[] =
      await t.dataSource.query(
        `SELECT identity_value AS identity, tool_id AS tool, to_char(day, 'YYYY-MM-DD') AS day, requests
           FROM network_usage_daily`,
      );
    expect(rollups.reduce((a, r) => a + Number(r.requests), 0)).toBe(logs.lines);
    expect(rollups).toHaveLength(logs.requests.size);
    expect(new Set(rollups.map((r) => r.tool)).size).toBe(3);
    // each (person, day) sums to what the files hold
    const sums = (entries: [string, number][]) => {
      const m = new Map<string, number>();
      for (const [k, n] of entries) m.set(k, (m.get(k) ?? 0) + n);
      return m;
    };
    expect(sums(rollups.map((r) => [`${r.identity}|${r.day}`, Number(r.requests)]))).toEqual(
      sums(
        [...logs.requests].map(([k, n]): [string, number] => {
          const [user, , day] = k.split('|');
          return [`${user}|${day}`, n];
        }),
      ),
    );
    // one evidence row per (identity, tool), though files touching it ran at once
    const [{ pairs, rows }] = await t.dataSource.query(
      `SELECT (SELECT count(DISTINCT (identity_value, tool_id)) FROM network_usage_daily)::int AS pairs,
              (SELECT count(*) FROM evidence WHERE signal = 'network')::int AS rows`,
    );
    expect(rows).toBe(pairs);
  });

  it('should count every line once across the workers on their metrics ports', async () => {
    const texts = await Promise.all(
      ports.map(async (port) => {
        const health = await fetch(`http://127.0.0.1:${port}/health`);
        expect(health.status).toBe(200);
        const res = await fetch(`http://127.0.0.1:${port}/metrics`);
        expect(res.status).toBe(200);
        return res.text();
      }),
    );
    const total = (series: string) => texts.reduce((a, x) => a + sample(x, series), 0);
    expect(total('ai_census_ingest_lines_total{format="squid"}')).toBe(logs.lines);
    expect(
      total('ai_census_job_duration_seconds_count{job="network.ingest-logs",outcome="completed"}'),
    ).toBe(FILES);
    expect(
      texts.every((x) => /^ai_census_queue_jobs\{queue="ingest",state="waiting"\} 0$/m.test(x)),
    ).toBe(true);
  });

  it('should correlate once on one worker and find the same on a re-run', async () => {
    const people = Array.from({ length: 40 }, (_, i) => `u${i}@corp.example,User ${i}`);
    await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.coe))
      .send({ csv: ['email,name', ...people].join('\n') })
      .expect(201);
    const first = await t.http
      .post('/api/findings/correlate')
      .set(bearer(t.tokens.security))
      .expect(202);
    const job = await waitForJob(t, first.body.id, 300_000);
    expect(job).toMatchObject({ state: 'completed', attempts: 1 });
    const [{ n, pairs }] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM finding)::int AS n,
              (SELECT count(DISTINCT (identity_value, tool_id)) FROM network_usage_daily)::int AS pairs`,
    );
    // one finding per (person, tool) the logs show
    expect(n).toBe(pairs);
    expect((job.result as { inserted: number }).inserted).toBe(n);
    // a second run a minute later has nothing new to add
    const { JobsService } = await import('../src/jobs/jobs.service');
    const { JobName } = await import('../src/jobs/job-names');
    const again = await t.app
      .get(JobsService)
      .enqueue(JobName.Correlate, {}, { jobId: `correlate-again` });
    const second = await waitForJob(t, again.id, 300_000);
    expect(second).toMatchObject({ state: 'completed', attempts: 1 });
    expect((second.result as { inserted: number }).inserted).toBe(0);
    await expect(t.dataSource.query(`SELECT count(*)::int AS n FROM finding`)).resolves.toEqual([
      { n },
    ]);
  });
});
