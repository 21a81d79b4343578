import type { Browser } from 'playwright-core';
import { bearer } from '../support/test-app';
import {
  consoleContext,
  launchChromium,
  signIn,
  startConsoleApp,
  type ConsoleTestApp,
} from './support/console';
import { importDirectory } from './support/survey-form';

// k = 5. Platform (5 people) answers both waves; Mobile (5 people) answers the first wave whole
// and the second with two people, so it is suppressed; Data (2 people) is below k in the
// directory, so an anonymous answer keeps no team for it at all.
const PEOPLE: [string, string, [string, string]][] = [
  ['pia', 'Engineering/Platform', ['2', '4']],
  ['paul', 'Engineering/Platform', ['2', '5']],
  ['pat', 'Engineering/Platform', ['3', '4']],
  ['petra', 'Engineering/Platform', ['2', '4']],
  ['piet', 'Engineering/Platform', ['3', '5']],
  ['max', 'Engineering/Mobile', ['4', '1']],
  ['mia', 'Engineering/Mobile', ['4', '2']],
  ['mo', 'Engineering/Mobile', ['5', '']],
  ['mara', 'Engineering/Mobile', ['4', '']],
  ['mika', 'Engineering/Mobile', ['3', '']],
  ['dora', 'Engineering/Data', ['1', '3']],
  ['dirk', 'Engineering/Data', ['2', '3']],
];
const DIRECTORY = [
  'email,name,team',
  ...PEOPLE.map(([who, team]) => `${who}@example.com,${who},${team}`),
].join('\n');

const pulseAnswer = (confidence: string) => ({
  q_frequency: 'daily',
  q_confidence: confidence,
  action: 'submit',
  page: '0',
  shown: 'frequency',
});

describe('anonymous survey waves: change by the team kept at answer time', () => {
  let t: ConsoleTestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startConsoleApp();
    browser = await launchChromium();
    await importDirectory(t, DIRECTORY);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function newSurvey(title: string): Promise<string> {
    const created = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title, privacyMode: 'anonymous', k: 5, template: 'ai-adoption-pulse' })
      .expect(201);
    return created.body.id;
  }

  async function nextWave(id: string): Promise<string> {
    const next = await t.http
      .post(`/api/surveys/${id}/waves`)
      .set(bearer(t.tokens.coe))
      .send({})
      .expect(201);
    return next.body.id;
  }

  async function waveChange(id: string) {
    const results = await t.http
      .get(`/api/surveys/${id}/results`)
      .set(bearer(t.tokens.leader))
      .expect(200);
    return results.body.waveChange;
  }

  /** Each invited person with a confidence for this wave answers through their own link. */
  async function answerByInvitation(surveyId: string, wave: 0 | 1): Promise<void> {
    const issued = await t.http
      .post(`/api/surveys/${surveyId}/invitations`)
      .set(bearer(t.tokens.coe))
      .send({ everyone: true })
      .expect(201);
    for (const link of issued.body.links as { email: string; url: string }[]) {
      const confidence = PEOPLE.find(([who]) => `${who}@example.com` === link.email)![2][wave];
      if (!confidence) continue;
      await t.http
        .post(new URL(link.url).pathname)
        .type('form')
        .send(pulseAnswer(confidence))
        .expect(200);
    }
  }

  it('should show a big team’s change with its interval and suppress the small team', async () => {
    const first = await newSurvey('Anonymous pulse');
    await answerByInvitation(first, 0);
    const second = await nextWave(first);
    await answerByInvitation(second, 1);

    // No answer keeps a person, a code or a day; the team only where it has k people.
    const stored: { team: string | null; person_id: string | null }[] = await t.dataSource.query(
      `SELECT team, person_id, pseudonym, submitted_on FROM survey_response WHERE survey_id = $1`,
      [second],
    );
    expect(stored.map((r) => r.team).sort()).toEqual([
      'Engineering/Mobile',
      'Engineering/Mobile',
      ...Array(5).fill('Engineering/Platform'),
      null,
      null,
    ]);
    expect(stored.every((r) => r.person_id === null)).toBe(true);

    const change = await waveChange(second);
    expect(change.teams).toEqual(['Engineering/Platform']);
    expect(change.suppressedTeams).toEqual(['Engineering/Mobile']);
    expect(change.teamsUnavailable).toBeNull();
    const confidence = change.questions.find((q: { key: string }) => q.key === 'confidence');
    const cells = confidence.measures[0].cells as {
      team: string;
      after: { n: number };
      change: { value: number; low: number; high: number };
    }[];
    expect(cells.map((c) => c.team)).toEqual(['(all)', 'Engineering/Platform']);
    expect(cells[0].after.n).toBe(9); // everyone who answered counts in the whole organisation
    const platform = cells[1];
    expect(platform.change.value).toBeCloseTo(2, 5);
    expect(platform.change.low).toBeGreaterThan(0);
    expect(platform.change.high).toBeGreaterThan(platform.change.value);
    expect(JSON.stringify(change)).not.toContain('Engineering/Data');

    // The wave's export names a team by the same rule: Mobile's two answers are below k.
    const csv = await t.http
      .get(`/api/surveys/${second}/export?format=csv`)
      .set(bearer(t.tokens.coe))
      .expect(200);
    const teamsInCsv = csv.text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(teamsInCsv.sort()).toEqual([
      '',
      '',
      '(team below k)',
      '(team below k)',
      ...Array(5).fill('Engineering/Platform'),
    ]);

    const context = await consoleContext(browser, t);
    const page = await context.newPage();
    await signIn(page, t.tokens.coe);
    await page.goto(`/surveys/${second}`);
    const table = page.getByTestId('wave-change-confidence');
    await expect(table.textContent()).resolves.toContain('Engineering/Platform');
    await expect(table.textContent()).resolves.toMatch(/\+2\.0 \(\+\d\.\d to \+\d\.\d\)/);
    await expect(table.textContent()).resolves.not.toContain('Engineering/Mobile');
    await expect(page.getByTestId('suppressed-teams').textContent()).resolves.toContain(
      'Engineering/Mobile',
    );
    await expect(page.getByTestId('teams-unavailable').count()).resolves.toBe(0);
    await context.close();
  }, 180_000);

  it('should say why there is no change by team when the answers came through the open link', async () => {
    const answerOpen = async (surveyId: string, values: string[]) => {
      const open = await t.http
        .post(`/api/surveys/${surveyId}/open-link`)
        .set(bearer(t.tokens.coe))
        .expect(201);
      for (const v of values)
        await t.http
          .post(new URL(open.body.url).pathname)
          .type('form')
          .send(pulseAnswer(v))
          .expect(200);
    };
    const first = await newSurvey('Open pulse');
    await answerOpen(first, ['2', '2', '3', '2', '3']);
    const second = await nextWave(first);
    await answerOpen(second, ['4', '5', '4', '4', '5']);

    const change = await waveChange(second);
    expect(change.teams).toEqual([]);
    expect(change.teamsUnavailable).toMatch(/open link/);

    const context = await consoleContext(browser, t);
    const page = await context.newPage();
    await signIn(page, t.tokens.coe);
    await page.goto(`/surveys/${second}`);
    await expect(page.getByTestId('teams-unavailable').textContent()).resolves.toContain(
      'only for teams of at least 5 people',
    );
    // the organisation's own change is still there
    await expect(page.getByTestId('wave-change-confidence').textContent()).resolves.toMatch(
      /Everyone.*\+2\.0/,
    );
    await context.close();
  }, 120_000);
});
