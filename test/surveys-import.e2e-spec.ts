import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EvidenceService } from '../src/evidence/evidence.service';
import { CorrelationRepository } from '../src/findings/correlation/correlation.repository';
import { SurveysService } from '../src/surveys/surveys.service';
import { runCli } from './support/processes';
import { DIRECTORY_CSV, microsoftFormsXlsx, SURVEY_FIXTURES } from './support/survey-fixtures';
import { bearer, createTestApp, type TestApp } from './support/test-app';

const QUALTRICS_SAMPLE = join(
  __dirname,
  '../../shared/samples/surveys/qualtrics_sample_ropensci.csv',
);

const EXPORTS: {
  file: string;
  format: string;
  responses: number;
  questions: number;
  tools: Record<string, number>;
}[] = [
  {
    file: 'google-forms.csv',
    format: 'google-forms',
    responses: 3,
    questions: 5,
    tools: { 'github-copilot': 2, chatgpt: 2, 'claude-code': 1, cursor: 2 },
  },
  {
    file: 'surveymonkey.csv',
    format: 'surveymonkey',
    responses: 3,
    questions: 5, // the two matrix rows are one matrix question
    tools: { 'github-copilot': 2, chatgpt: 1, 'claude-code': 1, cursor: 1 },
  },
  {
    file: 'qualtrics.csv',
    format: 'qualtrics',
    responses: 3,
    questions: 5,
    tools: { 'github-copilot': 1, chatgpt: 2, 'claude-code': 1, cursor: 1, windsurf: 1 },
  },
  {
    file: 'typeform-choice-columns.csv',
    format: 'typeform',
    responses: 2,
    questions: 2,
    tools: { 'github-copilot': 1, cursor: 1, chatgpt: 1, 'claude-code': 1 },
  },
  {
    file: 'typeform-joined.csv',
    format: 'typeform',
    responses: 3,
    questions: 3,
    tools: { 'github-copilot': 1, cursor: 2, chatgpt: 2 },
  },
  {
    file: 'formbricks.csv',
    format: 'formbricks',
    responses: 2,
    questions: 3,
    tools: { 'github-copilot': 1, cursor: 1, chatgpt: 1, 'claude-code': 1 },
  },
  {
    file: 'limesurvey-code.csv',
    format: 'limesurvey',
    responses: 3,
    questions: 5, // the array Q3 is one matrix question
    tools: { windsurf: 1 },
  },
  {
    file: 'limesurvey-long.csv',
    format: 'limesurvey',
    responses: 2,
    questions: 3,
    tools: { 'github-copilot': 1, cursor: 1, chatgpt: 1, 'claude-code': 1 },
  },
];

describe('surveys: imports of other tools’ exports', () => {
  let t: TestApp;
  let people: Record<string, string>;

  async function blankSurvey(privacyMode = 'identified'): Promise<string> {
    const res = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'Imported', privacyMode, template: 'blank', k: 2 })
      .expect(201);
    return res.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.admin))
      .send({ csv: DIRECTORY_CSV })
      .expect(201);
    const list = await t.http.get('/api/people').set(bearer(t.tokens.admin)).expect(200);
    people = Object.fromEntries(
      list.body.map((p: { email: string; id: string }) => [p.email.split('@')[0], p.id]),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(EXPORTS)(
    'should import $file as $format with its respondents and tools',
    async (expected) => {
      const surveyId = await blankSurvey();
      const res = await t.http
        .post(`/api/surveys/${surveyId}/imports`)
        .set(bearer(t.tokens.coe))
        .attach('file', join(SURVEY_FIXTURES, expected.file))
        .expect(201);
      expect(res.body).toMatchObject({
        format: expected.format,
        responses: expected.responses,
        questions: expected.questions,
        tools: expected.tools,
      });
      const survey = await t.http
        .get(`/api/surveys/${surveyId}`)
        .set(bearer(t.tokens.leader))
        .expect(200);
      expect(survey.body.responses).toBe(expected.responses);
    },
  );

  it('should import a Microsoft Forms XLSX and link e-mails to people, listing the rest for a human', async () => {
    const surveyId = await blankSurvey();
    const res = await t.http
      .post(`/api/surveys/${surveyId}/imports`)
      .set(bearer(t.tokens.coe))
      .attach('file', await microsoftFormsXlsx(), 'forms.xlsx')
      .expect(201);
    expect(res.body).toMatchObject({
      format: 'microsoft-forms',
      responses: 2,
      questions: 3,
      linkedToPeople: 1,
      tools: { 'github-copilot': 1, chatgpt: 1, 'claude-code': 1, cursor: 1 },
    });
    const rows = await t.dataSource.query(
      `SELECT person_id, respondent_key FROM survey_response WHERE survey_id = $1 ORDER BY respondent_key`,
      [surveyId],
    );
    expect(rows).toEqual([
      { person_id: null, respondent_key: '2' },
      { person_id: people.alice, respondent_key: 'alice@example.com' },
    ]);
  });

  it('should resolve respondents by e-mail and record unknown ones as unresolved', async () => {
    const surveyId = await blankSurvey();
    await t.http
      .post(`/api/surveys/${surveyId}/imports`)
      .set(bearer(t.tokens.coe))
      .attach('file', join(SURVEY_FIXTURES, 'qualtrics.csv'))
      .expect(201);
    const rows = await t.dataSource.query(
      `SELECT person_id FROM survey_response WHERE survey_id = $1 AND person_id IS NOT NULL`,
      [surveyId],
    );
    expect(rows.map((r: { person_id: string }) => r.person_id).sort()).toEqual(
      [people.alice, people.bob].sort(),
    );

    const other = await blankSurvey();
    const csv =
      'Timestamp,Email Address,Which AI tools do you use?\n11/24/2026 9:00:00,mallory@elsewhere.example,Cursor\n';
    await t.http
      .post(`/api/surveys/${other}/imports`)
      .set(bearer(t.tokens.coe))
      .attach('file', Buffer.from(csv), 'g.csv')
      .expect(201);
    const unresolved = await t.http
      .get('/api/identities/unresolved')
      .set(bearer(t.tokens.security))
      .expect(200);
    expect(unresolved.body).toContainEqual(
      expect.objectContaining({
        kind: 'email',
        value: 'mallory@elsewhere.example',
        reason: 'no-match',
      }),
    );
  });

  it('should carry a misspelt name’s lower confidence from the answer to the survey evidence', async () => {
    const surveyId = await blankSurvey();
    const csv = [
      'Timestamp,Email Address,Which AI tools do you use?,Anything else?',
      '11/24/2026 9:00:00,carol@example.com,Cursor,"chatgtp for emails, no longer use Copilot"',
    ].join('\n');
    const res = await t.http
      .post(`/api/surveys/${surveyId}/imports`)
      .set(bearer(t.tokens.coe))
      .attach('file', Buffer.from(csv), 'g.csv')
      .expect(201);
    expect(res.body.tools).toEqual({ cursor: 1, chatgpt: 1 });
    const [row] = await t.dataSource.query(
      `SELECT tool_ids, tool_confidence FROM survey_response WHERE survey_id = $1`,
      [surveyId],
    );
    expect(row).toEqual({ tool_ids: ['chatgpt', 'cursor'], tool_confidence: { chatgpt: 0.7 } });

    const { disclosures } = await t.app.get(SurveysService).disclosuresForCorrelation();
    const carol = disclosures.filter((d) => d.surveyId === surveyId && d.personId === people.carol);
    expect(carol.map((d) => [d.toolId, d.confidence]).sort()).toEqual([
      ['chatgpt', 0.7],
      ['cursor', 1],
    ]);
    // The survey row of the correlation carries the answer's confidence, not a flat 1.
    const evidence = t.app.get(EvidenceService).relation();
    const staged = await t.app.get(CorrelationRepository).inTransaction(async (tx) => {
      await tx.stageAggregates(evidence, carol, new Date('2026-11-24T00:00:00Z'));
      return tx.readAggregates();
    });
    const confidenceOf = (toolId: string) =>
      staged.find((a) => a.subjectId === people.carol && a.toolId === toolId)?.maxConfidence;
    // capped by the confidence table's survey self-report (0.9)
    expect([confidenceOf('chatgpt'), confidenceOf('cursor')]).toEqual([0.7, 0.9]);
  });

  it('should keep neither person nor respondent key when importing into an anonymous survey', async () => {
    const surveyId = await blankSurvey('anonymous');
    await t.http
      .post(`/api/surveys/${surveyId}/imports`)
      .set(bearer(t.tokens.coe))
      .attach('file', join(SURVEY_FIXTURES, 'google-forms.csv'))
      .expect(201);
    const rows = await t.dataSource.query(
      `SELECT row_to_json(r)::text AS json, person_id, pseudonym, respondent_key FROM survey_response r WHERE survey_id = $1`,
      [surveyId],
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect([row.person_id, row.pseudonym, row.respondent_key]).toEqual([null, null, null]);
      expect(row.json).not.toMatch(/@example\.com/i);
    }
  });

  it('should show the column plan and apply an adjusted mapping', async () => {
    const surveyId = await blankSurvey();
    const plan = await t.http
      .post(`/api/surveys/${surveyId}/imports/plan`)
      .set(bearer(t.tokens.coe))
      .attach('file', join(SURVEY_FIXTURES, 'typeform-choice-columns.csv'))
      .expect(200);
    expect(plan.body.format).toBe('typeform');
    expect(plan.body.columns.find((c: { header: string }) => c.header === 'Cursor')).toMatchObject({
      role: 'question',
      encoding: 'flag',
    });
    const mapping = JSON.stringify({
      'GitHub Copilot': 'tools',
      ChatGPT: 'tools',
      Cursor: 'tools',
      Other: 'tools_other',
      'How often do you use AI tools?': 'frequency',
    });
    const res = await t.http
      .post(`/api/surveys/${surveyId}/imports`)
      .query({ mapping })
      .set(bearer(t.tokens.coe))
      .attach('file', join(SURVEY_FIXTURES, 'typeform-choice-columns.csv'))
      .expect(201);
    expect(res.body.questions).toBe(3);
    const survey = await t.http
      .get(`/api/surveys/${surveyId}`)
      .set(bearer(t.tokens.coe))
      .expect(200);
    expect(
      survey.body.questions.map((q: { key: string; role: string }) => `${q.key}:${q.role}`),
    ).toEqual(['tools:tools', 'tools_other:tools-other', 'frequency:frequency']);
  });

  it('should refuse an unrecognised file naming its header, and a non-CoE caller', async () => {
    const surveyId = await blankSurvey();
    const bad = await t.http
      .post(`/api/surveys/${surveyId}/imports`)
      .set(bearer(t.tokens.coe))
      .attach('file', Buffer.from('a,b\n1,2\n'), 'x.csv')
      .expect(400);
    expect(bad.body.message).toMatch(/x\.csv: line 1: unrecognised survey export header/);
    await t.http
      .post(`/api/surveys/${surveyId}/imports`)
      .set(bearer(t.tokens.leader))
      .attach('file', Buffer.from('a,b\n'), 'x.csv')
      .expect(403);
    await t.http
      .post(`/api/surveys/${surveyId}/imports`)
      .attach('file', Buffer.from('a,b\n'), 'x.csv')
      .expect(401);
  });

  (existsSync(QUALTRICS_SAMPLE) ? it : it.skip)(
    'should import the real Qualtrics sample when it is present',
    async () => {
      const surveyId = await blankSurvey();
      const res = await t.http
        .post(`/api/surveys/${surveyId}/imports`)
        .set(bearer(t.tokens.coe))
        .attach('file', QUALTRICS_SAMPLE)
        .expect(201);
      expect(res.body).toMatchObject({
        format: 'qualtrics',
        responses: 1,
        questions: 2,
        tools: {},
      });
    },
  );

  it('should print the import-survey summary as JSON when run from the CLI', async () => {
    // Runs the built CLI (npm run build) as scripts do.
    const run = runCli(
      ['import-survey', join(SURVEY_FIXTURES, 'google-forms.csv'), '--format', 'auto', '--json'],
      t.env,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      format: 'google-forms',
      responses: 3,
      questions: 5,
      tools: { 'github-copilot': 2, chatgpt: 2, 'claude-code': 1, cursor: 2 },
    });
    const missing = runCli(['import-survey', '/nonexistent.csv', '--json'], t.env);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toBe('ai-census: /nonexistent.csv: no such file\n');
    const surveys = await t.dataSource.query(
      `SELECT title, source, import_format FROM survey WHERE source = 'import'`,
    );
    expect(surveys).toEqual([
      { title: 'Import of google-forms.csv', source: 'import', import_format: 'google-forms' },
    ]);
  });
});
