import * as fs from 'node:fs';
import * as path from 'node:path';
import { bearer, createTestApp, TestApp, waitForJob } from './support/test-app';

const squid = path.resolve(__dirname, 'fixtures/network/squid-native.log');

/** The value of one sample line of the Prometheus text, e.g. `name{a="b"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics on the API port', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('should answer admins only', async () => {
    await t.http.get('/metrics').expect(401);
    for (const role of ['security', 'coe', 'leader', 'privacy'] as const)
      await t.http.get('/metrics').set(bearer(t.tokens[role])).expect(403);
    const res = await t.http.get('/metrics').set(bearer(t.tokens.admin)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('should show queue depth, the job that ran, the lines it read and the route latency', async () => {
    const upload = await t.http
      .post('/api/network/uploads?name=access.log')
      .set(bearer(t.tokens.security))
      .set('Content-Type', 'application/octet-stream')
      .send(fs.readFileSync(squid))
      .expect(202);
    const job = await waitForJob(t, upload.body.jobId);
    expect(job).toMatchObject({ state: 'completed', result: { format: 'squid', lines: 8 } });

    const text = (await t.http.get('/metrics').set(bearer(t.tokens.admin)).expect(200)).text;
    for (const queue of ['ingest', 'scan', 'correlate', 'report', 'survey', 'system'])
      for (const state of ['waiting', 'active', 'delayed', 'failed'])
        expect(sample(text, `ai_census_queue_jobs{queue="${queue}",state="${state}"}`)).toBe(0);
    expect(sample(text, 'ai_census_ingest_lines_total{format="squid"}')).toBe(8);
    expect(
      sample(
        text,
        'ai_census_job_duration_seconds_count{job="network.ingest-logs",outcome="completed"}',
      ),
    ).toBe(1);
    expect(text).toMatch(/^# TYPE ai_census_job_duration_seconds histogram$/m);
    // by route pattern, not by path: the job's id is not a label
    expect(
      sample(
        text,
        'ai_census_http_request_duration_seconds_count{method="GET",route="/api/jobs/:id",status="200"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(upload.body.jobId);
    expect(text).toMatch(/^ai_census_process_cpu_seconds_total /m);
  });

  it('should count a job left failed as failed depth', async () => {
    await t.dataSource.query(
      `INSERT INTO job (id, queue, name, state) VALUES ('metrics-failed', 'report', 'reports.build', 'failed')`,
    );
    const text = (await t.http.get('/metrics').set(bearer(t.tokens.admin)).expect(200)).text;
    expect(sample(text, 'ai_census_queue_jobs{queue="report",state="failed"}')).toBe(1);
  });
});
