import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  writeSquidLog,
  type GeneratedLog,
} from '../src/signals/network/testing/squid-log-generator';
import { startProcess, stopProcess, waitFor } from './support/processes';
import { bearer, createTestApp, TestApp, waitForJob } from './support/test-app';

/** A real worker process killed mid-file; a second one resumes; the totals are exact. */
describe('network ingest resumed after a killed worker', () => {
  let t: TestApp;
  let dir: string;
  let log: GeneratedLog;
  const workers: ReturnType<typeof startProcess>[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      redis: true,
      env: { NETWORK_CHECKPOINT_LINES: '1000', JOB_LOCK_MS: '4000' },
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-resume-'));
    log = await writeSquidLog(path.join(dir, 'access.log'), 300_000, { aiShare: 0.2 });
  });
  afterAll(async () => {
    const running = workers.filter((w) => w.exitCode === null && w.signalCode === null);
    await Promise.all(running.map((w) => stopProcess(w)));
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should commit exact totals when a worker is SIGKILLed after its first checkpoint', async () => {
    const upload = await t.http
      .post('/api/network/uploads?name=access.log')
      .set(bearer(t.tokens.admin))
      .set('Content-Type', 'application/octet-stream')
      .send(fs.readFileSync(path.join(dir, 'access.log')))
      .expect(202);

    const first = startProcess('worker.js', t.env);
    workers.push(first);
    const committed = await waitFor(
      async () => {
        const rows: { committed_offset: string; status: string }[] = await t.dataSource.query(
          `SELECT committed_offset, status FROM log_ingest`,
        );
        return rows[0] && Number(rows[0].committed_offset) > 0 ? rows[0] : undefined;
      },
      'the first committed offset',
      60_000,
    );
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const [atKill]: { committed_offset: string; status: string }[] = await t.dataSource.query(
      `SELECT committed_offset, status FROM log_ingest`,
    );
    // the kill must land mid-file, or this test proves nothing
    expect(atKill.status).toBe('running');
    expect(Number(atKill.committed_offset)).toBeLessThan(log.bytes);
    expect(Number(committed.committed_offset)).toBeGreaterThan(0);

    const second = startProcess('worker.js', t.env);
    workers.push(second);
    const job = await waitForJob(t, upload.body.jobId, 150_000);
    expect(job).toMatchObject({
      state: 'completed',
      result: { lines: 300_000, parsed: 300_000, malformed: 0 },
    });
    // the second worker ran it again, from the committed offset (the totals prove which)
    expect(String(job.worker)).toContain(`:${second.pid}`);
    expect(job.attempts).toBe(2);

    const rows: { k: string; requests: string; bytes_down: string }[] = await t.dataSource.query(
      `SELECT identity_kind || ':' || identity_value || '|' || tool_id || '|' || day::text AS k,
              requests::text, bytes_down::text
         FROM network_usage_daily`,
    );
    const actual = new Map(
      rows.map((r) => [r.k, { requests: Number(r.requests), bytesDown: Number(r.bytes_down) }]),
    );
    expect(actual).toEqual(log.expected);
    const [ingest]: { status: string; lines: string; committed_offset: string }[] =
      await t.dataSource.query(
        `SELECT status, lines::text, committed_offset::text FROM log_ingest`,
      );
    expect(ingest).toEqual({
      status: 'completed',
      lines: '300000',
      committed_offset: String(log.bytes),
    });
  }, 240_000);
});
