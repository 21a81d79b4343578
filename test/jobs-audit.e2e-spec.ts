import * as fs from 'node:fs';
import * as path from 'node:path';
import { bearer, createTestApp, type TestApp, waitForJob } from './support/test-app';

/** Job results that can name people are audited when read, and left out of job lists. */
describe('reading job results', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const reads = async (): Promise<{ actor: string; target_id: string; detail: unknown }[]> =>
    t.dataSource.query(
      `SELECT actor_name AS actor, target_id, detail FROM audit_event WHERE action = 'job-result.read' ORDER BY id`,
    );

  it('should audit a read of an ingest result and leave it out of the job list', async () => {
    const upload = await t.http
      .post('/api/network/uploads?name=access.log')
      .set(bearer(t.tokens.security))
      .set('Content-Type', 'application/octet-stream')
      .send(fs.readFileSync(path.join(__dirname, 'fixtures/network/squid-native.log')))
      .expect(202);
    const job = await waitForJob(t, upload.body.jobId);
    expect(job).toMatchObject({
      state: 'completed',
      result: expect.objectContaining({ lines: 8 }),
    });
    // polling saw no result until the job was done: one read of the result, one audit row
    await expect(reads()).resolves.toEqual([
      expect.objectContaining({
        actor: 'test-admin',
        target_id: upload.body.jobId,
        detail: { name: 'network.ingest-logs' },
      }),
    ]);

    const list = await t.http.get('/api/jobs').set(bearer(t.tokens.coe)).expect(200);
    const listed = list.body.find((j: { id: string }) => j.id === upload.body.jobId);
    expect(listed).toMatchObject({ state: 'completed', result: null, resultOmitted: true });
    expect(JSON.stringify(list.body)).not.toContain('alice');
    await expect(reads()).resolves.toHaveLength(1);
  });

  it('should neither audit nor hide a result that names nobody', async () => {
    const diag = await t.http
      .post('/api/jobs/diagnostics')
      .set(bearer(t.tokens.admin))
      .send({ steps: 1, stepMs: 0 })
      .expect(202);
    await expect(waitForJob(t, diag.body.id)).resolves.toMatchObject({ state: 'completed' });
    const list = await t.http.get('/api/jobs').set(bearer(t.tokens.admin)).expect(200);
    const listed = list.body.find((j: { id: string }) => j.id === diag.body.id);
    expect(listed.result).not.toBeNull();
    expect(listed.resultOmitted).toBeUndefined();
    await expect(reads()).resolves.toHaveLength(1);
  });
});
