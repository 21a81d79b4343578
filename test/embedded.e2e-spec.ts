import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, startProcess, stopProcess, waitFor } from './support/processes';

/** The newcomer's path: no DATABASE_URL, no REDIS_URL — PGlite and the in-process runner. */
describe('embedded default (PGlite, in-process jobs)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-embedded-'));
  const env = { AI_CENSUS_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'log' };
  let server: ReturnType<typeof startProcess> | undefined;

  afterAll(async () => {
    if (server) await stopProcess(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{ url: string; proc: ReturnType<typeof startProcess> }> {
    const proc = startProcess('main.js', env);
    const url = await waitFor(
      () => /Listening on (http:\/\/\S+)/.exec(proc.output())?.[1],
      'server to listen',
      90_000,
    );
    return { url, proc };
  }

  async function api(url: string, route: string, token?: string, init: RequestInit = {}) {
    const res = await fetch(url + route, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('should serve, print a bootstrap token, run a job and keep its data across a restart', async () => {
    const first = await start();
    server = first.proc;
    expect((await api(first.url, '/health')).status).toBe(200);
    const ready = await api(first.url, '/health/ready');
    expect(ready.body.info).toMatchObject({
      database: { status: 'up' },
      queue: { status: 'up', transport: 'in-process' },
    });
    const token = await waitFor(
      () => /\n\s+(aic_\S+)\n/.exec(first.proc.output())?.[1],
      'bootstrap token',
    );

    const queued = await api(first.url, '/api/jobs/diagnostics', token, {
      method: 'POST',
      body: JSON.stringify({ steps: 3, stepMs: 20 }),
    });
    expect(queued.status).toBe(202);
    const done = await waitFor(async () => {
      const r = await api(first.url, `/api/jobs/${queued.body.id}`, token);
      return r.body.state === 'completed' ? r.body : undefined;
    }, 'job to complete');
    expect(done.progress).toBe(100);

    // A second process on the same data directory is refused with a message, not allowed to corrupt it.
    const clash = runCli(['token', 'list'], env);
    expect(clash.status).not.toBe(0);
    expect(clash.stderr).toMatch(/embedded database in .* is in use by process \d+/);

    await stopProcess(first.proc);
    server = undefined;
    // A graceful stop closes PGlite and releases the data directory.
    expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);

    // While the server is down, the CLI opens the same embedded database.
    const listed = runCli(['token', 'list', '--json'], env);
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout).tokens.map((x: { name: string }) => x.name)).toEqual([
      'bootstrap-admin',
    ]);

    const second = await start();
    server = second.proc;
    expect(second.proc.output()).not.toContain('First start');
    expect((await api(second.url, '/api/me', token)).body).toMatchObject({
      name: 'bootstrap-admin',
      role: 'admin',
    });
    const job = await api(second.url, `/api/jobs/${queued.body.id}`, token);
    expect(job.body).toMatchObject({ state: 'completed', progress: 100 });
  }, 240_000);
});
