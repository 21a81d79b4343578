import { LOCAL_OPERATOR, Role } from '../../src/auth/role';
import { TokenService } from '../../src/auth/token.service';
import { AppConfig } from '../../src/config/app-config';
import { EvidenceService } from '../../src/evidence/evidence.service';
import { bearer, createTestApp, type TestApp, waitForJob } from '../support/test-app';

const PEOPLE = ['olga', 'piet', 'quinn', 'rosa', 'sven', 'tara'];
const DIRECTORY = [
  'email,name,team,manager,github login,aliases',
  ...PEOPLE.map(
    (p) =>
      `${p}@corp.example,${p[0].toUpperCase()}${p.slice(1)} Zimmermann,Engineering,,${p}-gh,CORP\\${p}x`,
  ),
].join('\n');
/** Every way the directory names a person: a response that holds none of them names no one. */
const NAMES = PEOPLE.flatMap((p) => [`${p}@corp`, `${p}-gh`, `${p}x`, `Zimmermann`]);
const KEY = 'a-test-key-for-triage-pseudonyms-0123456789';
const TTL_SECONDS = 2;
const squid = (user: string, host: string, d: number) =>
  `${(Date.UTC(2026, 10, 20 + d, 9) / 1000).toFixed(3)} 12 10.9.0.${d} TCP_MISS/200 2048 CONNECT ${host}:443 ${user} HIER_DIRECT/104.18.32.47 -`;

describe('Pseudonymised triage with four eyes', () => {
  let t: TestApp;
  let privacy2: string;
  let security2: string;
  let ingestJob: string;
  const ids: Record<string, string> = {};
  let olgaFinding: string;
  let pietFinding: string;
  let quinnFinding: string;

  const get = (path: string, token: string) => t.http.get(path).set(bearer(token));
  const post = (path: string, token: string, body: object = {}) =>
    t.http.post(path).set(bearer(token)).send(body);
  const named = (body: unknown) => {
    const text = JSON.stringify(body).toLowerCase();
    return [...NAMES, ...Object.values(ids)].filter((n) => text.includes(n.toLowerCase()));
  };
  const auditActions = async () =>
    (
      await t.dataSource.query(
        `SELECT action FROM audit_event WHERE action LIKE 'finding.reveal%' ORDER BY id`,
      )
    ).map((r: { action: string }) => r.action);

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        PSEUDONYMISED_TRIAGE: 'true',
        TRIAGE_PSEUDONYM_KEY: KEY,
        REVEAL_TTL_SECONDS: String(TTL_SECONDS),
        REVEAL_NOTIFY_PERSON: 'true',
      },
    });
    const tokens = t.app.get(TokenService);
    privacy2 = (await tokens.create('privacy-two', Role.Privacy, LOCAL_OPERATOR)).token;
    security2 = (await tokens.create('security-two', Role.Security, LOCAL_OPERATOR)).token;
    await post('/api/people/imports/csv', t.tokens.coe, { csv: DIRECTORY }).expect(201);
    for (const p of (await get('/api/people', t.tokens.coe)).body as {
      id: string;
      email: string;
    }[])
      ids[p.email.split('@')[0]] = p.id;
    const upload = await t.http
      .post('/api/network/uploads?name=proxy.log')
      .set(bearer(t.tokens.security))
      .set('Content-Type', 'application/octet-stream')
      .send(
        Buffer.from(
          PEOPLE.map((p, i) => squid(`CORP\\${p}x`, 'chat.deepseek.com', i)).join('\n') + '\n',
        ),
      )
      .expect(202);
    ingestJob = upload.body.jobId;
    await waitForJob(t, ingestJob);
    await t.app.get(EvidenceService).record([
      {
        toolId: 'github-copilot',
        signal: 'copilot-seat',
        identityKind: 'github',
        identityValue: 'olga-gh',
        firstSeen: new Date('2026-11-18T00:00:00Z'),
        lastSeen: new Date('2026-11-18T00:00:00Z'),
        detail: { login: 'olga-gh' },
        fingerprint: 'test:seat:olga-gh',
      },
    ]);
    await waitForJob(
      t,
      (await post('/api/findings/correlate', t.tokens.security).expect(202)).body.id,
    );
    const [rows] = [
      await t.dataSource.query(
        `SELECT id, subject_id FROM finding WHERE subject_type = 'person' AND tool_id = 'deepseek-chat'`,
      ),
    ];
    const byPerson = new Map(
      rows.map((r: { id: string; subject_id: string }) => [r.subject_id, r.id]),
    );
    olgaFinding = byPerson.get(ids.olga) as string;
    pietFinding = byPerson.get(ids.piet) as string;
    quinnFinding = byPerson.get(ids.quinn) as string;
    await post(`/api/findings/${olgaFinding}/comments`, t.tokens.security, {
      comment: 'Olga Zimmermann (olga@corp.example) says it was a trial',
    }).expect(204);
  }, 60_000);

  afterAll(() => t?.close());

  it('should refuse to boot with the setting on and no key', () => {
    expect(() => AppConfig.fromEnv({ PSEUDONYMISED_TRIAGE: 'true' })).toThrow(
      /TRIAGE_PSEUDONYM_KEY/,
    );
    expect(() => AppConfig.fromEnv({ PSEUDONYMISED_TRIAGE: 'yes' })).toThrow(
      /PSEUDONYMISED_TRIAGE/,
    );
  });

  it('should show security no names, under pseudonyms stable across requests and views', async () => {
    const first = await get('/api/findings?subjectType=person&limit=100', t.tokens.security).expect(
      200,
    );
    const second = await get('/api/findings?subjectType=person&limit=100', t.tokens.coe).expect(
      200,
    );
    expect(named(first.body)).toEqual([]);
    const subjects = (b: { items: { id: string; subjectId: string }[] }) =>
      Object.fromEntries(b.items.map((f) => [f.id, f.subjectId]));
    expect(subjects(second.body)).toEqual(subjects(first.body));
    const olga = first.body.items.find((f: { id: string }) => f.id === olgaFinding);
    expect(olga).toMatchObject({
      subjectId: expect.stringMatching(/^person-[0-9a-f]{12}$/),
      subjectPseudonymised: true,
    });
    // Olga's Copilot finding carries the same pseudonym as her DeepSeek one
    const copilot = first.body.items.find((f: { toolId: string }) => f.toolId === 'github-copilot');
    expect(copilot.subjectId).toBe(olga.subjectId);

    const detail = await get(`/api/findings/${olgaFinding}`, t.tokens.security).expect(200);
    expect(named(detail.body)).toEqual([]);
    expect(detail.body.subjectId).toBe(olga.subjectId);
    expect(detail.body.events[0].comment).toBe(
      `${olga.subjectId} (${olga.subjectId}) says it was a trial`,
    );
    expect(detail.body.evidence.length).toBeGreaterThan(0);

    // the findings report, its CSV, a job result naming people and the person-level roll-ups
    const build = await post('/api/reports', t.tokens.security, { kind: 'findings' }).expect(202);
    const reportId = ((await waitForJob(t, build.body.id)).result as { reportId: string }).reportId;
    const report = await get(`/api/reports/${reportId}`, t.tokens.security).expect(200);
    expect(report.body.model.findings.length).toBeGreaterThan(0);
    expect(named(report.body)).toEqual([]);
    const csv = await get(`/api/reports/${reportId}/download?format=csv`, t.tokens.security).expect(
      200,
    );
    expect(named(csv.text)).toEqual([]);
    expect(csv.text).toContain(olga.subjectId);
    const job = await get(`/api/jobs/${ingestJob}`, t.tokens.security).expect(200);
    expect(job.body).toMatchObject({ result: null, resultWithheld: expect.any(String) });
    const usage = await get('/api/network/usage?level=person', t.tokens.security).expect(200);
    expect(usage.body.rows.length).toBe(PEOPLE.length);
    expect(named(usage.body)).toEqual([]);
  });

  it('should refuse a reveal without a second approver, and an approval by the requester', async () => {
    await get(`/api/findings/${olgaFinding}/person`, t.tokens.security).expect(403);
    const asked = await post(`/api/findings/${olgaFinding}/reveal-requests`, t.tokens.security, {
      reason: 'prohibited tool on a customer project; need to talk to them',
    }).expect(201);
    expect(asked.body).toMatchObject({ state: 'requested', requestedBy: 'test-security' });
    // asked is not approved: still no person
    await get(`/api/findings/${olgaFinding}/person`, t.tokens.security).expect(403);
    // security cannot approve at all; a privacy officer cannot approve their own request
    await post(`/api/findings/reveal-requests/${asked.body.id}/approve`, t.tokens.security).expect(
      403,
    );
    const own = await post(`/api/findings/${pietFinding}/reveal-requests`, t.tokens.privacy, {
      reason: 'I would like to see who this is, please',
    }).expect(201);
    const self = await post(
      `/api/findings/reveal-requests/${own.body.id}/approve`,
      t.tokens.privacy,
    ).expect(403);
    expect(self.body.message).toContain('the requester cannot approve their own reveal');
    await get(`/api/findings/${pietFinding}/person`, t.tokens.privacy).expect(403);
    expect(await auditActions()).toEqual([
      'finding.reveal-denied',
      'finding.reveal-request',
      'finding.reveal-denied',
      'finding.reveal-request',
      'finding.reveal-denied',
      'finding.reveal-denied',
    ]);
  });

  it('should show the person to the requester alone once approved, audit it, then expire', async () => {
    const asked = (
      await get('/api/findings/reveal-requests?state=requested', privacy2).expect(200)
    ).body.find((r: { findingId: string }) => r.findingId === olgaFinding);
    const approved = await post(`/api/findings/reveal-requests/${asked.id}/approve`, privacy2, {
      comment: 'proportionate',
    }).expect(200);
    expect(approved.body).toMatchObject({
      state: 'approved',
      decidedBy: 'privacy-two',
      noticeState: 'pending',
    });
    const person = await get(`/api/findings/${olgaFinding}/person`, t.tokens.security).expect(200);
    expect(person.body).toMatchObject({
      personId: ids.olga,
      name: 'Olga Zimmermann',
      email: 'olga@corp.example',
    });
    const detail = await get(`/api/findings/${olgaFinding}`, t.tokens.security).expect(200);
    expect(detail.body).toMatchObject({ subjectId: ids.olga, revealed: true });
    // not to another analyst, and not for another finding
    await get(`/api/findings/${olgaFinding}/person`, security2).expect(403);
    expect(named((await get(`/api/findings/${olgaFinding}`, security2)).body)).toEqual([]);
    await get(`/api/findings/${quinnFinding}/person`, t.tokens.security).expect(403);
    const approval = await t.dataSource.query(
      `SELECT actor_name, detail FROM audit_event WHERE action = 'finding.reveal-approve'`,
    );
    expect(approval).toEqual([
      {
        actor_name: 'privacy-two',
        detail: expect.objectContaining({
          revealId: asked.id,
          requestedBy: 'test-security',
          personNotice: 'pending',
        }),
      },
    ]);

    await new Promise((r) => setTimeout(r, TTL_SECONDS * 1000 + 300));
    await get(`/api/findings/${olgaFinding}/person`, t.tokens.security).expect(403);
    const after = await get(`/api/findings/${olgaFinding}`, t.tokens.security).expect(200);
    expect(after.body.subjectId).toMatch(/^person-/);
    const all = (await get('/api/findings/reveal-requests', privacy2).expect(200)).body;
    expect(all.find((r: { id: string }) => r.id === asked.id).state).toBe('expired');
    const actions = await auditActions();
    expect(actions).toContain('finding.reveal-approve');
    expect(actions.filter((a: string) => a === 'finding.reveal-expire')).toHaveLength(1);
    // an expired approval cannot be approved again
    await post(`/api/findings/reveal-requests/${asked.id}/approve`, privacy2).expect(409);
  });

  it('should record a refusal, after which nothing is revealed', async () => {
    const asked = await post(`/api/findings/${quinnFinding}/reveal-requests`, t.tokens.security, {
      reason: 'curious about the heavy user of this tool',
    }).expect(201);
    await post(`/api/findings/reveal-requests/${asked.body.id}/refuse`, privacy2, {
      comment: 'not proportionate',
    })
      .expect(200)
      .expect((r) => expect(r.body.state).toBe('refused'));
    await get(`/api/findings/${quinnFinding}/person`, t.tokens.security).expect(403);
    await post(`/api/findings/reveal-requests/${asked.body.id}/approve`, privacy2).expect(409);
    expect(await auditActions()).toContain('finding.reveal-refuse');
  });
});
