import { ReportsService } from '../../src/reports/reports.service';
import { bearer, createTestApp, TestApp, waitForJob } from '../support/test-app';
import { correlate, day, fixtureSources, net, record } from '../findings/findings-fixture';

describe(ReportsService.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: { PRIVACY_K_DEFAULT: '2' },
      correlationSources: fixtureSources(),
    });
    await record(t, [
      net('p1', 'github-copilot', 1),
      net('p2', 'github-copilot', 1),
      net('p4', 'deepseek', 2),
      net('p5', 'deepseek', 2),
    ]);
    await correlate(t, day(10));
  });

  afterAll(() => t.close());

  async function build(kind: string, token: string): Promise<string> {
    const res = await t.http
      .post('/api/reports')
      .set(bearer(token))
      .send({ kind, organisation: 'Acme' });
    expect(res.status).toBe(202);
    const job = await waitForJob(t, res.body.id);
    expect(job.state).toBe('completed');
    return (job.result as { reportId: string }).reportId;
  }

  it('should show the drift from the first baseline in the second', async () => {
    const first = await build('baseline', t.tokens.leader);
    await record(t, [net('p3', 'cursor', 12), net('p6', 'cursor', 12), net('p6', 'deepseek', 12)]);
    await correlate(t, day(13));
    const second = await build('baseline', t.tokens.leader);
    const res = await t.http
      .get(`/api/reports/${second}/download?format=json`)
      .set(bearer(t.tokens.leader));
    expect(res.status).toBe(200);
    const model = JSON.parse(res.text);
    expect(model.change).toMatchObject({
      observedShare: { before: 0.667, after: 1 },
      toolsInUse: { before: 2, after: 3 },
      newTools: ['Cursor'],
      toolPeople: expect.arrayContaining([
        { toolId: 'deepseek', name: 'DeepSeek', before: 2, after: 3 },
      ]),
    });
    expect(first).not.toBe(second);
  });

  it('should give leaders the baseline only and never a name or e-mail', async () => {
    const id = await build('baseline', t.tokens.leader);
    const html = await t.http
      .get(`/api/reports/${id}/download?format=html`)
      .set(bearer(t.tokens.leader));
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).not.toContain('@corp.example');
    await expect(
      t.http.post('/api/reports').set(bearer(t.tokens.leader)).send({ kind: 'inventory' }),
    ).resolves.toMatchObject({ status: 403 });
    const inventory = await build('inventory', t.tokens.coe);
    await expect(
      t.http.get(`/api/reports/${inventory}/download?format=xlsx`).set(bearer(t.tokens.leader)),
    ).resolves.toMatchObject({ status: 403 });
    const xlsx = await t.http
      .get(`/api/reports/${inventory}/download?format=xlsx`)
      .set(bearer(t.tokens.coe))
      .buffer(true);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/inventory-\d{4}-\d{2}-\d{2}\.xlsx/);
  });

  it('should give the person-level findings report to security only, audited', async () => {
    await expect(
      t.http.post('/api/reports').set(bearer(t.tokens.coe)).send({ kind: 'findings' }),
    ).resolves.toMatchObject({ status: 403 });
    const id = await build('findings', t.tokens.security);
    await expect(
      t.http.get(`/api/reports/${id}/download?format=csv`).set(bearer(t.tokens.coe)),
    ).resolves.toMatchObject({ status: 403 });
    const csv = await t.http
      .get(`/api/reports/${id}/download?format=csv`)
      .set(bearer(t.tokens.security));
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('p4@corp.example');
    expect(csv.text).toContain('network: deepseek.example');
    const audit = await t.dataSource.query(
      `SELECT actor_name FROM audit_event WHERE action = 'report.read' AND target_id = $1`,
      [id],
    );
    expect(audit.length).toBeGreaterThan(0);
  });

  it('should list only the reports a role may read', async () => {
    const res = await t.http.get('/api/reports').set(bearer(t.tokens.leader));
    expect(res.status).toBe(200);
    expect(new Set(res.body.map((r: { kind: string }) => r.kind))).toEqual(new Set(['baseline']));
  });

  it('should refuse a format the report does not offer', async () => {
    const id = await build('baseline', t.tokens.coe);
    const res = await t.http
      .get(`/api/reports/${id}/download?format=xlsx`)
      .set(bearer(t.tokens.coe));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('format xlsx is not offered for the baseline report');
  });
});
