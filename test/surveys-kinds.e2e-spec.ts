import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { DIRECTORY_CSV, SURVEY_FIXTURES } from './support/survey-fixtures';
import { bearer, createTestApp, type TestApp } from './support/test-app';

const QUESTIONS = [
  {
    key: 'uses',
    text: 'Do you use AI tools at work?',
    kind: 'single',
    required: true,
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
  },
  { key: 'recommend', text: 'Would you recommend them?', kind: 'nps', required: true },
  {
    key: 'policy',
    text: 'I know which tools are approved for which data',
    kind: 'likert',
    required: true,
    scale: { min: 1, max: 7, minLabel: 'Strongly disagree', maxLabel: 'Strongly agree' },
  },
  {
    key: 'phases',
    text: 'How often do you use AI per phase?',
    kind: 'matrix',
    required: true,
    section: 'work',
    items: [
      { value: 'coding', label: 'Coding' },
      { value: 'review', label: 'Code review' },
    ],
    scale: { min: 1, max: 5, minLabel: 'Never', maxLabel: 'Always' },
  },
  {
    key: 'hours',
    text: 'Time saved per week',
    kind: 'number',
    required: false,
    section: 'work',
    number: { unit: 'hours', min: 0, max: 40 },
  },
  {
    key: 'barriers',
    text: 'Rank what holds you back',
    kind: 'ranking',
    required: true,
    section: 'barriers',
    options: [
      { value: 'time', label: 'Time' },
      { value: 'policy', label: 'Unclear policy' },
      { value: 'trust', label: 'Trust' },
    ],
  },
];
const SECTIONS = [
  { key: 'work', title: 'Your work', showIf: { question: 'uses', op: 'equals', value: 'yes' } },
  { key: 'barriers', title: 'Barriers', showIf: { question: 'uses', op: 'equals', value: 'no' } },
];

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What a browser posts: the page's hidden and filled fields plus what the respondent changed. */
function formPost(html: string, fields: Record<string, string>, action: string): string {
  const body = new URLSearchParams();
  const present = [
    ...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g),
    ...html.matchAll(
      /<input type="(?:radio|checkbox)" id="[^"]*" name="([^"]*)" value="([^"]*)" checked/g,
    ),
    ...html.matchAll(
      /<input type="text" inputmode="decimal" id="[^"]*" name="([^"]*)" value="([^"]+)"/g,
    ),
  ];
  for (const m of present)
    if (!(unescape(m[1]) in fields)) body.append(unescape(m[1]), unescape(m[2]));
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append('action', action);
  return body.toString();
}

describe('surveys: Likert, matrix, number, ranking and NPS with skip logic', () => {
  let t: TestApp;
  let surveyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.coe))
      .send({ csv: DIRECTORY_CSV })
      .expect(201);
    const created = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'Pulse', privacyMode: 'identified', template: 'blank', k: 2 })
      .expect(201);
    surveyId = created.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('should refuse logic that reads a later question or leaves a required one unreachable', async () => {
    const later = await t.http
      .put(`/api/surveys/${surveyId}/questions`)
      .set(bearer(t.tokens.coe))
      .send({
        questions: [
          { ...QUESTIONS[1], showIf: { question: 'uses', op: 'answered' } },
          QUESTIONS[0],
        ],
      })
      .expect(400);
    expect(later.body.details.problems).toEqual([
      expect.objectContaining({ code: 'show-if-later-question', question: 'recommend' }),
    ]);
    const unreachable = await t.http
      .put(`/api/surveys/${surveyId}/questions`)
      .set(bearer(t.tokens.coe))
      .send({
        questions: QUESTIONS,
        sections: [
          SECTIONS[0],
          { ...SECTIONS[1], showIf: { question: 'recommend', op: 'gte', value: 11 } },
        ],
      })
      .expect(400);
    expect(unreachable.body.details.problems).toEqual([
      expect.objectContaining({ code: 'required-unreachable', question: 'barriers' }),
    ]);
  });

  it('should save the kinds and sections and show them in the survey', async () => {
    await t.http
      .put(`/api/surveys/${surveyId}/questions`)
      .set(bearer(t.tokens.coe))
      .send({ questions: QUESTIONS, sections: SECTIONS })
      .expect(200);
    const survey = await t.http
      .get(`/api/surveys/${surveyId}`)
      .set(bearer(t.tokens.coe))
      .expect(200);
    expect(survey.body.sections).toEqual(SECTIONS);
    expect(survey.body.questions[3]).toMatchObject({
      kind: 'matrix',
      section: 'work',
      items: QUESTIONS[3].items,
    });
    expect(survey.body.questions[4].number).toEqual({ unit: 'hours', min: 0, max: 40 });
    expect(survey.body.questions[1].scale).toMatchObject({ min: 0, max: 10 });
  });

  it('should walk each path of the form without script and store every kind', async () => {
    const invited = await t.http
      .post(`/api/surveys/${surveyId}/invitations`)
      .set(bearer(t.tokens.coe))
      .send({ everyone: true })
      .expect(201);
    const links: string[] = invited.body.links.map((l: { url: string }) => new URL(l.url).pathname);

    const yesPath = async (
      path: string,
      nps: string,
      likert: string,
      coding: string,
      hours: string,
    ) => {
      const first = await t.http.get(path).expect(200);
      expect(first.text).toContain('Page 1 of 3');
      expect(first.text).toContain('7 (Strongly agree)');
      expect(first.text).not.toContain('Rank what holds you back');
      const second = await t.http
        .post(path)
        .type('form')
        .send(formPost(first.text, { q_uses: 'yes', q_recommend: nps, q_policy: likert }, 'next'))
        .expect(200);
      expect(second.text).toContain('<h2>Your work</h2>');
      expect(second.text).toContain('<legend>Code review</legend>');
      expect(second.text).toContain('value="submit"');
      const bad = await t.http
        .post(path)
        .type('form')
        .send(formPost(second.text, { q_phases__0: coding, q_hours: '99' }, 'submit'))
        .expect(400);
      expect(bad.text).toContain(
        'Answer every row of &quot;How often do you use AI per phase?&quot;',
      );
      expect(bad.text).toContain(
        'Enter a number from 0 to 40 hours for &quot;Time saved per week&quot;.',
      );
      await t.http
        .post(path)
        .type('form')
        .send(
          formPost(
            second.text,
            { q_phases__0: coding, q_phases__1: '2', q_hours: hours },
            'submit',
          ),
        )
        .expect(200);
    };
    const noPath = async (path: string, nps: string, ranks: [string, string, string]) => {
      const first = await t.http.get(path).expect(200);
      const barriers = await t.http
        .post(path)
        .type('form')
        .send(formPost(first.text, { q_uses: 'no', q_recommend: nps, q_policy: '2' }, 'next'))
        .expect(200);
      expect(barriers.text).toContain('<h2>Barriers</h2>');
      expect(barriers.text).toContain('Page 3 of 3');
      expect(barriers.text).not.toContain('Code review');
      const clash = await t.http
        .post(path)
        .type('form')
        .send(
          formPost(
            barriers.text,
            { q_barriers__0: '1', q_barriers__1: '1', q_barriers__2: '2' },
            'submit',
          ),
        )
        .expect(400);
      expect(clash.text).toContain('both have position 1 in &quot;Rank what holds you back&quot;');
      // Back keeps the answers; the skipped "work" page is passed over both ways.
      const back = await t.http
        .post(path)
        .type('form')
        .send(formPost(barriers.text, {}, 'back'))
        .expect(200);
      expect(back.text).toContain('Page 1 of 3');
      expect(back.text).toMatch(/name="q_uses" value="no" checked/);
      const again = await t.http
        .post(path)
        .type('form')
        .send(formPost(back.text, {}, 'next'))
        .expect(200);
      expect(again.text).toContain('<h2>Barriers</h2>');
      await t.http
        .post(path)
        .type('form')
        .send(
          formPost(
            again.text,
            { q_barriers__0: ranks[0], q_barriers__1: ranks[1], q_barriers__2: ranks[2] },
            'submit',
          ),
        )
        .expect(200);
    };
    await yesPath(links[0], '9', '6', '4', '3,5');
    await yesPath(links[1], '10', '7', '4', '6');
    await noPath(links[2], '3', ['2', '1', '3']);
    await noPath(links[3], '8', ['1', '3', '2']);

    const rows: { answers: Record<string, unknown> }[] = await t.dataSource.query(
      `SELECT answers FROM survey_response WHERE survey_id = $1 ORDER BY answers->>'recommend'`,
      [surveyId],
    );
    expect(rows.map((r) => r.answers)).toEqual([
      {
        uses: 'yes',
        recommend: '10',
        policy: '7',
        phases: { coding: '4', review: '2' },
        hours: '6',
      },
      { uses: 'no', recommend: '3', policy: '2', barriers: ['policy', 'time', 'trust'] },
      { uses: 'no', recommend: '8', policy: '2', barriers: ['time', 'trust', 'policy'] },
      {
        uses: 'yes',
        recommend: '9',
        policy: '6',
        phases: { coding: '4', review: '2' },
        hours: '3.5',
      },
    ]);
  });

  it('should summarise each kind in the results, suppressed under k', async () => {
    const results = await t.http
      .get(`/api/surveys/${surveyId}/results`)
      .set(bearer(t.tokens.leader))
      .expect(200);
    const byKey = Object.fromEntries(
      results.body.questions.map((q: { key: string }) => [q.key, q]),
    );
    // 3 → detractor, 8 → passive, 9 and 10 → promoters: the lone ones are hidden, and the score.
    expect(byKey.recommend.nps).toEqual({
      detractors: null,
      passives: null,
      promoters: 2,
      score: null,
    });
    expect(byKey.policy.distribution.counts).toEqual({
      '1': 0,
      '2': 2,
      '3': 0,
      '4': 0,
      '5': 0,
      '6': null,
      '7': null,
    });
    expect(byKey.phases.items[0]).toMatchObject({
      item: 'coding',
      answered: 2,
      counts: { '4': 2 },
      mean: 4,
    });
    expect(byKey.hours.number).toEqual({
      unit: 'hours',
      q1: 4.13,
      median: 4.75,
      q3: 5.38,
      mean: 4.75,
    });
    expect(byKey.barriers.ranking).toEqual([
      { option: 'time', label: 'Time', meanRank: 1.5 },
      { option: 'policy', label: 'Unclear policy', meanRank: 2 },
      { option: 'trust', label: 'Trust', meanRank: 2.5 },
    ]);
  });

  it('should export the responses as CSV and XLSX with a column per item and option', async () => {
    const csv = await t.http
      .get(`/api/surveys/${surveyId}/export?format=csv`)
      .set(bearer(t.tokens.coe))
      .expect(200);
    const [header, ...lines] = csv.text.trim().split('\r\n');
    expect(header).toBe(
      'team,uses,recommend,policy,phases[coding],phases[review],hours,barriers[time],barriers[policy],barriers[trust]',
    );
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.split(',').slice(1).join(',')).sort()).toEqual([
      'no,3,2,,,,2,1,3',
      'no,8,2,,,,1,3,2',
      'yes,10,7,4,2,6,,,',
      'yes,9,6,4,2,3.5,,,',
    ]);
    // Teams of fewer than k respondents are not named.
    expect(lines.every((l) => !l.startsWith('Platform'))).toBe(true);
    const xlsx = await t.http
      .get(`/api/surveys/${surveyId}/export?format=xlsx`)
      .set(bearer(t.tokens.coe))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = wb.getWorksheet('Responses');
    expect(sheet?.getRow(1).getCell(5).value).toBe('phases[coding]');
    expect(sheet?.rowCount).toBe(5);
    await t.http.get(`/api/surveys/${surveyId}/export`).set(bearer(t.tokens.leader)).expect(403);
  });

  it('should import each kind from a Qualtrics export and summarise it', async () => {
    const created = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'Qualtrics pulse', privacyMode: 'anonymous', template: 'blank', k: 2 })
      .expect(201);
    const id: string = created.body.id;
    await t.http
      .post(`/api/surveys/${id}/imports`)
      .set(bearer(t.tokens.coe))
      .attach('file', join(SURVEY_FIXTURES, 'qualtrics-adoption.csv'))
      .expect(201);
    const survey = await t.http.get(`/api/surveys/${id}`).set(bearer(t.tokens.coe)).expect(200);
    expect(survey.body.questions.map((q: { kind: string }) => q.kind)).toEqual([
      'matrix',
      'nps',
      'ranking',
      'number',
      'likert',
    ]);
    const results = await t.http
      .get(`/api/surveys/${id}/results`)
      .set(bearer(t.tokens.coe))
      .expect(200);
    const [matrix, nps, ranking, hours, likert] = results.body.questions;
    expect(matrix.items[0]).toMatchObject({ item: 'Coding', answered: 3 });
    expect(nps).toMatchObject({ kind: 'nps', answered: 3, nps: { passives: 0, score: null } });
    expect(ranking.ranking[0]).toEqual({ option: 'Time', label: 'Time', meanRank: 2 });
    expect(hours.number.median).toBe(3.5);
    expect(likert.distribution.counts).toEqual({ '1': 0, '2': 0, '3': null, '4': null, '5': null });
    const csv = await t.http.get(`/api/surveys/${id}/export`).set(bearer(t.tokens.coe)).expect(200);
    expect(csv.text.split('\r\n')[0]).toBe(
      'team,Q1[Coding],Q1[Code review],Q2,Q3[Time],Q3[Unclear policy],Q3[Trust in the output],Q4,Q5',
    );
  });
});
