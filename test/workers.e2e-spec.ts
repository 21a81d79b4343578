import { randomUUID } from 'node:crypto';
import { bearer, createTestApp, TestApp, waitForJob } from './support/test-app';
import { startProcess, stopProcess, waitFor } from './support/processes';

/** API and workers as separate processes on PostgreSQL + Redis, as in production. */
describe('jobs on Bull with separate worker processes', () => {
  let t: TestApp;
  let workers: ReturnType<typeof startProcess>[] = [];

  beforeAll(async () => {
    t = await createTestApp({ redis: true });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => stopProcess(w)));
    await t.close();
  });

  it('should leave a job queued while no worker runs and report the queue ready', async () => {
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.info.queue).toEqual({ status: 'up', transport: 'bull' });
    const queued = await t.http
      .post('/api/jobs/diagnostics')
      .set(bearer(t.tokens.admin))
      .send({ steps: 1, stepMs: 0 })
      .expect(202);
    await new Promise((r) => setTimeout(r, 500));
    const still = await t.http
      .get(`/api/jobs/${queued.body.id}`)
      .set(bearer(t.tokens.admin))
      .expect(200);
    expect(still.body.state).toBe('queued');
  });

  it('should run each job exactly once across two real worker processes', async () => {
    workers = [startProcess('worker.js', t.env), startProcess('worker.js', t.env)];
    await Promise.all(
      workers.map((w, i) =>
        waitFor(() => (w.output().includes('ready') ? true : undefined), `worker ${i} ready`),
      ),
    );

    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.http
        .post('/api/jobs/diagnostics')
        .set(bearer(t.tokens.admin))
        .send({ steps: 3, stepMs: 60 })
        .expect(202);
      ids.push(res.body.id);
    }
    const done = await Promise.all(ids.map((id) => waitForJob(t, id, 60_000)));
    expect(done.every((j) => j.state === 'completed')).toBe(true);
    // attempts counts every start of a job, atomically: 1 everywhere means no job ran twice.
    expect(done.map((j) => j.attempts)).toEqual(ids.map(() => 1));
    const pids = new Set(done.map((j) => String(j.worker).split(':').pop()));
    expect(pids).toEqual(new Set(workers.map((w) => String(w.pid))));
  });

  it.each([
    ['', false],
    [', also inside a transaction', true],
  ])('should show progress from a worker while the job runs%s', async (_, inTransaction) => {
    const res = await t.http
      .post('/api/jobs/diagnostics')
      .set(bearer(t.tokens.admin))
      .send({ steps: 10, stepMs: 150, inTransaction })
      .expect(202);
    const midway = await waitFor(
      async () => {
        const r = await t.http
          .get(`/api/jobs/${res.body.id}`)
          .set(bearer(t.tokens.security))
          .expect(200);
        return r.body.state === 'running' && r.body.progress > 0 && r.body.progress < 100
          ? r.body
          : undefined;
      },
      'progress between 0 and 100',
      20_000,
    );
    expect(midway.counts.of).toBe(10);
    await expect(waitForJob(t, res.body.id)).resolves.toMatchObject({
      state: 'completed',
      progress: 100,
    });
  });

  it('should treat a second submit with the same id as the same job', async () => {
    const { JobsService } = await import('../src/jobs/jobs.service');
    const { JobName } = await import('../src/jobs/job-names');
    const jobs = t.app.get(JobsService);
    const id = `diag-${randomUUID()}`;
    const first = await jobs.enqueue(JobName.Diagnostics, { steps: 1, stepMs: 0 }, { jobId: id });
    await waitForJob(t, id);
    const second = await jobs.enqueue(JobName.Diagnostics, { steps: 1, stepMs: 0 }, { jobId: id });
    expect(second.id).toBe(first.id);
    expect(second.state).toBe('completed');
    expect(second.attempts).toBe(1);
  });
});
