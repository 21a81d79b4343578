import { DIRECTORY_CSV } from './support/survey-fixtures';
import { bearer, createTestApp, type TestApp } from './support/test-app';

describe('surveys: the CoE edits questions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.coe))
      .send({ csv: DIRECTORY_CSV })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should accept each question kind, render it on the form and lock the list once answers exist', async () => {
    const created = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'Edited', privacyMode: 'identified', template: 'blank' })
      .expect(201);
    const id: string = created.body.id;
    expect(created.body.questions).toEqual([]);
    const questions = [
      {
        key: 'main_tool',
        text: 'Your main AI tool',
        kind: 'tool-picker',
        required: true,
        multiple: false,
        options: [
          { value: 'cursor', label: 'x' },
          { value: 'github-copilot', label: 'y' },
        ],
      },
      {
        key: 'all_tools',
        text: 'Every AI tool you use',
        kind: 'tool-picker',
        required: false,
        role: 'tools',
      },
      {
        key: 'team_size',
        text: 'Team size',
        kind: 'single',
        required: false,
        options: [
          { value: 'small', label: 'Under 10' },
          { value: 'large', label: '10 or more' },
        ],
      },
      {
        key: 'uses',
        text: 'Uses',
        kind: 'multiple',
        required: false,
        role: 'work-kinds',
        options: [
          { value: 'coding', label: 'Coding' },
          { value: 'docs', label: 'Docs' },
        ],
      },
      {
        key: 'trust',
        text: 'How far do you trust the output?',
        kind: 'scale',
        required: true,
        scale: { min: 1, max: 5, minLabel: 'not at all', maxLabel: 'fully' },
      },
      { key: 'notes', text: 'Notes', kind: 'text', required: false },
    ];
    const saved = await t.http
      .put(`/api/surveys/${id}/questions`)
      .set(bearer(t.tokens.coe))
      .send({ questions })
      .expect(200);
    // Tool labels come from the catalog, and an empty tool picker offers the whole catalog.
    expect(saved.body[0].options).toEqual([
      { value: 'cursor', label: 'Cursor' },
      { value: 'github-copilot', label: 'GitHub Copilot' },
    ]);
    expect(saved.body[1].options.length).toBeGreaterThan(50);

    const bad = await t.http
      .put(`/api/surveys/${id}/questions`)
      .set(bearer(t.tokens.coe))
      .send({ questions: [{ ...questions[0], options: [{ value: 'no-such-tool', label: 'x' }] }] })
      .expect(400);
    expect(bad.body.message).toBe('questions[0].options: not catalog tools: no-such-tool');
    const badKind = await t.http
      .put(`/api/surveys/${id}/questions`)
      .set(bearer(t.tokens.coe))
      .send({ questions: [{ key: 'x', text: 'x', kind: 'slider', required: false }] })
      .expect(400);
    expect(badKind.body.message).toMatch(/kind must be one of/);
    await t.http
      .put(`/api/surveys/${id}/questions`)
      .set(bearer(t.tokens.leader))
      .send({ questions })
      .expect(403);

    const invited = await t.http
      .post(`/api/surveys/${id}/invitations`)
      .set(bearer(t.tokens.coe))
      .send({ everyone: true, expiresInDays: 7 })
      .expect(201);
    expect(invited.body.issued).toBe(7);
    const path = new URL(invited.body.links[0].url).pathname;
    const form = await t.http.get(path).expect(200);
    expect(form.text).toContain('<legend>How far do you trust the output?');
    expect(form.text).toContain('5 (fully)');
    expect(form.text).toMatch(/<input type="radio" id="q_main_tool_0"/);
    expect(form.text).toMatch(/<input type="checkbox" id="q_uses_0"/);

    const invalid = await t.http
      .post(path)
      .type('form')
      .send('q_main_tool=cursor&q_trust=9&action=submit')
      .expect(400);
    expect(invalid.text).toContain('Pick a number from 1 to 5');
    await t.http
      .post(path)
      .type('form')
      .send(
        'q_main_tool=cursor&q_all_tools=cursor&q_all_tools=claude-code&q_trust=4&q_uses=coding&action=submit',
      )
      .expect(200);
    const [row] = await t.dataSource.query(
      `SELECT answers, tool_ids FROM survey_response WHERE survey_id = $1`,
      [id],
    );
    expect(row).toEqual({
      answers: {
        main_tool: 'cursor',
        all_tools: ['cursor', 'claude-code'],
        trust: '4',
        uses: ['coding'],
      },
      tool_ids: ['claude-code', 'cursor'],
    });
    // A reminder re-issues links only to the six who have not answered; the old ones stop working.
    const reminded = await t.http
      .post(`/api/surveys/${id}/reminders?format=csv`)
      .set(bearer(t.tokens.coe))
      .expect(201);
    expect(reminded.text.trim().split('\r\n')).toHaveLength(7);
    const stale = new URL(invited.body.links[1].url).pathname;
    await t.http.get(stale).expect(404);
    await t.http.post(`/api/surveys/${id}/reminders`).set(bearer(t.tokens.security)).expect(403);
    const locked = await t.http
      .put(`/api/surveys/${id}/questions`)
      .set(bearer(t.tokens.coe))
      .send({ questions })
      .expect(409);
    expect(locked.body.message).toMatch(/already has answers/);
  });
});
