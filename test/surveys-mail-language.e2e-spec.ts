import { DIRECTORY_CSV } from './support/survey-fixtures';
import { bearer, createTestApp, waitForJob, type TestApp } from './support/test-app';
import { startTestSmtp, type CapturedMail } from './support/test-smtp';

const PUBLIC_URL = 'https://census.example.org/ai';

function linkIn(mail: CapturedMail): string {
  const found = mail.text.match(/https:\/\/census\.example\.org\/ai\/s\/[A-Za-z0-9_-]+\?lang=\w+/);
  if (!found)
    throw new Error(`no survey link with a language in the mail to ${mail.to.join(', ')}`);
  return found[0];
}

describe('surveys: the survey’s own texts and its e-mails in other languages', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let dataTeam: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({
      env: {
        SMTP_URL: smtp.url,
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
    const teams = await t.http.get('/api/teams').set(bearer(t.tokens.leader)).expect(200);
    dataTeam = teams.body.find((x: { path: string }) => x.path === 'Engineering/Data').id;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  async function createSurvey(): Promise<string> {
    const created = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'Language test', description: 'Five minutes.', privacyMode: 'identified' })
      .expect(201);
    expect(created.body).toMatchObject({ translations: {}, invitationLanguage: 'en' });
    await t.http
      .put(`/api/surveys/${created.body.id}/questions`)
      .set(bearer(t.tokens.coe))
      .send({
        questions: [{ key: 'note', text: 'Anything to add?', kind: 'text', required: false }],
      })
      .expect(200);
    return created.body.id;
  }

  it('should mail a German invitation with a German link, whose form shows the German title', async () => {
    const id = await createSurvey();
    const saved = await t.http
      .put(`/api/surveys/${id}/texts`)
      .set(bearer(t.tokens.coe))
      .send({
        translations: { de: { title: 'Sprachtest', description: 'Fünf Minuten.' } },
        invitationLanguage: 'de',
      })
      .expect(200);
    expect(saved.body).toMatchObject({
      translations: { de: { title: 'Sprachtest', description: 'Fünf Minuten.' } },
      invitationLanguage: 'de',
    });

    // links handed out for the organisation's own mail merge open in German too
    const handed = await t.http
      .post(`/api/surveys/${id}/invitations`)
      .set(bearer(t.tokens.coe))
      .send({ teamId: dataTeam })
      .expect(201);
    expect(handed.body.links.map((l: { url: string }) => l.url)).toEqual([
      expect.stringMatching(/\/s\/[\w-]+\?lang=de$/),
      expect.stringMatching(/\/s\/[\w-]+\?lang=de$/),
    ]);

    smtp.mails.length = 0;
    const accepted = await t.http
      .post(`/api/surveys/${id}/invitations`)
      .set(bearer(t.tokens.coe))
      .send({ teamId: dataTeam, send: true })
      .expect(202);
    expect((await waitForJob(t, accepted.body.id)).result).toMatchObject({ sent: 2, failed: 0 });
    const gina = smtp.mails.find((m) => m.to[0] === 'gina@example.com')!;
    expect(gina.text).toContain('Subject: Umfrage: Sprachtest');
    expect(gina.text).toContain('Hallo Gina Gale,');
    expect(gina.text).toContain('Sie sind eingeladen, an der Umfrage „Sprachtest“ teilzunehmen.');
    expect(gina.text).toContain('Namentliche Umfrage');
    expect(gina.text).toContain('Er läuft am ');
    expect(gina.text).not.toMatch(/Hello|invited|Language test/);
    const link = linkIn(gina);
    expect(link).toMatch(/\?lang=de$/);

    // the link wins over a browser asking for English
    const form = await t.http
      .get(link.slice(PUBLIC_URL.length))
      .set('Accept-Language', 'en')
      .expect(200);
    expect(form.text).toContain('<h1>Sprachtest</h1>');
    expect(form.text).toContain('Fünf Minuten.');
    expect(form.text).toContain('Antworten absenden');
    // no Spanish wording yet: the original shows, never an empty heading
    const es = await t.http.get(link.slice(PUBLIC_URL.length).replace('lang=de', 'lang=es'));
    expect(es.text).toContain('<h1>Language test</h1>');
    expect(es.text).toContain('Five minutes.');

    // reminders follow the language chosen now; a title without Spanish stays as written
    await t.http
      .put(`/api/surveys/${id}/texts`)
      .set(bearer(t.tokens.coe))
      .send({ invitationLanguage: 'es' })
      .expect(200);
    smtp.mails.length = 0;
    const reminder = await t.http
      .post(`/api/surveys/${id}/reminders`)
      .set(bearer(t.tokens.coe))
      .send({ send: true })
      .expect(202);
    await waitForJob(t, reminder.body.id);
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[0].text).toContain(
      'Subject: Recordatorio: la encuesta «Language test» le espera',
    );
    expect(smtp.mails[0].text).toContain('Su enlace anterior ya no funciona');
    expect(linkIn(smtp.mails[0])).toMatch(/\?lang=es$/);
  });

  it('should refuse unknown languages and fields and the leader role, and audit a change', async () => {
    const id = await createSurvey();
    const bad = await t.http
      .put(`/api/surveys/${id}/texts`)
      .set(bearer(t.tokens.coe))
      .send({ translations: { fr: { title: 'Test' } } })
      .expect(400);
    expect(bad.body.message).toContain('"fr" is not a form language');
    await t.http
      .put(`/api/surveys/${id}/texts`)
      .set(bearer(t.tokens.coe))
      .send({ invitationLanguage: 'fr' })
      .expect(400);
    await t.http
      .put(`/api/surveys/${id}/texts`)
      .set(bearer(t.tokens.leader))
      .send({ invitationLanguage: 'de' })
      .expect(403);
    await t.http
      .put(`/api/surveys/${id}/texts`)
      .set(bearer(t.tokens.coe))
      .send({ translations: { es: { description: 'Cinco minutos.' } } })
      .expect(200);
    // a new wave keeps the e-mail language and the description's wording, not the old title's
    await t.http
      .put(`/api/surveys/${id}/texts`)
      .set(bearer(t.tokens.coe))
      .send({
        translations: { de: { title: 'Test', description: 'Fünf Minuten.' } },
        invitationLanguage: 'de',
      })
      .expect(200);
    const wave = await t.http
      .post(`/api/surveys/${id}/waves`)
      .set(bearer(t.tokens.coe))
      .send({})
      .expect(201);
    expect(wave.body).toMatchObject({
      translations: { de: { description: 'Fünf Minuten.' } },
      invitationLanguage: 'de',
    });
    expect(wave.body.translations.de.title).toBeUndefined();

    const audit = await t.dataSource.query(
      `SELECT detail FROM audit_event WHERE target_id = $1 AND action = 'survey.texts' ORDER BY id`,
      [id],
    );
    expect(audit).toEqual([
      { detail: { languages: ['es'], invitationLanguage: 'en' } },
      { detail: { languages: ['de'], invitationLanguage: 'de' } },
    ]);
  });

  it('should give a built-in template’s title in German and Spanish while the author keeps it', async () => {
    const kept = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({
        title: 'AI adoption and enablement pulse',
        privacyMode: 'anonymous',
        template: 'ai-adoption-pulse',
      })
      .expect(201);
    expect(kept.body.translations).toEqual({
      de: { title: 'Puls zu KI-Einsatz und -Befähigung' },
      es: { title: 'Pulso de adopción y capacitación en IA' },
    });
    const own = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'Our own pulse', privacyMode: 'anonymous', template: 'ai-adoption-pulse' })
      .expect(201);
    expect(own.body.translations).toEqual({});
  });
});
