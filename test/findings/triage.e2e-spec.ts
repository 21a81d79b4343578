import { TriageService } from '../../src/findings/triage/triage.service';
import { bearer, createTestApp, TestApp } from '../support/test-app';
import { correlate, day, findingRow, fixtureSources, net, record } from './findings-fixture';

describe(TriageService.name, () => {
  let t: TestApp;
  let deepseekP2: string;
  let deepseekP4: string;
  let chatgptP3: string;

  beforeAll(async () => {
    t = await createTestApp({ correlationSources: fixtureSources() });
    await record(t, [
      net('p2', 'deepseek', 1),
      net('p2', 'deepseek', 2),
      net('p4', 'deepseek', 3),
      net('p3', 'chatgpt', 3),
    ]);
    await correlate(t, day(10));
    deepseekP2 = (await findingRow(t, 'p2', 'deepseek')).id as string;
    deepseekP4 = (await findingRow(t, 'p4', 'deepseek')).id as string;
    chatgptP3 = (await findingRow(t, 'p3', 'chatgpt')).id as string;
  });

  afterAll(() => t.close());

  const triage = (id: string, token: string, body: object) =>
    t.http.post(`/api/findings/${id}/triage`).set(bearer(token)).send(body);

  it('should refuse findings to leaders and admins and show them to security and the CoE', async () => {
    await expect(t.http.get('/api/findings').set(bearer(t.tokens.leader))).resolves.toMatchObject({
      status: 403,
    });
    await expect(t.http.get('/api/findings').set(bearer(t.tokens.admin))).resolves.toMatchObject({
      status: 403,
    });
    await expect(
      triage(deepseekP2, t.tokens.leader, { action: 'acknowledge' }),
    ).resolves.toMatchObject({ status: 403 });
    const res = await t.http.get('/api/findings?subjectType=person').set(bearer(t.tokens.coe));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4); // three observed, one only said in the survey
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE action = 'finding.read'`,
    );
    expect(audit.length).toBeGreaterThan(0);
  });

  it('should record an event and an audit entry for every triage change', async () => {
    const res = await triage(deepseekP2, t.tokens.security, {
      action: 'acknowledge',
      comment: 'talking to the team',
    });
    expect(res.status).toBe(201);
    expect(res.body.triageState).toBe('acknowledged');
    const detail = await t.http.get(`/api/findings/${deepseekP2}`).set(bearer(t.tokens.security));
    expect(detail.body.events).toEqual([
      expect.objectContaining({
        actor: 'test-security',
        action: 'acknowledge',
        fromState: 'open',
        toState: 'acknowledged',
        comment: 'talking to the team',
      }),
    ]);
    const audit = await t.dataSource.query(
      `SELECT action, target_id FROM audit_event WHERE action = 'finding.acknowledge'`,
    );
    expect(audit).toEqual([{ action: 'finding.acknowledge', target_id: deepseekP2 }]);
  });

  it('should refuse an impossible transition with a conflict', async () => {
    const res = await triage(deepseekP2, t.tokens.security, { action: 'acknowledge' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('cannot acknowledge a finding that is acknowledged');
  });

  it('should re-open an accepted risk once its acceptance expired', async () => {
    await expect(
      triage(deepseekP2, t.tokens.coe, { action: 'accept', acceptedUntil: '2099-01-01T00:00:00Z' }),
    ).resolves.toMatchObject({ status: 201 });
    await t.dataSource.query(`UPDATE finding SET accepted_until = $2 WHERE id = $1`, [
      deepseekP2,
      day(20).toISOString(),
    ]);
    await correlate(t, day(19));
    expect((await findingRow(t, 'p2', 'deepseek')).triage_state).toBe('accepted');
    const sut = await correlate(t, day(21));
    expect(sut.reopened).toEqual({ expired: 1, recurred: 0 });
    expect((await findingRow(t, 'p2', 'deepseek')).triage_state).toBe('open');
  });

  it('should re-open a remediated finding when its evidence recurs', async () => {
    await expect(
      triage(deepseekP4, t.tokens.security, { action: 'remediate' }),
    ).resolves.toMatchObject({ status: 201 });
    await expect(correlate(t, day(22))).resolves.toMatchObject({
      reopened: { expired: 0, recurred: 0 },
    });
    await record(t, [net('p4', 'deepseek', 400)]); // seen again, long after the remediation
    const sut = await correlate(t, day(401));
    expect(sut.reopened.recurred).toBe(1);
    const events = await t.dataSource.query(
      `SELECT actor, action FROM finding_event WHERE finding_id = $1 ORDER BY id`,
      [deepseekP4],
    );
    expect(events).toEqual([
      { actor: 'test-security', action: 'remediate' },
      { actor: 'system', action: 'evidence-recurred' },
    ]);
  });

  it('should suppress the evidence of a false positive so that correlation does not bring it back', async () => {
    await expect(
      triage(chatgptP3, t.tokens.security, {
        action: 'mark-false-positive',
        comment: 'a test account',
      }),
    ).resolves.toMatchObject({ status: 201 });
    await expect(
      t.dataSource.query(`SELECT fingerprint FROM suppressed_fingerprint WHERE finding_id = $1`, [
        chatgptP3,
      ]),
    ).resolves.toEqual([{ fingerprint: 'net:p3:chatgpt:3' }]);
    await record(t, [net('p3', 'chatgpt', 3)]); // the same trace ingested again
    await correlate(t, day(402));
    const row = await findingRow(t, 'p3', 'chatgpt');
    expect(row).toMatchObject({ triage_state: 'false-positive', present: false });
    const list = await t.http.get('/api/findings?toolId=chatgpt').set(bearer(t.tokens.security));
    expect(list.body.total).toBe(0);
  });
});
