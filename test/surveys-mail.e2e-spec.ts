import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DIRECTORY_CSV } from './support/survey-fixtures';
import { bearer, createTestApp, waitForJob, type TestApp } from './support/test-app';

interface ReceivedMail {
  to: string[];
  raw: string;
}

const PUBLIC_URL = 'https://census.example.org/ai';
const REJECTED = 'frank@example.com';

/** Undoes quoted-printable soft breaks and escapes, enough to read links and words. */
function readable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function linkIn(mail: ReceivedMail): string {
  const found = readable(mail.raw).match(/https:\/\/census\.example\.org\/ai\/s\/[A-Za-z0-9_-]+/);
  if (!found) throw new Error(`no survey link in the mail to ${mail.to.join(', ')}`);
  return found[0];
}

describe('surveys: invitations and reminders by e-mail', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  let received: ReceivedMail[];
  let people: Record<string, string>;
  let teams: Record<string, string>;

  beforeAll(async () => {
    received = [];
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address === REJECTED)
          return callback(Object.assign(new Error('no such mailbox'), { responseCode: 550 }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((a) => a.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        SMTP_FROM: 'AI CoE <coe@example.com>',
        PUBLIC_URL: `${PUBLIC_URL}/`,
        SURVEY_PSEUDONYM_KEY: 'k'.repeat(48),
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
    const teamList = await t.http.get('/api/teams').set(bearer(t.tokens.leader)).expect(200);
    teams = Object.fromEntries(
      teamList.body.map((x: { path: string; id: string }) => [x.path, x.id]),
    );
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(resolve) : resolve()));
  });

  async function createSurvey(privacyMode: string): Promise<string> {
    const created = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: `Mail test ${privacyMode}`, privacyMode, k: 3 })
      .expect(201);
    await t.http
      .put(`/api/surveys/${created.body.id}/questions`)
      .set(bearer(t.tokens.coe))
      .send({
        questions: [{ key: 'note', text: 'Anything to add?', kind: 'text', required: false }],
      })
      .expect(200);
    return created.body.id;
  }

  it('should mail each invited person their own working link, then remind only those who have not answered', async () => {
    const surveyId = await createSurvey('pseudonymous');
    const accepted = await t.http
      .post(`/api/surveys/${surveyId}/invitations`)
      .set(bearer(t.tokens.coe))
      .send({ teamId: teams['Engineering/Platform'], send: true })
      .expect(202);
    expect(accepted.body.name).toBe('surveys.send-mail');
    expect(JSON.stringify(accepted.body)).not.toMatch(/\/s\//);
    const job = await waitForJob(t, accepted.body.id);
    expect(job).toMatchObject({
      state: 'completed',
      progress: 100,
      counts: { sent: 5, failed: 0, total: 5 },
      result: { kind: 'invitation', total: 5, sent: 5, failed: 0, failures: [] },
    });
    // The job's stored data names people, never a personal link.
    const [stored] = await t.dataSource.query(`SELECT data::text AS data FROM job WHERE id = $1`, [
      accepted.body.id,
    ]);
    expect(stored.data).not.toMatch(/\/s\/[A-Za-z0-9_-]{8,}/);

    expect(received.map((m) => m.to).sort()).toEqual([
      ['alice@example.com'],
      ['bob@example.com'],
      ['carol@example.com'],
      ['dan@example.com'],
      ['erin@example.com'],
    ]);
    const links = new Map(received.map((m) => [m.to[0], linkIn(m)]));
    expect(new Set(links.values()).size).toBe(5);
    const alice = readable(received.find((m) => m.to[0] === 'alice@example.com')!.raw);
    expect(alice).toContain('From: AI CoE <coe@example.com>');
    expect(alice).toContain('Subject: Survey: Mail test pseudonymous');
    expect(alice).toContain('Hello Alice Able,');
    expect(alice).toContain('Pseudonymous survey: your answers are stored under a code');
    expect(alice).toContain('Content-Type: text/html');

    const pathOf = (url: string) => url.slice(PUBLIC_URL.length);
    const form = await t.http.get(pathOf(links.get('alice@example.com')!)).expect(200);
    expect(form.text).toContain('Anything to add?');
    expect(form.text).toContain('Pseudonymous survey');
    await t.http
      .post(pathOf(links.get('bob@example.com')!))
      .type('form')
      .send('q_note=all%20good&action=submit')
      .expect(200);

    received.length = 0;
    const reminder = await t.http
      .post(`/api/surveys/${surveyId}/reminders`)
      .set(bearer(t.tokens.coe))
      .send({ send: true })
      .expect(202);
    const reminded = await waitForJob(t, reminder.body.id);
    expect(reminded.result).toMatchObject({ kind: 'reminder', total: 4, sent: 4, failed: 0 });
    expect(received.map((m) => m.to[0]).sort()).toEqual([
      'alice@example.com',
      'carol@example.com',
      'dan@example.com',
      'erin@example.com',
    ]);
    const carol = received.find((m) => m.to[0] === 'carol@example.com')!;
    expect(readable(carol.raw)).toContain('Your earlier link no longer works');
    // The reminder's link works; the one from the invitation no longer does.
    await t.http.get(pathOf(linkIn(carol))).expect(200);
    await t.http.get(pathOf(links.get('carol@example.com')!)).expect(404);

    const audit = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE target_id = $1 ORDER BY id`,
      [surveyId],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['survey.invite.send', 'survey.remind.send']),
    );
  });

  it('should report a recipient the server rejects as failed and still send to the others', async () => {
    received.length = 0;
    const surveyId = await createSurvey('identified');
    const accepted = await t.http
      .post(`/api/surveys/${surveyId}/invitations`)
      .set(bearer(t.tokens.admin))
      .send({ everyone: true, send: true })
      .expect(202);
    const job = await waitForJob(t, accepted.body.id);
    expect(job.state).toBe('completed');
    expect(job.result).toMatchObject({
      total: 7,
      sent: 6,
      failed: 1,
      failures: [{ personId: people.frank, email: REJECTED, reason: expect.stringMatching(/550/) }],
    });
    // One pooled connection carries the whole run: after the rejection the rest still go out.
    const to = received.map((m) => m.to[0]).sort();
    expect(to).toHaveLength(6);
    expect(to).not.toContain(REJECTED);
    expect(to).toContain('gina@example.com');
    expect(readable(received[0].raw)).toContain('Identified survey: your answers are stored');
  });

  it('should refuse sending to the leader role and check input before queueing', async () => {
    const surveyId = await createSurvey('anonymous');
    await t.http
      .post(`/api/surveys/${surveyId}/invitations`)
      .set(bearer(t.tokens.leader))
      .send({ everyone: true, send: true })
      .expect(403);
    await t.http
      .post(`/api/surveys/${surveyId}/reminders`)
      .set(bearer(t.tokens.leader))
      .send({ send: true })
      .expect(403);
    const none = await t.http
      .post(`/api/surveys/${surveyId}/invitations`)
      .set(bearer(t.tokens.coe))
      .send({ send: true })
      .expect(400);
    expect(none.body.message).toMatch(/no one to invite/);
    await t.http
      .post(`/api/surveys/${surveyId}/reminders`)
      .set(bearer(t.tokens.coe))
      .send({ send: true })
      .expect(409);
  });

  it('should answer 503 naming SMTP_URL when sending is asked without a mail server', async () => {
    const bare = await createTestApp();
    try {
      const created = await bare.http
        .post('/api/surveys')
        .set(bearer(bare.tokens.coe))
        .send({ title: 'No mail', privacyMode: 'identified' })
        .expect(201);
      const res = await bare.http
        .post(`/api/surveys/${created.body.id}/invitations`)
        .set(bearer(bare.tokens.coe))
        .send({ everyone: true, send: true })
        .expect(503);
      expect(res.body.message).toContain('SMTP_URL');
      const remind = await bare.http
        .post(`/api/surveys/${created.body.id}/reminders`)
        .set(bearer(bare.tokens.coe))
        .send({ send: true })
        .expect(503);
      expect(remind.body.message).toContain('SMTP_URL');
    } finally {
      await bare.close();
    }
  });

  it('should not mail links to the Host a request names when PUBLIC_URL is unset', async () => {
    const port = (smtp.server.address() as AddressInfo).port;
    const noPublicUrl = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    try {
      await noPublicUrl.http
        .post('/api/people/imports/csv')
        .set(bearer(noPublicUrl.tokens.coe))
        .send({ csv: DIRECTORY_CSV })
        .expect(201);
      const created = await noPublicUrl.http
        .post('/api/surveys')
        .set(bearer(noPublicUrl.tokens.coe))
        .send({ title: 'Host header', privacyMode: 'anonymous' })
        .expect(201);
      const before = received.length;
      const res = await noPublicUrl.http
        .post(`/api/surveys/${created.body.id}/invitations`)
        .set(bearer(noPublicUrl.tokens.coe))
        .set('Host', 'census.attacker.example')
        .send({ everyone: true, send: true })
        .expect(400);
      expect(res.body).toMatchObject({
        error: 'invalid-input',
        message: expect.stringMatching(/^e-mailing survey links needs PUBLIC_URL/),
      });
      expect(received.length).toBe(before);
    } finally {
      await noPublicUrl.close();
    }
  });
});
