import { CONFIDENCE } from '../../src/evidence/confidence';
import type { EvidenceInput } from '../../src/evidence/evidence.types';
import { EvidenceService } from '../../src/evidence/evidence.service';
import { CorrelationService } from '../../src/findings/correlation/correlation.service';
import { OutreachService } from '../../src/guardrails/outreach/outreach.service';
import { runCli, runCliInProcess } from '../support/processes';
import { DIRECTORY_CSV } from '../support/survey-fixtures';
import { bearer, createTestApp, waitForJob, type TestApp } from '../support/test-app';
import { startTestSmtp, type CapturedMail } from '../support/test-smtp';

const PUBLIC_URL = 'https://census.example.org/ai';
const T0 = new Date('2026-11-01T00:00:00Z');
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

/** Traffic of one person to one tool; strong (3 days) or weak (one day, few requests). */
function traffic(email: string, toolId: string, strong: boolean): EvidenceInput {
  return {
    toolId,
    signal: 'network',
    identityKind: 'email',
    identityValue: email,
    firstSeen: day(1),
    lastSeen: day(strong ? 5 : 1),
    count: strong ? 60 : 3,
    confidence: strong
      ? CONFIDENCE.networkRecurring.confidence
      : CONFIDENCE.networkOneDayFew.confidence,
    detail: { domain: `${toolId}.example` },
    fingerprint: `net:${email}:${toolId}`,
  };
}

function linkOf(mail: CapturedMail, kind: 'clarify' | 'ack' | 'request'): string {
  const m = mail.text.match(new RegExp(`${PUBLIC_URL}/g/${kind}/[A-Za-z0-9_-]+`));
  if (!m) throw new Error(`no ${kind} link in the mail to ${mail.to.join(', ')}`);
  return m[0].slice(PUBLIC_URL.length);
}

const mailTo = (mails: CapturedMail[], address: string) =>
  mails.filter((m) => m.to.includes(address));

describe('guardrails outreach: ask instead of accuse', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let people: Record<string, string>;

  const finding = async (person: string, toolId: string) => {
    const [row] = await t.dataSource.query(
      `SELECT * FROM finding WHERE subject_id = $1 AND tool_id = $2`,
      [people[person], toolId],
    );
    return row;
  };
  const correlate = () => t.app.get(CorrelationService).correlate(day(10));

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({
      env: {
        SMTP_URL: smtp.url,
        SMTP_FROM: 'AI CoE <coe@example.com>',
        PUBLIC_URL: `${PUBLIC_URL}/`,
        PRIVACY_K_DEFAULT: '3',
      },
    });
    await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.coe))
      .send({ csv: DIRECTORY_CSV })
      .expect(201);
    const list = await t.http.get('/api/people').set(bearer(t.tokens.coe)).expect(200);
    people = Object.fromEntries(
      list.body.map((p: { email: string; id: string }) => [p.email.split('@')[0], p.id]),
    );
    // Everyone uses Cursor (Platform: alice…erin, Data: frank, gina); bob's DeepSeek is a lead.
    await t.app
      .get(EvidenceService)
      .record([
        ...['alice', 'bob', 'carol', 'dan', 'erin', 'frank', 'gina'].map((p) =>
          traffic(`${p}@example.com`, 'cursor', true),
        ),
        traffic('bob@example.com', 'deepseek-chat', false),
      ]);
    await t.http
      .put('/api/catalog/tools/github-copilot/policy')
      .set(bearer(t.tokens.coe))
      .send({ status: 'sanctioned', dataClasses: ['internal', 'public'] })
      .expect(200);
    await correlate();
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  describe('clarification requests', () => {
    it('should close a lead as not-use when the person answers no through the form, once', async () => {
      const lead = await finding('bob', 'deepseek-chat');
      expect(lead).toMatchObject({ strength: 'lead', triage_state: 'open' });
      await t.http
        .post('/api/guardrails/clarifications')
        .set(bearer(t.tokens.leader))
        .send({ findingIds: [lead.id] })
        .expect(403);
      const asked = await t.http
        .post('/api/guardrails/clarifications')
        .set(bearer(t.tokens.security))
        .send({ findingIds: [lead.id] })
        .expect(201);
      expect(asked.body.issued).toHaveLength(1);
      const url: string = asked.body.issued[0].urls.clarify;
      expect(url.startsWith(`${PUBLIC_URL}/g/clarify/`)).toBe(true);
      const path = url.slice(PUBLIC_URL.length);
      // only the hash of the link's secret is stored
      const stored = await t.dataSource.query(`SELECT token_hash FROM clarification_request`);
      expect(JSON.stringify(stored)).not.toContain(path.split('/').pop());

      const form = await t.http.get(path).expect(200);
      expect(form.headers['content-security-policy']).toContain("default-src 'none'");
      expect(form.headers['cache-control']).toBe('no-store');
      expect(form.text).toContain('<legend>Do you use DeepSeek');
      expect(form.text).toContain('<legend>With which kinds of data?</legend>');
      expect(form.text).toContain('<label class="option" for="uses_no">');
      expect(form.text).not.toContain('<script');

      const incomplete = await t.http.post(path).type('form').send({}).expect(400);
      expect(incomplete.text).toContain('role="alert"');

      const answered = await t.http.post(path).type('form').send({ uses: 'no' }).expect(200);
      expect(answered.text).toContain('you do not use DeepSeek');
      await expect(finding('bob', 'deepseek-chat')).resolves.toMatchObject({
        triage_state: 'false-positive',
      });
      const events = await t.dataSource.query(
        `SELECT action, detail FROM finding_event WHERE finding_id = $1 ORDER BY id`,
        [lead.id],
      );
      expect(events.map((e: { action: string }) => e.action)).toEqual([
        'clarify',
        'mark-false-positive',
      ]);
      expect(events[0].detail).toEqual({ uses: false, dataClasses: [] });

      // single use: the link refuses a second answer and no longer shows the form
      const again = await t.http.post(path).type('form').send({ uses: 'yes' }).expect(410);
      expect(again.text).toContain('already been used');
      await t.http.get(path).expect(410);
      await t.http.get('/g/clarify/not-a-real-token').expect(404);
      // the lead stays closed when correlation runs again
      await correlate();
      await expect(finding('bob', 'deepseek-chat')).resolves.toMatchObject({
        triage_state: 'false-positive',
      });
    });

    it('should mail the question and make the finding disclosed, with the data named, when the answer is yes', async () => {
      const before = await finding('carol', 'cursor');
      expect(before).toMatchObject({ strength: 'claim', disclosure: 'not-surveyed' });
      const sent = await t.http
        .post('/api/guardrails/clarifications')
        .set(bearer(t.tokens.coe))
        .send({ findingIds: [before.id], send: true })
        .expect(202);
      expect(sent.body.name).toBe('guardrails.send-mail');
      const job = await waitForJob(t, sent.body.id);
      expect(job).toMatchObject({ state: 'completed', result: { sent: 1, failed: 0 } });
      const [stored] = await t.dataSource.query(`SELECT data::text AS d FROM job WHERE id = $1`, [
        sent.body.id,
      ]);
      expect(stored.d).not.toMatch(/\/g\/clarify\//);
      const [mail] = mailTo(smtp.mails, 'carol@example.com');
      expect(mail.text).toContain('Subject: Do you use Cursor for work?');
      const path = linkOf(mail, 'clarify');
      await t.http
        .post(path)
        .type('form')
        .send('uses=yes&dataClasses=internal&dataClasses=pii')
        .expect(200);
      const after = await finding('carol', 'cursor');
      expect(after.disclosure).toBe('disclosed');
      expect(after.data_classes).toEqual(expect.arrayContaining(['internal', 'pii']));
      // correlation keeps the person's own word, also when new evidence re-scores the finding
      await t.app.get(EvidenceService).record([
        {
          ...traffic('carol@example.com', 'cursor', true),
          fingerprint: 'net:carol:cursor:2',
          lastSeen: day(8),
        },
      ]);
      await correlate();
      await expect(finding('carol', 'cursor')).resolves.toMatchObject({ disclosure: 'disclosed' });
      await t.http.post(path).type('form').send({ uses: 'no' }).expect(410);
    });

    it('should refuse to ask about a disclosed claim or a repository and keep small answer groups out of the summary', async () => {
      const disclosed = await finding('carol', 'cursor');
      await t.http
        .post('/api/guardrails/clarifications')
        .set(bearer(t.tokens.coe))
        .send({ findingIds: [disclosed.id] })
        .expect(409);
      const summary = await t.http
        .get('/api/guardrails/clarifications/summary')
        .set(bearer(t.tokens.leader))
        .expect(200);
      expect(summary.body.k).toBe(3);
      // one answer per tool: under k, so what was said is not shown
      expect(summary.body.tools).toEqual([
        {
          toolId: 'cursor',
          asked: 1,
          answered: null,
          saidYes: null,
          saidNo: null,
          dataClasses: {},
        },
        {
          toolId: 'deepseek-chat',
          asked: 1,
          answered: null,
          saidYes: null,
          saidNo: null,
          dataClasses: {},
        },
      ]);
    });
  });

  describe('nudges, acknowledgements and tool requests', () => {
    let nudgeMails: CapturedMail[];

    it('should refuse to nudge before an acceptable-use policy is published', async () => {
      const res = await t.http
        .post('/api/guardrails/nudges')
        .set(bearer(t.tokens.coe))
        .send({ toolId: 'cursor' })
        .expect(409);
      expect(res.body.message).toContain('POST /api/guardrails/aup');
    });

    it('should mail each person behind the tool its edited template with their own links', async () => {
      await t.http
        .post('/api/guardrails/aup')
        .set(bearer(t.tokens.coe))
        .send({
          version: '2026-11',
          title: 'AI acceptable use',
          url: 'https://intranet.example/aup',
        })
        .expect(201);
      const bad = await t.http
        .put('/api/guardrails/nudge-templates/cursor')
        .set(bearer(t.tokens.coe))
        .send({ subject: 'About {{tool}}', body: 'Hello {{nmae}}' })
        .expect(400);
      expect(bad.body.message).toContain('unknown placeholder {{nmae}}');
      await t.http
        .put('/api/guardrails/nudge-templates/cursor')
        .set(bearer(t.tokens.coe))
        .send({
          subject: 'Cursor and our AI policy',
          body: 'Hi {{name}}. {{policy}} Instead use: {{alternative}}.\nPolicy {{aupVersion}}: {{ackUrl}}\nReview: {{requestUrl}}',
        })
        .expect(200);
      const before = smtp.mails.length;
      const sent = await t.http
        .post('/api/guardrails/nudges')
        .set(bearer(t.tokens.coe))
        .send({ toolId: 'cursor', send: true })
        .expect(202);
      const job = await waitForJob(t, sent.body.id);
      expect(job).toMatchObject({ state: 'completed', result: { sent: 7, failed: 0 } });
      nudgeMails = smtp.mails.slice(before);
      expect(nudgeMails.map((m) => m.to[0]).sort()).toEqual(
        ['alice', 'bob', 'carol', 'dan', 'erin', 'frank', 'gina'].map((p) => `${p}@example.com`),
      );
      const alice = mailTo(nudgeMails, 'alice@example.com')[0].text;
      expect(alice).toContain('Subject: Cursor and our AI policy');
      expect(alice).toContain('Hi Alice Able. Cursor has not been reviewed and is not approved.');
      expect(alice).toContain('Instead use: GitHub Copilot.');
      expect(alice).toContain('Policy 2026-11: https://census.example.org/ai/g/ack/');
      const links = nudgeMails.map((m) => linkOf(m, 'ack'));
      expect(new Set(links).size).toBe(7);
    });

    it('should record acknowledgements once and show the rate by team in the baseline, small teams suppressed', async () => {
      for (const p of ['alice', 'bob', 'dan', 'frank']) {
        const path = linkOf(mailTo(nudgeMails, `${p}@example.com`)[0], 'ack');
        const page = await t.http.get(path).expect(200);
        expect(page.text).toContain('I have read the acceptable-use policy, version 2026-11');
        expect(page.text).toContain('href="https://intranet.example/aup"');
        await t.http.post(path).type('form').send({ confirm: 'yes' }).expect(200);
        await t.http.post(path).type('form').send({ confirm: 'yes' }).expect(410);
      }
      const acks = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM aup_acknowledgement WHERE aup_version = '2026-11'`,
      );
      expect(acks[0].n).toBe(4);

      const queued = await t.http
        .post('/api/reports')
        .set(bearer(t.tokens.leader))
        .send({ kind: 'baseline' })
        .expect(202);
      const job = await waitForJob(t, queued.body.id);
      const reportId = (job.result as { reportId: string }).reportId;
      const json = await t.http
        .get(`/api/reports/${reportId}/download?format=json`)
        .set(bearer(t.tokens.leader))
        .expect(200);
      const model = JSON.parse(json.text);
      expect(model.acknowledgements).toEqual({
        aupVersion: '2026-11',
        k: 3,
        overall: { asked: 7, acknowledged: 4, rate: 0.571 },
        teams: [
          { team: 'Engineering/Platform', asked: 5, acknowledged: 3, rate: 0.6 },
          // Engineering/Data was asked 2 people: pooled, and the pool is under k
          { team: 'Smaller teams (combined)', asked: null, acknowledged: null, rate: null },
        ],
      });
      expect(json.text).not.toContain('Engineering/Data');
      const csv = await t.http
        .get(`/api/reports/${reportId}/download?format=csv&part=acknowledgements`)
        .set(bearer(t.tokens.leader))
        .expect(200);
      expect(csv.text.split(/\r?\n/).filter(Boolean)).toEqual([
        'aup_version,team,asked,acknowledged,rate',
        '2026-11,Engineering/Platform,5,3,0.6',
        '2026-11,Smaller teams (combined),<3,<3,',
        '2026-11,All teams,7,4,0.571',
      ]);
      expect(csv.headers['content-disposition']).toMatch(/baseline-acknowledgements-/);
      const html = await t.http
        .get(`/api/reports/${reportId}/download?format=html`)
        .set(bearer(t.tokens.leader))
        .expect(200);
      expect(html.text).toContain('Acceptable-use policy acknowledged');
      expect(html.text).toMatch(
        /Engineering\/Platform<\/td><td class="num">5<\/td><td class="num">3<\/td><td class="num">60%/,
      );
      expect(html.text).not.toContain('@example.com');
      await t.http
        .get('/api/guardrails/acknowledgements')
        .set(bearer(t.tokens.leader))
        .expect(200)
        .expect((r) => expect(r.body.overall).toEqual({ asked: 7, acknowledged: 4, rate: 0.571 }));
    });

    it('should take a tool request from a nudge link into the CoE queue and change the policy on decision, telling the requester', async () => {
      const path = linkOf(mailTo(nudgeMails, 'gina@example.com')[0], 'request');
      const form = await t.http.get(path).expect(200);
      expect(form.text).toContain('<label class="block" for="reason">What do you need Cursor for?');
      const created = await t.http
        .post(path)
        .type('form')
        .send({ reason: 'Refactoring our data pipelines in Python', forTeam: 'yes' })
        .expect(303);
      const statusPath: string = created.headers.location.replace(/\?.*$/, '');
      expect(statusPath).toMatch(/^\/g\/status\/[A-Za-z0-9_-]+$/);
      await t.http
        .post(path)
        .type('form')
        .send({ reason: 'Refactoring our data pipelines again' })
        .expect(410);
      const status = await t.http.get(statusPath).expect(200);
      expect(status.text).toContain('waiting for the CoE');

      await t.http.get('/api/guardrails/tool-requests').set(bearer(t.tokens.leader)).expect(403);
      const queue = await t.http
        .get('/api/guardrails/tool-requests?status=open')
        .set(bearer(t.tokens.coe))
        .expect(200);
      expect(queue.body.items).toHaveLength(1);
      const request = queue.body.items[0];
      expect(request).toMatchObject({
        toolId: 'cursor',
        personId: people.gina,
        team: 'Engineering/Data',
        status: 'open',
      });
      expect(JSON.stringify(queue.body)).not.toMatch(/token/i);

      await t.http
        .post(`/api/guardrails/tool-requests/${request.id}/comments`)
        .set(bearer(t.tokens.coe))
        .send({ body: 'Which repositories would it touch?' })
        .expect(201);
      await t.http
        .post(statusPath)
        .type('form')
        .send({ comment: 'Only the internal pipelines repository.' })
        .expect(303);
      const detail = await t.http
        .get(`/api/guardrails/tool-requests/${request.id}`)
        .set(bearer(t.tokens.coe))
        .expect(200);
      expect(detail.body.comments.map((c: { byRequester: boolean }) => c.byRequester)).toEqual([
        false,
        true,
      ]);

      const before = smtp.mails.length;
      const decided = await t.http
        .post(`/api/guardrails/tool-requests/${request.id}/decision`)
        .set(bearer(t.tokens.coe))
        .send({ status: 'sanctioned', dataClasses: ['internal'], note: 'Sign in with SSO.' })
        .expect(201);
      expect(decided.body.request).toMatchObject({ status: 'decided', notified: 'mail' });
      await waitForJob(t, decided.body.job.id);
      const policy = await t.http
        .get('/api/catalog/tools/cursor')
        .set(bearer(t.tokens.leader))
        .expect(200);
      expect(JSON.stringify(policy.body)).toContain('"status":"sanctioned"');
      const audit = await t.http
        .get('/api/audit?action=policy.update&targetId=cursor')
        .set(bearer(t.tokens.admin))
        .expect(200);
      expect(audit.body[0]).toMatchObject({
        actorName: 'test-coe',
        detail: {
          before: { status: 'unreviewed' },
          after: { status: 'sanctioned', dataClasses: ['internal'] },
        },
      });
      const told = smtp.mails.slice(before);
      expect(told.map((m) => m.to)).toEqual([['gina@example.com']]);
      expect(told[0].text).toContain('Subject: Decision on Cursor: approved');
      expect(told[0].text).toContain('Sign in with SSO.');
      const page = await t.http.get(statusPath).expect(200);
      expect(page.text).toContain('Decision: Cursor is approved for internal data.');
      await t.http
        .post(`/api/guardrails/tool-requests/${request.id}/decision`)
        .set(bearer(t.tokens.coe))
        .send({ status: 'prohibited' })
        .expect(409);
    });

    it('should tell a requester without an address on their status page', async () => {
      const created = await t.http
        .post('/api/guardrails/tool-requests')
        .set(bearer(t.tokens.leader))
        .send({
          toolId: 'claude-code',
          reason: 'Our team wants to try agentic refactors',
          team: 'Engineering/Platform',
        })
        .expect(201);
      const statusPath = created.body.statusUrl.slice(PUBLIC_URL.length);
      const decided = await t.http
        .post(`/api/guardrails/tool-requests/${created.body.id}/decision`)
        .set(bearer(t.tokens.admin))
        .send({ status: 'under-review', note: 'Pilot in Q1.' })
        .expect(201);
      expect(decided.body).toMatchObject({ request: { notified: 'status-page' }, job: null });
      const page = await t.http.get(statusPath).expect(200);
      expect(page.text).toContain('Decision: Claude Code is kept under review. Pilot in Q1.');
    });
  });

  describe('CLI', () => {
    it('should issue a clarification link and nudges from the command line', async () => {
      const dan = await finding('dan', 'cursor');
      const clarify = runCli(['guardrails', 'clarify', dan.id, '--json'], t.env);
      expect(clarify.stderr).toBe('');
      expect(clarify.status).toBe(0);
      const issued = JSON.parse(clarify.stdout).issued;
      expect(issued).toEqual([
        expect.objectContaining({
          personId: people.dan,
          email: 'dan@example.com',
          toolId: 'cursor',
        }),
      ]);
      const form = await t.http.get(issued[0].urls.clarify.slice(PUBLIC_URL.length)).expect(200);
      expect(form.text).toContain('Do you use Cursor for work?');
      const audit = await t.http
        .get('/api/audit?action=clarification.create')
        .set(bearer(t.tokens.admin))
        .expect(200);
      expect(audit.body[0].actorName).toMatch(/^cli:/);

      // the same entry in this process from here
      const nudge = await runCliInProcess(
        ['guardrails', 'nudge', 'cursor', '--person', people.erin],
        t.env,
      );
      expect(nudge.status).toBe(0);
      expect(nudge.stdout).toMatch(
        /^erin@example\.com {2}https:\/\/census\.example\.org\/ai\/g\/ack\//,
      );
      const bad = await runCliInProcess(['guardrails', 'nudge', 'no-such-tool'], t.env);
      expect(bad.status).toBe(1);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    }, 240_000); // a CLI start-up, then two commands in-process, each booting the app
  });

  describe('person data', () => {
    it('should list what outreach holds about a person and erase it', async () => {
      const sut = t.app.get(OutreachService);
      const alice = await sut.personData(people.alice);
      const kinds = Object.fromEntries(alice.map((s) => [s.kind, s.rows]));
      expect(kinds['nudges']).toHaveLength(1);
      expect(kinds['aup-acknowledgements']).toEqual([
        { aupVersion: '2026-11', acknowledgedAt: expect.any(String) },
      ]);
      const gina = Object.fromEntries(
        (await sut.personData(people.gina)).map((s) => [s.kind, s.rows]),
      );
      expect(gina['tool-requests']).toEqual([
        expect.objectContaining({ toolId: 'cursor', status: 'decided' }),
      ]);
      await expect(sut.erasePerson(people.gina)).resolves.toEqual({
        acknowledgements: 0,
        nudges: 1,
        clarifications: 0,
        toolRequests: 1,
        requestComments: 1,
      });
      const after = await sut.personData(people.gina);
      expect(after.every((s) => s.rows.length === 0)).toBe(true);
      // the decision the request led to is kept, without the person
      const [kept] = await t.dataSource.query(
        `SELECT person_id, reason, status FROM tool_request WHERE tool_id = 'cursor'`,
      );
      expect(kept).toMatchObject({ person_id: null, status: 'decided' });
    });
  });
});
