import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startApi, stopProcess, waitFor, type ApiProcess } from './support/processes';

/**
 * The embedded default's one connection: a job that holds a transaction and reports progress
 * must neither hang itself nor the API, before or after a restart (issue #11, item 1).
 */
describe('embedded default: jobs that hold a transaction', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-embedded-jobs-'));
  const env = { AI_CENSUS_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'log' };
  let server: ApiProcess | undefined;

  afterAll(async () => {
    if (server) await stopProcess(server, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(firstStart: boolean): Promise<{ url: string; token: string }> {
    const api = await startApi(env, { firstStart });
    server = api.proc;
    return api;
  }

  /** Every call must answer within 10 s: a hung pool shows as a timeout here, not as a slow test. */
  async function call(url: string, route: string, token?: string, body?: unknown) {
    const res = await fetch(url + route, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async function completed(url: string, token: string, id: unknown) {
    return waitFor(
      async () => {
        const r = await call(url, `/api/jobs/${String(id)}`, token);
        return r.body.state === 'completed' || r.body.state === 'failed' ? r.body : undefined;
      },
      `job ${String(id)} to finish`,
      60_000,
    );
  }

  it('should correlate, keep answering, and finish a job resumed after a crash', async () => {
    const first = await start(true);
    const token = first.token;
    let url = first.url;

    // Correlation on an empty database held the only connection while writing progress through it.
    const correlate = await call(url, '/api/findings/correlate', token, {});
    expect(correlate.status).toBe(202);
    const during = await Promise.all([
      call(url, '/health/ready'),
      call(url, '/api/me', token),
      call(url, '/api/jobs?limit=5', token),
    ]);
    expect(during.map((r) => r.status)).toEqual([200, 200, 200]);
    await expect(completed(url, token, correlate.body.id)).resolves.toMatchObject({
      state: 'completed',
      progress: 100,
    });
    expect((await call(url, '/health/ready')).status).toBe(200);

    // A job that reports progress while it holds a transaction, killed mid-way and resumed at start.
    const held = await call(url, '/api/jobs/diagnostics', token, {
      steps: 30,
      stepMs: 50,
      inTransaction: true,
    });
    expect(held.status).toBe(202);
    const ready = await call(url, '/health/ready');
    expect(ready.status).toBe(200);
    await expect(completed(url, token, held.body.id)).resolves.toMatchObject({
      state: 'completed',
      progress: 100,
      counts: { steps: 30, of: 30 },
    });

    const crashed = await call(url, '/api/jobs/diagnostics', token, {
      steps: 40,
      stepMs: 50,
      inTransaction: true,
    });
    expect(crashed.status).toBe(202);
    await new Promise((r) => setTimeout(r, 500)); // inside its transaction by now
    await stopProcess(server!, 'SIGKILL');
    server = undefined;

    ({ url } = await start(false));
    await waitFor(
      () => (server!.output().includes(`Resuming job`) ? true : undefined),
      'the unfinished job to resume',
    );
    await expect(completed(url, token, crashed.body.id)).resolves.toMatchObject({
      state: 'completed',
      progress: 100,
    });
    expect((await call(url, '/health/ready')).status).toBe(200);
    expect((await call(url, '/api/me', token)).status).toBe(200);
  }, 240_000);
});
