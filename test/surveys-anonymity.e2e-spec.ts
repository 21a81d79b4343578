import { createHash } from 'node:crypto';
import { PeopleService } from '../src/people/people.service';
import { startProcess, stopProcess, waitFor } from './support/processes';
import { DIRECTORY_CSV } from './support/survey-fixtures';
import { bearer, createTestApp, type TestApp } from './support/test-app';

/**
 * An anonymous answer must not be linkable to the invitation that was used for it: not through the
 * SQL log at LOG_LEVEL=verbose, not through dates, not through the order rows lie in.
 */
describe('anonymous survey answers', () => {
  let t: TestApp;
  let api: ReturnType<typeof startProcess> | undefined;
  let baseUrl: string;
  let surveyId: string;
  let frankToken: string;
  let openPath: string;
  const MARKER = 'frank-wrote-this-7d1c';

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(PeopleService).importDirectoryCsv(DIRECTORY_CSV);
    const teams = await t.http.get('/api/teams').set(bearer(t.tokens.leader)).expect(200);
    const data = teams.body.find((x: { path: string }) => x.path === 'Engineering/Data');
    const created = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'Anonymous pulse', privacyMode: 'anonymous', k: 2 })
      .expect(201);
    surveyId = created.body.id;
    const issued = await t.http
      .post(`/api/surveys/${surveyId}/invitations`)
      .set(bearer(t.tokens.coe))
      .send({ teamId: data.id })
      .expect(201);
    const frankUrl = issued.body.links.find(
      (l: { email: string }) => l.email === 'frank@example.com',
    ).url;
    frankToken = new URL(frankUrl).pathname.split('/').pop()!;
    const open = await t.http
      .post(`/api/surveys/${surveyId}/open-link`)
      .set(bearer(t.tokens.coe))
      .expect(201);
    openPath = new URL(open.body.url).pathname;

    // The answers go through a real API process logging every SQL statement.
    api = startProcess('main.js', { ...t.env, LOG_LEVEL: 'verbose', PORT: '0' });
    baseUrl = await waitFor(
      () => /Listening on (http:\/\/\S+?) /.exec(api!.output())?.[1],
      'the API to listen',
    ).then((u) => u.replace('localhost', '127.0.0.1'));
  });
  afterAll(async () => {
    if (api) await stopProcess(api);
    await t.close();
  });

  async function answer(path: string, other: string): Promise<void> {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        q_tools: 'claude-code',
        q_frequency: 'daily',
        q_tools_other: other,
        action: 'submit',
      }).toString(),
    });
    expect(res.status).toBe(200);
    await expect(res.text()).resolves.toContain('Thank you');
  }

  it('should log SQL statements without the invitation id, its token hash or the answer', async () => {
    await answer(`/s/${frankToken}`, MARKER);
    const [invitation] = await t.dataSource.query(
      `SELECT i.id, i.token_hash FROM survey_invitation i JOIN person p ON p.id = i.person_id
       WHERE i.survey_id = $1 AND p.email = 'frank@example.com'`,
      [surveyId],
    );
    expect(invitation.token_hash).toBe(createHash('sha256').update(frankToken).digest('hex'));
    const log = api!.output();
    expect(log).toMatch(/INSERT INTO "survey_response"/);
    expect(log).toMatch(/UPDATE survey_invitation SET responded_on/);
    for (const secret of [invitation.id, invitation.token_hash, frankToken, MARKER])
      expect(log).not.toContain(secret);
  });

  it('should keep no submission day on an anonymous answer, only on the invitation used', async () => {
    const rows = await t.dataSource.query(
      `SELECT r.submitted_on, i.responded_on::text AS responded
       FROM survey_response r, survey_invitation i
       WHERE r.survey_id = $1 AND i.survey_id = $1 AND i.responded_on IS NOT NULL`,
      [surveyId],
    );
    expect(rows).toEqual([{ submitted_on: null, responded: expect.stringMatching(/^\d{4}-/) }]);
  });

  it('should not keep anonymous answers in the order they were submitted', async () => {
    const order = Array.from({ length: 9 }, (_, i) => `answer-${i}`);
    for (const other of order) await answer(openPath, other);
    const stored: { other: string; id: string }[] = await t.dataSource.query(
      `SELECT id, answers->>'tools_other' AS other FROM survey_response
       WHERE survey_id = $1 AND answers->>'tools_other' LIKE 'answer-%' ORDER BY ctid`,
      [surveyId],
    );
    expect(stored.map((r) => r.other).sort()).toEqual(order);
    // Rows lie in the order of their random ids, not in the order they came in; nine answers
    // whose random ids fall in submission order by chance: 1 in 362,880.
    expect(stored.map((r) => r.id)).toEqual(stored.map((r) => r.id).sort());
    expect(stored.map((r) => r.other)).not.toEqual(order);
    const listed = await t.http
      .get(`/api/surveys/${surveyId}/responses`)
      .set(bearer(t.tokens.security))
      .expect(200);
    const others = listed.body
      .map((r: { answers: { tools_other?: string } }) => r.answers.tools_other)
      .filter((o: string | undefined) => o?.startsWith('answer-'));
    expect(others).not.toEqual(order);
  });
});
