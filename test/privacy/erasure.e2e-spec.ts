import { execFileSync } from 'node:child_process';
import { Role } from '../../src/auth/role';
import { EvidenceService } from '../../src/evidence/evidence.service';
import { runCli } from '../support/processes';
import { bearer, createTestApp, type TestApp, waitForJob } from '../support/test-app';

// The person to erase, with an identifier of every kind the issue names; each is distinctive,
// so a plain case-insensitive search of a dump finds any copy of it.
const ANN = {
  name: 'Annika Erasmusdottir',
  email: 'annika.erasmusdottir@corp.example',
  github: 'annika-erasmus-gh',
  commitEmail: 'annika.home@mailbox.example',
  proxyUser: 'aerasmusdottir',
  ip: '10.40.0.99',
};
const IDENTIFIERS = Object.values(ANN);
const OTHERS = ['bob', 'carol', 'dan', 'erin', 'frank', 'gina'];
const DIRECTORY = [
  'email,name,team,manager,github login,aliases',
  `${ANN.email},${ANN.name},Engineering/Platform,,${ANN.github},CORP\\${ANN.proxyUser};${ANN.ip}`,
  ...OTHERS.map(
    (p, i) =>
      `${p}@corp.example,${p[0].toUpperCase()}${p.slice(1)} Tester,Engineering/${i < 3 ? 'Platform' : 'Data'},${i === 0 ? ANN.email : ''},,CORP\\${p}`,
  ),
].join('\n');
const at = (d: number) => (Date.UTC(2026, 10, 20 + d, 9) / 1000).toFixed(3);
const squid = (user: string, ip: string, host: string, d: number) =>
  `${at(d)} 12 ${ip} TCP_MISS/200 2048 CONNECT ${host}:443 ${user} HIER_DIRECT/104.18.32.47 -`;

describe('Erasure of one person', () => {
  let t: TestApp;
  const logs: string[] = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const ids: Record<string, string> = {};
  let baselineBefore: Record<string, unknown>;
  let baselineId: string;
  let annFinding: string;

  const as = (role: `${Role}`) => bearer(t.tokens[role as Role]);
  const job = async (res: { body: { id?: string; jobId?: string } }) =>
    waitForJob(t, (res.body.jobId ?? res.body.id) as string);
  const upload = async (name: string, lines: string[]) =>
    job(
      await t.http
        .post(`/api/network/uploads?name=${name}`)
        .set(as('security'))
        .set('Content-Type', 'application/octet-stream')
        .send(Buffer.from(lines.join('\n') + '\n'))
        .expect(202),
    );
  const build = async (kind: string) => {
    const done = await job(
      await t.http.post('/api/reports').set(as('security')).send({ kind }).expect(202),
    );
    return (done.result as { reportId: string }).reportId;
  };
  /** Every row of every table as text: the database as a dump would show it. */
  const dump = () =>
    execFileSync('pg_dump', ['--data-only', '--no-owner', t.env.DATABASE_URL], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  const found = (text: string) =>
    [...IDENTIFIERS, ids.ann].filter((i) => text.toLowerCase().includes(i.toLowerCase()));

  beforeAll(async () => {
    // every log line the application writes, at its most talkative level
    const capture =
      (orig: typeof process.stdout.write) =>
      (chunk: unknown, ...rest: unknown[]): boolean => {
        logs.push(String(chunk));
        return (orig as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
      };
    process.stdout.write = capture(writes.out) as typeof process.stdout.write;
    process.stderr.write = capture(writes.err) as typeof process.stderr.write;
    t = await createTestApp({
      env: { LOG_LEVEL: 'verbose' },
      logger: ['error', 'warn', 'log', 'debug', 'verbose'],
    });
    await t.http
      .post('/api/people/imports/csv')
      .set(as('coe'))
      .send({ csv: DIRECTORY })
      .expect(201);
    const people = await t.http.get('/api/people').set(as('coe')).expect(200);
    for (const p of people.body as { id: string; email: string }[])
      ids[p.email === ANN.email ? 'ann' : p.email.split('@')[0]] = p.id;
    await t.http
      .post('/api/identities/links')
      .set(as('coe'))
      .send({ personId: ids.ann, kind: 'commit-email', value: ANN.commitEmail })
      .expect(201);
    await t.http.get(`/api/people/${ids.ann}`).set(as('coe')).expect(200);

    // network: Ann by proxy user and by her leased address; everyone else by user name
    await upload('proxy-1.log', [
      squid(`CORP\\${ANN.proxyUser}`, '10.40.0.5', 'chatgpt.com', 0),
      squid('-', ANN.ip, 'chat.deepseek.com', 1),
      ...OTHERS.map((p, i) => squid(`CORP\\${p}`, `10.40.1.${i}`, 'chatgpt.com', i % 3)),
    ]);
    // a repository commit by her and a Copilot seat of hers
    await t.app.get(EvidenceService).record([
      {
        toolId: 'claude-code',
        signal: 'commit-trailer',
        repository: 'corp/app',
        identityKind: 'commit-email',
        identityValue: ANN.commitEmail,
        firstSeen: new Date('2026-11-18T00:00:00Z'),
        lastSeen: new Date('2026-11-18T00:00:00Z'),
        detail: { commit: 'deadbeef', author: ANN.commitEmail, trailer: 'Co-Authored-By: Claude' },
        fingerprint: 'test:commit:deadbeef',
      },
      {
        toolId: 'github-copilot',
        signal: 'copilot-seat',
        identityKind: 'github',
        identityValue: ANN.github,
        firstSeen: new Date('2026-11-18T00:00:00Z'),
        lastSeen: new Date('2026-11-18T00:00:00Z'),
        detail: { login: ANN.github },
        fingerprint: `test:seat:${ANN.github}`,
      },
    ]);

    // an identified survey she answered
    const survey = await t.http
      .post('/api/surveys')
      .set(as('coe'))
      .send({ title: 'Inventory', privacyMode: 'identified', k: 2 })
      .expect(201);
    const issued = await t.http
      .post(`/api/surveys/${survey.body.id}/invitations`)
      .set(as('coe'))
      .send({ personIds: [ids.ann, ids.bob] })
      .expect(201);
    for (const link of issued.body.links as { url: string }[])
      await t.http
        .post(new URL(link.url).pathname)
        .type('form')
        .send('q_tools=chatgpt&q_frequency=daily&q_data=credentials&action=submit')
        .expect(200);

    await job(await t.http.post('/api/findings/correlate').set(as('security')).expect(202));
    const findings = await t.http
      .get('/api/findings?subjectType=person&limit=100')
      .set(as('security'))
      .expect(200);
    const items = findings.body.items as { id: string; subjectId: string; toolId: string }[];
    annFinding = items.find((f) => f.subjectId === ids.ann && f.toolId === 'deepseek-chat')!.id;
    await t.http
      .post(`/api/findings/${annFinding}/comments`)
      .set(as('security'))
      .send({ comment: `Spoke to ${ANN.name} (${ANN.email}) about DeepSeek` })
      .expect(204);
    const bobFinding = items.find((f) => f.subjectId === ids.bob)!.id;
    await t.http
      .post(`/api/findings/${bobFinding}/comments`)
      .set(as('security'))
      .send({ comment: `Same team as ${ANN.proxyUser}; see ${ANN.ip}` })
      .expect(204);

    baselineId = await build('baseline');
    await build('findings');
    await build('inventory');
    baselineBefore = (await t.http.get(`/api/reports/${baselineId}`).set(as('leader')).expect(200))
      .body;
  }, 120_000);

  afterAll(async () => {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    await t?.close();
  });

  it('should hold the person everywhere before, so the search below means something', () => {
    const before = dump();
    expect(found(before).sort()).toEqual([...IDENTIFIERS, ids.ann].sort());
  });

  it('should refuse erasure to roles other than admin and privacy', async () => {
    for (const role of ['security', 'coe', 'leader'] as const)
      await t.http
        .post('/api/privacy/erasures')
        .set(as(role))
        .send({ person: ANN.email, reason: 'left' })
        .expect(403);
    await t.http
      .post('/api/privacy/erasures')
      .set(as('privacy'))
      .send({ person: 'nobody@corp.example', reason: 'left the company' })
      .expect(404);
  });

  it('should erase them from every table and log while the last baseline keeps its figures', async () => {
    const res = await t.http
      .post('/api/privacy/erasures')
      .set(as('privacy'))
      .send({ person: ANN.email, reason: `${ANN.name} left; her request of 2026-11-28` })
      .expect(202);
    const erasureId: string = res.body.erasureId;
    let state = res.body.job;
    while (state.state !== 'completed' && state.state !== 'failed') {
      await new Promise((r) => setTimeout(r, 100));
      state = (await t.http.get(`/api/privacy/erasures/${erasureId}`).set(as('privacy'))).body;
    }
    expect(state).toMatchObject({ state: 'completed', progress: 100 });
    expect(state.result.counts).toMatchObject({
      persons: 1,
      identities: expect.any(Number),
      ipLeases: 1,
      findings: expect.any(Number),
      evidence: expect.any(Number),
      evidenceUnlinked: 1,
      networkRollups: expect.any(Number),
      surveyAnswers: 1,
      surveyInvitations: 1,
    });
    expect(state.result.counts.findings).toBeGreaterThanOrEqual(2);

    const after = dump();
    expect(found(after)).toEqual([]);
    expect(found(logs.join(''))).toEqual([]);

    // the baseline taken before is as it was; a new one counts one person fewer
    const baselineAfter = await t.http
      .get(`/api/reports/${baselineId}`)
      .set(as('leader'))
      .expect(200);
    expect(baselineAfter.body.model).toEqual(baselineBefore.model);
    const next = await t.http
      .get(`/api/reports/${await build('baseline')}`)
      .set(as('leader'))
      .expect(200);
    expect(next.body.model.headline.headcount).toBe(
      (baselineBefore.model as { headline: { headcount: number } }).headline.headcount - 1,
    );
    // the repository keeps its finding; Bob keeps his answer and his finding
    const repoFindings = await t.http
      .get('/api/findings?subjectType=repository')
      .set(as('security'))
      .expect(200);
    expect(repoFindings.body.items.map((f: { subjectId: string }) => f.subjectId)).toContain(
      'corp/app',
    );

    // the erasure is audited under its own id, with counts and without the person
    const audit = await t.dataSource.query(
      `SELECT action, target_id, detail FROM audit_event WHERE target_type = 'erasure' ORDER BY id`,
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'person.erasure-request',
      'person.erase',
    ]);
    expect(audit[1]).toMatchObject({
      target_id: erasureId,
      detail: { reason: '[erased] left; her request of 2026-11-28', counts: { persons: 1 } },
    });
  });

  it('should not bring them back from an old log, a new log or the old directory export', async () => {
    await upload('proxy-1-again.log', [
      squid(`CORP\\${ANN.proxyUser}`, '10.40.0.5', 'chatgpt.com', 0),
      squid('-', ANN.ip, 'chat.deepseek.com', 1),
      squid(`corp\\${ANN.proxyUser.toUpperCase()}`, '10.40.0.5', 'claude.ai', 5),
    ]);
    await t.app.get(EvidenceService).record([
      {
        toolId: 'github-copilot',
        signal: 'copilot-seat',
        identityKind: 'github',
        identityValue: ANN.github,
        firstSeen: new Date('2026-11-29T00:00:00Z'),
        lastSeen: new Date('2026-11-29T00:00:00Z'),
        detail: { login: ANN.github },
        fingerprint: `test:seat:${ANN.github}:2`,
      },
    ]);
    const reimport = await t.http
      .post('/api/people/imports/csv')
      .set(as('coe'))
      .send({ csv: DIRECTORY })
      .expect(201);
    expect(reimport.body.errors).toContain(
      'directory.csv: line 2: an erased person; not imported again',
    );
    await job(await t.http.post('/api/findings/correlate').set(as('security')).expect(202));
    // the new file's traffic still counts for the tool, under no one
    const usage = await t.http
      .get('/api/network/usage?level=tool&toolId=claude')
      .set(as('security'))
      .expect(200);
    expect(usage.body.tools[0]).toMatchObject({ requests: 1 });
    const dumped = dump();
    // the address is not a tombstone (addresses are reassigned): the old line comes back unattributed
    expect(found(dumped).filter((i) => i !== ANN.ip)).toEqual([]);
    const people = await t.http.get('/api/people').set(as('coe')).expect(200);
    expect(people.body).toHaveLength(OTHERS.length);
  });

  it('should erase through the CLI with --yes, refuse without it, and name no one in its output', () => {
    const env = { ...t.env, LOG_LEVEL: 'debug' };
    const refused = runCli(['person', 'erase', 'gina@corp.example', '--reason', 'left'], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('not confirmed: nothing erased (pass --yes)');
    const done = runCli(
      ['person', 'erase', 'gina@corp.example', '--reason', 'left the company', '--yes', '--json'],
      env,
    );
    expect(done.status).toBe(0);
    // debug logging writes Nest's lines to stdout before the JSON
    const result = JSON.parse(done.stdout.slice(done.stdout.search(/^\{/m)));
    expect(result).toMatchObject({ erasureId: expect.any(String), counts: { persons: 1 } });
    expect(`${done.stdout}${done.stderr}`).not.toMatch(/gina/i);
    expect(dump()).not.toMatch(/gina/i);
  });
});
