import { chromium, type Browser, type Page } from 'playwright-core';
import { SurveysService } from '../src/surveys/surveys.service';
import { DIRECTORY_CSV } from './support/survey-fixtures';
import { bearer, createTestApp, type TestApp } from './support/test-app';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

describe('surveys: invitations and the respondent form', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let people: Record<string, string>;
  let teams: Record<string, string>;

  const pathOf = (url: string) => new URL(url).pathname;

  /** Runs an action that posts the form and waits for the answer page, so reads see the new page. */
  async function submitting(page: Page, action: () => Promise<void>): Promise<void> {
    await Promise.all([page.waitForEvent('load'), action()]);
  }

  async function openForm(url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}${pathOf(url)}`);
    return page;
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { SURVEY_PSEUDONYM_KEY: 'k'.repeat(48) } });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
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
    await browser?.close();
    await t?.close();
  });

  it('should answer 401 without a token and 403 for roles a route does not admit', async () => {
    await t.http.get('/api/surveys').expect(401);
    await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.security))
      .send({ title: 'x', privacyMode: 'identified' })
      .expect(403);
    await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.leader))
      .send({ title: 'x', privacyMode: 'identified' })
      .expect(403);
    await t.http.get('/api/people').set(bearer(t.tokens.leader)).expect(403);
    await t.http.get('/api/identities/unresolved').set(bearer(t.tokens.leader)).expect(403);
  });

  it('should collect identified answers through the real form, with save and resume, single-use and expiring links', async () => {
    const created = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'AI-usage inventory 2026', privacyMode: 'identified', k: 3 })
      .expect(201);
    const surveyId: string = created.body.id;
    expect(
      created.body.questions.map((q: { key: string; kind: string }) => `${q.key}:${q.kind}`),
    ).toEqual([
      'tools:tool-picker',
      'tools_other:text',
      'frequency:single',
      'work_kinds:multiple',
      'data:multiple',
      'approved:single',
      'account:single',
      'wished_tool:tool-picker',
      'comments:text',
    ]);

    const csv = await t.http
      .post(`/api/surveys/${surveyId}/invitations?format=csv`)
      .set(bearer(t.tokens.coe))
      .send({ teamId: teams['Engineering/Platform'] })
      .expect(201);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const csvLines = csv.text.trim().split('\r\n');
    expect(csvLines[0]).toBe('email,name,survey,link,expires');
    expect(csvLines).toHaveLength(6);
    // Issuing again rotates the links; the CSV's links are now dead and these are the live ones.
    const issued = await t.http
      .post(`/api/surveys/${surveyId}/invitations`)
      .set(bearer(t.tokens.coe))
      .send({ teamId: teams['Engineering/Platform'] })
      .expect(201);
    expect(issued.body.issued).toBe(5);
    const link = Object.fromEntries(
      issued.body.links.map((l: { email: string; url: string }) => [l.email.split('@')[0], l.url]),
    );
    const stored = await t.dataSource.query(
      `SELECT token_hash FROM survey_invitation WHERE survey_id = $1`,
      [surveyId],
    );
    for (const row of stored)
      expect(Object.values(link).some((url) => (url as string).includes(row.token_hash))).toBe(
        false,
      );

    // Alice: mouse, with a validation round-trip first.
    const alice = await openForm(link.alice);
    await expect(alice.locator('.privacy').textContent()).resolves.toContain('Identified survey');
    await alice.locator('#q_tools').getByLabel('Cursor', { exact: true }).check();
    await submitting(alice, () => alice.getByRole('button', { name: 'Submit answers' }).click());
    await expect(alice.getByRole('alert').textContent()).resolves.toContain('needs an answer');
    await expect(
      alice.locator('#q_tools').getByLabel('Cursor', { exact: true }).isChecked(),
    ).resolves.toBe(true);
    await alice.locator('#q_frequency').getByLabel('Daily').check();
    await alice.locator('#q_data').getByLabel('Internal source code').check();
    await alice.locator('#q_account').getByLabel('A personal account').check();
    await alice.getByLabel('Other AI tools not in the list').fill('sometimes chat gpt');
    await submitting(alice, () => alice.getByRole('button', { name: 'Submit answers' }).click());
    await expect(alice.locator('h1').textContent()).resolves.toBe('Thank you');

    // Bob: keyboard only.
    const bob = await openForm(link.bob);
    await bob.locator('#q_tools input').first().focus();
    const cursorIndex = await bob
      .locator('#q_tools input')
      .evaluateAll((inputs) => inputs.findIndex((i) => (i as HTMLInputElement).value === 'cursor'));
    for (let i = 0; i < cursorIndex; i++) await bob.keyboard.press('Tab');
    await bob.keyboard.press('Space');
    await bob.locator('#q_frequency_1').focus();
    await bob.keyboard.press('Space');
    await bob.getByRole('button', { name: 'Submit answers' }).focus();
    await submitting(bob, () => bob.keyboard.press('Enter'));
    await expect(bob.locator('h1').textContent()).resolves.toBe('Thank you');

    // Carol saves, leaves, and resumes from the same link.
    const carol = await openForm(link.carol);
    await carol.locator('#q_tools').getByLabel('Cursor', { exact: true }).check();
    await carol.locator('#q_tools').getByLabel('ChatGPT', { exact: true }).check();
    await submitting(carol, () =>
      carol.getByRole('button', { name: 'Save and finish later' }).click(),
    );
    await expect(carol.getByRole('status').textContent()).resolves.toContain('saved');
    await carol.close();
    const carolAgain = await openForm(link.carol);
    await expect(
      carolAgain.locator('#q_tools').getByLabel('ChatGPT', { exact: true }).isChecked(),
    ).resolves.toBe(true);
    await carolAgain.locator('#q_frequency').getByLabel('Weekly').check();
    await submitting(carolAgain, () =>
      carolAgain.getByRole('button', { name: 'Submit answers' }).click(),
    );
    await expect(carolAgain.locator('h1').textContent()).resolves.toBe('Thank you');

    const reused = await openForm(link.alice);
    await expect(reused.locator('h1').textContent()).resolves.toBe('Link already used');
    await t.dataSource.query(
      `UPDATE survey_invitation SET expires_at = now() - interval '1 day' WHERE person_id = $1`,
      [people.erin],
    );
    const expired = await t.http.get(pathOf(link.erin)).expect(410);
    expect(expired.text).toContain('Link expired');
    await t.http.get('/s/not-a-real-link-token-at-all').expect(404);

    const rows = await t.dataSource.query(
      `SELECT person_id, tool_ids, submitted_on::text AS day FROM survey_response WHERE survey_id = $1 ORDER BY tool_ids`,
      [surveyId],
    );
    expect(
      rows.map((r: { person_id: string; tool_ids: string[] }) => [r.person_id, r.tool_ids]).sort(),
    ).toEqual(
      [
        [people.alice, ['chatgpt', 'cursor']],
        [people.bob, ['cursor']],
        [people.carol, ['chatgpt', 'cursor']],
      ].sort(),
    );
    await expect(
      t.dataSource.query(`SELECT count(*)::int AS n FROM survey_draft`),
    ).resolves.toEqual([{ n: 0 }]);

    // Results: k = 3, so cursor (3) shows and chatgpt (2) does not; the leader sees the same aggregates.
    const results = await t.http
      .get(`/api/surveys/${surveyId}/results`)
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(results.body.respondents).toBe(3);
    expect(results.body.toolUse).toEqual([
      { toolId: 'cursor', respondents: 3 },
      { toolId: 'chatgpt', respondents: null },
    ]);
    expect(results.body.dataShared['internal-code']).toBeNull();
    expect(results.body.responseRateByTeam).toEqual([
      // 2 of 5 still pending is under k, and would give away the 3 who answered.
      { team: 'Engineering/Platform', invited: 5, responded: null, rate: null, suppressed: true },
    ]);
    expect(JSON.stringify(results.body)).not.toMatch(/@example\.com|Alice/);
    await t.http.get(`/api/surveys/${surveyId}/responses`).set(bearer(t.tokens.leader)).expect(403);
    const responses = await t.http
      .get(`/api/surveys/${surveyId}/responses`)
      .set(bearer(t.tokens.coe))
      .expect(200);
    expect(responses.body).toHaveLength(3);
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_event WHERE target_id = $1 AND action = 'survey-response.read'`,
      [surveyId],
    );
    expect(audit).toHaveLength(1);

    const correlation = await t.app.get(SurveysService).disclosuresForCorrelation();
    expect(correlation.surveyedPersonIds).toEqual(
      [people.alice, people.bob, people.carol, people.dan, people.erin].sort(),
    );
    // Invited is not answered: only those who submitted count as respondents (reports' response rate).
    expect(correlation.respondentPersonIds).toEqual(
      [people.alice, people.bob, people.carol].sort(),
    );
    expect(correlation.disclosures).toContainEqual({
      personId: people.alice,
      surveyId,
      toolId: 'chatgpt',
      dataClasses: ['internal'],
      account: 'personal',
      // typed as "chat gpt": a misspelt name is a weaker disclosure
      confidence: 0.7,
    });
  });

  it('should keep nothing that links an anonymous answer to its respondent', async () => {
    const created = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'Anonymous pulse', privacyMode: 'anonymous', k: 2 })
      .expect(201);
    const surveyId: string = created.body.id;
    const issued = await t.http
      .post(`/api/surveys/${surveyId}/invitations`)
      .set(bearer(t.tokens.coe))
      .send({ teamId: teams['Engineering/Data'] })
      .expect(201);
    const open = await t.http
      .post(`/api/surveys/${surveyId}/open-link`)
      .set(bearer(t.tokens.coe))
      .expect(201);

    const frankLink = issued.body.links.find(
      (l: { email: string }) => l.email === 'frank@example.com',
    ).url;
    const frank = await openForm(frankLink);
    await expect(frank.locator('.privacy').textContent()).resolves.toContain(
      'nothing that links your answers to you is kept',
    );
    await frank.locator('#q_tools').getByLabel('Claude Code').check();
    await frank.locator('#q_frequency').getByLabel('Daily').check();
    await frank.locator('#q_data').getByLabel('Customer data or personal data (PII)').check();
    await submitting(frank, () => frank.getByRole('button', { name: 'Submit answers' }).click());
    await expect(frank.locator('h1').textContent()).resolves.toBe('Thank you');

    // Someone on the open link saves, gets a private resume link, and submits from it.
    const visitor = await openForm(open.body.url);
    await visitor.locator('#q_tools').getByLabel('Claude Code').check();
    await submitting(visitor, () =>
      visitor.getByRole('button', { name: 'Save and finish later' }).click(),
    );
    expect(new URL(visitor.url()).pathname).toMatch(/^\/s\/resume\//);
    await visitor.locator('#q_frequency').getByLabel('Weekly').check();
    await submitting(visitor, () =>
      visitor.getByRole('button', { name: 'Submit answers' }).click(),
    );
    await expect(visitor.locator('h1').textContent()).resolves.toBe('Thank you');

    const columns = await t.dataSource.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'survey_response' ORDER BY column_name`,
    );
    expect(
      columns.map(
        (c: { column_name: string; data_type: string }) => `${c.column_name}:${c.data_type}`,
      ),
    ).toEqual([
      'answers:jsonb',
      'id:uuid',
      'person_id:uuid',
      'pseudonym:text',
      'respondent_key:text',
      'source:text',
      'submitted_on:date',
      'survey_id:uuid',
      'team:text',
      'tool_confidence:jsonb',
      'tool_ids:ARRAY',
    ]);
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      `SELECT row_to_json(r)::text AS json, r.* FROM survey_response r WHERE survey_id = $1`,
      [surveyId],
    );
    expect(rows).toHaveLength(2);
    // Frank's invitation keeps his team (two people, k = 2); the open link names no one.
    expect(rows.map((r) => r.team).sort()).toEqual(['Engineering/Data', null]);
    const secrets = [
      people.frank,
      people.gina,
      'frank',
      'gina',
      ...issued.body.links.map((l: { url: string }) => pathOf(l.url).split('/').pop()),
      pathOf(open.body.url).split('/').pop(),
      ...(
        await t.dataSource.query(
          `SELECT id, token_hash FROM survey_invitation WHERE survey_id = $1`,
          [surveyId],
        )
      ).flatMap((r: { id: string; token_hash: string }) => [r.id, r.token_hash]),
    ];
    for (const row of rows) {
      expect([row.person_id, row.pseudonym, row.respondent_key]).toEqual([null, null, null]);
      for (const secret of secrets) expect(row.json as string).not.toContain(secret);
    }
    const days = await t.dataSource.query(
      `SELECT submitted_on::text AS day FROM survey_response WHERE survey_id = $1`,
      [surveyId],
    );
    for (const d of days) expect(d.day).toBeNull();
    await expect(
      t.dataSource.query(`SELECT count(*)::int AS n FROM survey_draft WHERE survey_id = $1`, [
        surveyId,
      ]),
    ).resolves.toEqual([{ n: 0 }]);
    const invitation = await t.dataSource.query(
      `SELECT responded_on::text AS day FROM survey_invitation WHERE person_id = $1 AND survey_id = $2`,
      [people.frank, surveyId],
    );
    expect(invitation[0].day).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Nor does the transaction id PostgreSQL stamps on each row pair an invitation with an answer.
    const xids = await t.dataSource.query(
      `SELECT xmin::text AS x FROM survey_response WHERE survey_id = $1
       UNION SELECT xmin::text FROM survey_invitation WHERE survey_id = $1`,
      [surveyId],
    );
    expect(xids).toHaveLength(1);
    const correlation = await t.app.get(SurveysService).disclosuresForCorrelation();
    expect(correlation.disclosures.some((d) => d.surveyId === surveyId)).toBe(false);
    expect(correlation.surveyedPersonIds).not.toContain(people.frank);
    const responses = await t.http
      .get(`/api/surveys/${surveyId}/responses`)
      .set(bearer(t.tokens.security))
      .expect(200);
    expect(responses.body.every((r: { personId: unknown }) => r.personId === null)).toBe(true);
  });

  it('should show pseudonymous answers under a code to the CoE and by person only to security', async () => {
    const created = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'Pseudonymous', privacyMode: 'pseudonymous' })
      .expect(201);
    const surveyId: string = created.body.id;
    expect(created.body.k).toBe(5);
    const issued = await t.http
      .post(`/api/surveys/${surveyId}/invitations`)
      .set(bearer(t.tokens.coe))
      .send({ personIds: [people.gina] })
      .expect(201);
    await t.http
      .post(pathOf(issued.body.links[0].url))
      .type('form')
      .send('q_tools=windsurf&q_frequency=daily&q_data=credentials&action=submit')
      .expect(200);
    const coe = await t.http
      .get(`/api/surveys/${surveyId}/responses`)
      .set(bearer(t.tokens.coe))
      .expect(200);
    expect(coe.body[0]).toMatchObject({
      personId: null,
      pseudonym: expect.stringMatching(/^ps_[0-9a-f]{40}$/),
    });
    const security = await t.http
      .get(`/api/surveys/${surveyId}/responses`)
      .set(bearer(t.tokens.security))
      .expect(200);
    expect(security.body[0].personId).toBe(people.gina);
    const [row] = await t.dataSource.query(
      `SELECT person_id FROM survey_response WHERE survey_id = $1`,
      [surveyId],
    );
    expect(row.person_id).toBeNull();
    const correlation = await t.app.get(SurveysService).disclosuresForCorrelation();
    expect(correlation.disclosures).toContainEqual({
      personId: people.gina,
      surveyId,
      toolId: 'windsurf',
      dataClasses: ['confidential'],
      account: 'unknown',
      confidence: 1,
    });
    // Fewer than k answered: nothing below the total is shown.
    const results = await t.http
      .get(`/api/surveys/${surveyId}/results`)
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(results.body).toMatchObject({ respondents: null, suppressedAll: true, toolUse: [] });
  });
});
