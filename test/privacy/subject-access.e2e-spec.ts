import { parse } from 'csv-parse/sync';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EvidenceService } from '../../src/evidence/evidence.service';
import { NetworkUsageRepository } from '../../src/signals/network/network-usage.repository';
import { runCli, runCliInProcess } from '../support/processes';
import { bearer, createTestApp, waitForJob, type TestApp } from '../support/test-app';

const DIRECTORY = [
  'email,name,team,manager,github login,aliases',
  'alice.subject@example.com,Alice Subject,Engineering/Platform,,alice-subject,10.9.0.1',
  'bob.other@example.com,Bob Other,Engineering/Platform,,bob-other,10.9.0.2',
].join('\n');

const DAY = new Date('2026-11-02T09:00:00Z');

/** Alice and Bob leave the same kinds of traces; only hers may come out of her export. */
function evidenceOf(who: 'alice' | 'bob', email: string, login: string, ip: string, repo: string) {
  return [
    {
      toolId: 'claude-code',
      signal: 'commit-trailer' as const,
      repository: repo,
      identityKind: 'commit-email' as const,
      identityValue: email,
      firstSeen: DAY,
      lastSeen: DAY,
      detail: { commit: `${who}-commit-0001`, trailer: 'Co-authored-by: Claude' },
      fingerprint: `privacy-test:${who}:trailer`,
    },
    {
      toolId: 'cursor',
      signal: 'config-file' as const,
      repository: repo,
      identityKind: 'github' as const,
      identityValue: login.toUpperCase(),
      firstSeen: DAY,
      lastSeen: DAY,
      detail: { path: '.cursor/rules/main.mdc', marker: `${who}-path-marker` },
      fingerprint: `privacy-test:${who}:config`,
    },
    {
      toolId: 'chatgpt',
      signal: 'network' as const,
      identityKind: 'ip' as const,
      identityValue: ip,
      firstSeen: DAY,
      lastSeen: new Date(DAY.getTime() + 3 * 86_400_000),
      count: 40,
      bytes: 12_000,
      detail: { domain: 'chatgpt.com', days: 3, marker: `${who}-network-marker` },
      fingerprint: `privacy-test:${who}:network`,
    },
  ];
}

describe('subject access: everything held about one person, and nothing of anyone else', () => {
  let t: TestApp;
  let alice: string;
  let bob: string;
  let outDir: string;

  async function answer(
    privacyMode: 'identified' | 'pseudonymous' | 'anonymous',
    texts: Record<string, string>,
  ) {
    const created = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: `A ${privacyMode} survey`, privacyMode, k: 2 })
      .expect(201);
    const issued = await t.http
      .post(`/api/surveys/${created.body.id}/invitations`)
      .set(bearer(t.tokens.coe))
      .send({ personIds: [alice, bob] })
      .expect(201);
    for (const link of issued.body.links as { personId: string; url: string }[]) {
      const text = texts[link.personId];
      await t.http
        .post(new URL(link.url).pathname)
        .type('form')
        .send(
          `q_tools=windsurf&q_frequency=daily&q_data=credentials&q_comments=${encodeURIComponent(text)}&action=submit`,
        )
        .expect(200);
    }
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { SURVEY_PSEUDONYM_KEY: 'p'.repeat(48) } });
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-sar-'));
    await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.admin))
      .send({ csv: DIRECTORY })
      .expect(201);
    const list = await t.http.get('/api/people').set(bearer(t.tokens.admin)).expect(200);
    const ids = Object.fromEntries(
      list.body.map((p: { email: string; id: string }) => [p.email, p.id]),
    );
    alice = ids['alice.subject@example.com'];
    bob = ids['bob.other@example.com'];

    await t.app.get(EvidenceService).record([
      ...evidenceOf(
        'alice',
        'Alice.Subject@example.com',
        'alice-subject',
        '10.9.0.1',
        'acme/alpha',
      ),
      ...evidenceOf('bob', 'bob.other@example.com', 'bob-other', '10.9.0.2', 'acme/beta'),
      {
        toolId: 'langchain',
        signal: 'dependency',
        repository: 'acme/gamma',
        firstSeen: DAY,
        lastSeen: DAY,
        detail: { package: 'langchain@0.3.0' },
        fingerprint: 'privacy-test:repository-only',
      },
    ]);
    // 10.9.0.3 was Alice's on 2 November and Bob's from the 3rd: each day's roll-up is its holder's
    await t.http
      .post('/api/people/imports/leases')
      .set(bearer(t.tokens.admin))
      .send({
        csv: [
          '10.9.0.3,alice.subject@example.com,2026-11-02T00:00:00Z,2026-11-03T00:00:00Z',
          '10.9.0.3,bob.other@example.com,2026-11-03T00:00:00Z,',
        ].join('\n'),
      })
      .expect(201);
    const rollup = (ip: string, day: string, requests: number) => ({
      identityKind: 'ip' as const,
      identityValue: ip,
      toolId: 'chatgpt',
      day,
      requests,
      bytesUp: requests * 100,
      bytesDown: requests * 1000,
      blocked: 0,
      firstSeen: Date.parse(`${day}T10:00:00Z`),
      lastSeen: Date.parse(`${day}T11:00:00Z`),
    });
    await t.app
      .get(NetworkUsageRepository, { strict: false })
      .addDaily([
        rollup('10.9.0.1', '2026-11-02', 5),
        rollup('10.9.0.2', '2026-11-02', 7),
        rollup('10.9.0.3', '2026-11-02', 11),
        rollup('10.9.0.3', '2026-11-03', 22),
      ]);
    const job = await t.http
      .post('/api/findings/correlate')
      .set(bearer(t.tokens.security))
      .expect(202);
    expect((await waitForJob(t, job.body.id)).state).toBe('completed');
    const findings = await t.http
      .get('/api/findings?subjectType=person')
      .set(bearer(t.tokens.security))
      .expect(200);
    for (const f of findings.body.items as { id: string; subjectId: string }[]) {
      await t.http
        .post(`/api/findings/${f.id}/triage`)
        .set(bearer(t.tokens.security))
        .send({
          action: 'acknowledge',
          comment: f.subjectId === alice ? 'ALICE-TRIAGE-NOTE' : 'BOB-TRIAGE-NOTE',
        })
        .expect(201);
    }

    await answer('identified', {
      [alice]: 'ALICE-IDENTIFIED-ANSWER',
      [bob]: 'BOB-IDENTIFIED-ANSWER',
    });
    await answer('pseudonymous', { [alice]: 'ALICE-PSEUDO-ANSWER', [bob]: 'BOB-PSEUDO-ANSWER' });
    await answer('anonymous', { [alice]: 'ALICE-ANON-ANSWER', [bob]: 'BOB-ANON-ANSWER' });
  });
  afterAll(async () => {
    fs.rmSync(outDir, { recursive: true, force: true });
    await t?.close();
  });

  /** Everything that names Bob, or that he said or did; none of it may reach Alice's export. */
  const bobsTraces = () => [
    bob,
    'bob.other@example.com',
    'Bob Other',
    'bob-other',
    '10.9.0.2',
    'acme/beta',
    'bob-commit-0001',
    'bob-path-marker',
    'bob-network-marker',
    'BOB-TRIAGE-NOTE',
    'BOB-IDENTIFIED-ANSWER',
    'BOB-PSEUDO-ANSWER',
    'BOB-ANON-ANSWER',
    'acme/gamma',
  ];

  it('should export every kind of record held about the person as JSON', async () => {
    const res = await t.http
      .get(`/api/privacy/people/${alice}/export`)
      .set(bearer(t.tokens.privacy))
      .expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['content-disposition']).toContain(`person-${alice}.json`);
    const x = JSON.parse(res.text) as {
      personId: string;
      data: Record<string, Record<string, unknown>[]>;
    };
    expect(x.personId).toBe(alice);
    expect(x.data.directory).toEqual([
      expect.objectContaining({
        id: alice,
        email: 'alice.subject@example.com',
        name: 'Alice Subject',
        team: 'Engineering/Platform',
        githubLogin: 'alice-subject',
      }),
    ]);
    expect(x.data.identities.map((i) => `${i.kind}:${i.value}`).sort()).toEqual([
      'email:alice.subject@example.com',
      'github:alice-subject',
    ]);
    expect(x.data['ip-leases'].map((l) => l.ip)).toEqual(['10.9.0.1', '10.9.0.3']);
    expect(x.data.evidence.map((e) => e.fingerprint).sort()).toEqual([
      'privacy-test:alice:config',
      'privacy-test:alice:network',
      'privacy-test:alice:trailer',
    ]);
    expect(x.data['network-usage'].map((u) => [u.day, u.identityValue, u.requests])).toEqual([
      ['2026-11-02', '10.9.0.1', 5],
      ['2026-11-02', '10.9.0.3', 11],
    ]);
    expect(x.data.findings.map((f) => f.tool).sort()).toEqual(['chatgpt', 'claude-code', 'cursor']);
    const events = x.data['finding-events'];
    expect(events.filter((e) => e.action === 'acknowledge')).toHaveLength(3);
    expect(events.every((e) => e.comment === 'ALICE-TRIAGE-NOTE')).toBe(true);
    expect(JSON.stringify(events)).not.toContain('test-security');
    expect(x.data['survey-invitations']).toHaveLength(3);
    const answers = x.data['survey-answers'];
    expect(answers.map((a) => [a.privacyMode, a.linkedBy])).toEqual([
      ['identified', 'person'],
      ['pseudonymous', 'pseudonym'],
    ]);
    expect(JSON.stringify(answers)).toContain('ALICE-IDENTIFIED-ANSWER');
    expect(JSON.stringify(answers)).toContain('ALICE-PSEUDO-ANSWER');
    // an anonymous answer is linked to no one, so it is in no one's export
    expect(res.text).not.toContain('ALICE-ANON-ANSWER');
    expect(res.text).not.toMatch(/ps_[0-9a-f]{40}/);
    for (const trace of bobsTraces())
      expect([trace, res.text.includes(trace)]).toEqual([trace, false]);
  });

  it('should export the same records as one CSV, and find the person by e-mail', async () => {
    const res = await t.http
      .get(
        `/api/privacy/people/${encodeURIComponent('Alice.Subject@example.com')}/export?format=csv`,
      )
      .set(bearer(t.tokens.admin))
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const rows = parse(res.text) as string[][];
    expect(rows[0]).toEqual(['kind', 'record', 'field', 'value']);
    expect(rows[1]).toEqual(['person', '0', 'personId', alice]);
    const kinds = new Set(rows.slice(1).map((r) => r[0]));
    for (const kind of [
      'directory',
      'identities',
      'ip-leases',
      'evidence',
      'network-usage',
      'findings',
      'finding-events',
      'resolved-identities',
      'survey-invitations',
      'survey-answers',
      'clarification-requests',
      'nudges',
    ])
      expect([kind, kinds.has(kind)]).toEqual([kind, true]);
    expect(rows.filter((r) => r[0] === 'evidence' && r[2] === 'fingerprint')).toHaveLength(3);
    expect(res.text).toContain('ALICE-IDENTIFIED-ANSWER');
    for (const trace of bobsTraces())
      expect([trace, res.text.includes(trace)]).toEqual([trace, false]);
  });

  it('should admit only the privacy and admin roles, and audit each export with actor and person', async () => {
    for (const role of ['leader', 'security', 'coe'] as const)
      await t.http
        .get(`/api/privacy/people/${alice}/export`)
        .set(bearer(t.tokens[role]))
        .expect(403);
    await t.http.get(`/api/privacy/people/${alice}/export`).expect(401);
    await t.http
      .get(`/api/privacy/people/nobody@example.com/export`)
      .set(bearer(t.tokens.privacy))
      .expect(404);
    await t.http
      .get(`/api/privacy/people/not-a-person/export`)
      .set(bearer(t.tokens.privacy))
      .expect(400);
    const audit = await t.http
      .get('/api/audit?action=person.export')
      .set(bearer(t.tokens.admin))
      .expect(200);
    const exports = (
      audit.body as { action: string; actorName: string; targetId: string; detail: unknown }[]
    ).filter((a) => a.action === 'person.export');
    expect(exports.map((a) => [a.actorName, a.targetId])).toEqual(
      expect.arrayContaining([
        ['test-privacy', alice],
        ['test-admin', alice],
      ]),
    );
    expect(exports.some((a) => ['test-leader', 'test-security'].includes(a.actorName))).toBe(false);
  });

  it('should export through the CLI by e-mail, to a file only its owner reads, audited as the operator', async () => {
    const out = path.join(outDir, 'alice.csv');
    const r = runCli(
      ['person', 'export', 'alice.subject@example.com', '--format', 'csv', '--out', out],
      t.env,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`person ${alice}`);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('ALICE-PSEUDO-ANSWER');
    expect(text).toContain('privacy-test:alice:network');
    for (const trace of bobsTraces()) expect([trace, text.includes(trace)]).toEqual([trace, false]);

    // the same entry in this process from here
    const json = await runCliInProcess(['person', 'export', alice], t.env);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).data.directory[0].id).toBe(alice);

    const missing = await runCliInProcess(['person', 'export', 'nobody@example.com'], t.env);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^ai-census: person: no person nobody@example.com/);

    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'person.export' AND target_id = $1 AND actor_name LIKE 'cli:%'`,
      [alice],
    );
    expect(row.n).toBe(2);
  }, 240_000);
});
