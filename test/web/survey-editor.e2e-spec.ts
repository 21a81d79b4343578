import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer } from '../support/test-app';
import {
  checkPage,
  consoleContext,
  launchChromium,
  seriousA11yViolations,
  signIn,
  startConsoleApp,
  type ConsoleTestApp,
} from './support/console';

/** Follows a form's submit button to the page it answers with. */
async function submit(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).click()]);
}

interface Added {
  kind: string;
  fields: Record<string, string>;
  checks?: string[];
  showIf?: [question: string, value: string];
}

/** Opens the add page for a kind from the survey page, fills it, and adds the question. */
async function addQuestion(page: Page, surveyId: string, q: Added): Promise<void> {
  await page.goto(`/surveys/${surveyId}`);
  await page.locator('#new-question-kind').selectOption(q.kind);
  await submit(page, 'Add question');
  await fillQuestion(page, q);
  await submit(page, 'Add the question');
}

async function fillQuestion(page: Page, q: Added): Promise<void> {
  for (const [id, value] of Object.entries(q.fields)) await page.locator(`#${id}`).fill(value);
  for (const id of q.checks ?? []) await page.locator(`#${id}`).check();
  if (q.showIf) {
    await page.locator('#qe-showIfQuestion').selectOption(q.showIf[0]);
    await page.locator('#qe-showIfValue').fill(q.showIf[1]);
  }
}

describe('the survey question editor in the CoE console', () => {
  let t: ConsoleTestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let surveyId: string;
  let openLink: string;

  beforeAll(async () => {
    t = await startConsoleApp();
    browser = await launchChromium();
    context = await consoleContext(browser, t);
    page = await context.newPage();
    await signIn(page, t.tokens.coe);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  const questions = async () =>
    (await t.http.get(`/api/surveys/${surveyId}`).set(bearer(t.tokens.coe)).expect(200)).body
      .questions as {
      key: string;
      kind: string;
      required: boolean;
      scale?: { min: number; max: number; minLabel?: string; maxLabel?: string };
      items?: { value: string }[];
      showIf?: unknown;
      translations?: Record<string, unknown>;
    }[];

  it('should create a blank survey and add, reorder and delete questions of several kinds', async () => {
    await page.goto('/surveys');
    await page.locator('#survey-title').fill('Enablement check');
    await page.locator('#privacy-anonymous').check();
    await page.locator('#survey-k').fill('2');
    await page.locator('#template-blank').check();
    await Promise.all([
      page.waitForURL((u) => /^\/surveys\/[0-9a-f-]{36}$/.test(u.pathname)),
      page.getByRole('button', { name: 'Create survey' }).click(),
    ]);
    surveyId = new URL(page.url()).pathname.split('/').pop() as string;
    await expect(page.getByText('No question yet.').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('exports').textContent()).resolves.toContain(
      'available once 2 people have answered',
    );

    await addQuestion(page, surveyId, {
      kind: 'single',
      fields: {
        'qe-key': 'frequency',
        'qe-text': 'How often do you use AI tools?',
        'qe-options': 'Daily\nWeekly\nNever',
      },
      checks: ['qe-required'],
    });
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Question "frequency" added.',
    );

    // A condition on an answer the question does not offer: the logic check's code, by the field.
    await page.locator('#new-question-kind').selectOption('likert');
    await submit(page, 'Add question');
    const likert: Added = {
      kind: 'likert',
      fields: {
        'qe-key': 'trust',
        'qe-text': 'I can tell when AI output is wrong',
        'qe-minLabel': 'Strongly disagree',
        'qe-maxLabel': 'Strongly agree',
      },
      checks: ['qe-required', 'qe-points-7'],
      showIf: ['frequency', 'Monthly'],
    };
    await fillQuestion(page, likert);
    await submit(page, 'Add the question');
    const showIfError = page.getByTestId('showIf-error');
    await expect(showIfError.textContent()).resolves.toContain('show-if-unknown-value');
    await expect(page.locator('#qe-showIfValue').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expect(page.locator('#qe-showIfValue').getAttribute('aria-describedby')).resolves.toBe(
      'qe-showIf-error',
    );
    // what was typed is still there
    await expect(page.locator('#qe-text').inputValue()).resolves.toBe(likert.fields['qe-text']);
    await expect(page.locator('#qe-points-7').isChecked()).resolves.toBe(true);
    await checkPage(page, 'survey-editor-logic-error');
    await page.locator('#qe-showIfQuestion').selectOption('');
    await page.locator('#qe-showIfValue').fill('');
    await submit(page, 'Add the question');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Question "trust" added.',
    );

    await addQuestion(page, surveyId, {
      kind: 'matrix',
      fields: {
        'qe-key': 'phases',
        'qe-text': 'How much do you use AI in each phase?',
        'qe-items': 'Coding\nTesting',
        'qe-min': '1',
        'qe-max': '5',
        'qe-minLabel': 'Not at all',
        'qe-maxLabel': 'For most of it',
      },
    });
    await addQuestion(page, surveyId, {
      kind: 'ranking',
      fields: {
        'qe-key': 'wishes',
        'qe-text': 'Rank what would help you most',
        'qe-options': 'Training\nTime to learn\nBetter tools',
      },
      showIf: ['frequency', 'Daily'],
    });
    await addQuestion(page, surveyId, {
      kind: 'nps',
      fields: { 'qe-key': 'recommend', 'qe-text': 'Would you recommend our AI tools?' },
    });

    let saved = await questions();
    expect(saved.map((q) => `${q.key}:${q.kind}`)).toEqual([
      'frequency:single',
      'trust:likert',
      'phases:matrix',
      'wishes:ranking',
      'recommend:nps',
    ]);
    expect(saved[1]).toMatchObject({
      required: true,
      scale: { min: 1, max: 7, minLabel: 'Strongly disagree', maxLabel: 'Strongly agree' },
    });
    expect(saved[2].items?.map((i) => i.value)).toEqual(['coding', 'testing']);
    expect(saved[3].showIf).toEqual({ question: 'frequency', op: 'equals', value: 'daily' });

    // reorder: the matrix goes before the Likert; delete the NPS question (after its confirmation)
    await page.goto(`/surveys/${surveyId}`);
    await expect(page.getByTestId('question-list').textContent()).resolves.toContain(
      'shown when "frequency" has the answer "Daily"',
    );
    await submit(page, 'Move up question 3');
    page.once('dialog', (d) => void d.accept());
    await submit(page, 'Delete question 5');
    saved = await questions();
    expect(saved.map((q) => q.key)).toEqual(['frequency', 'phases', 'trust', 'wishes']);

    // editing keeps the key and the values of unchanged options
    await page.goto(`/surveys/${surveyId}/questions/frequency/edit`);
    await expect(page.locator('#qe-options').inputValue()).resolves.toBe('Daily\nWeekly\nNever');
    await page.locator('#qe-text').fill('How often do you use AI tools at work?');
    await submit(page, 'Save the question');
    saved = await questions();
    expect(saved[0]).toMatchObject({
      key: 'frequency',
      text: 'How often do you use AI tools at work?',
    });
    await checkPage(page, 'survey-editor-list');
  }, 180_000);

  it('should translate the ranking into German, leaving one option to fall back to English', async () => {
    await page.goto(`/surveys/${surveyId}`);
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('link', { name: 'Translate question 4' }).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Translate "wishes"');
    await page.locator('#tr-de_text').fill('Was würde Ihnen am meisten helfen? Ordnen Sie.');
    await page.locator('#tr-de_option_0').fill('Schulung');
    await page.locator('#tr-de_option_2').fill('Bessere Werkzeuge');
    await checkPage(page, 'survey-editor-translations');
    await submit(page, 'Save translations');
    const wishes = (await questions()).find((q) => q.key === 'wishes');
    expect(wishes?.translations).toEqual({
      de: {
        text: 'Was würde Ihnen am meisten helfen? Ordnen Sie.',
        options: { training: 'Schulung', 'better-tools': 'Bessere Werkzeuge' },
      },
    });
    await expect(page.getByTestId('question-list').textContent()).resolves.toContain(
      'Deutsch: translated',
    );
  }, 60_000);

  it('should show the German wording at ?lang=de, and English where nothing was translated', async () => {
    await page.goto(`/surveys/${surveyId}`);
    await submit(page, 'Create an open link');
    openLink = (await page.getByTestId('open-link').textContent()) as string;

    const respondent = await browser.newContext({ locale: 'en-GB' });
    const form = await respondent.newPage();
    await form.goto(`${t.baseUrl}${new URL(openLink).pathname}?lang=de`);
    await expect(form.locator('html').getAttribute('lang')).resolves.toBe('de');
    // untranslated questions show their English wording, never an empty label
    await expect(
      form.getByText('How often do you use AI tools at work?').isVisible(),
    ).resolves.toBe(true);
    await expect(form.getByText('How much do you use AI in each phase?').isVisible()).resolves.toBe(
      true,
    );
    await expect(form.locator('#q_wishes').count()).resolves.toBe(0); // not shown before "Daily"
    await form.locator('#q_frequency_0').focus();
    await form.keyboard.press('Space'); // Daily
    await form.locator('#q_trust_5').check();
    await Promise.all([
      form.waitForEvent('load'),
      form.getByRole('button', { name: 'Antworten absenden' }).click(),
    ]);
    // "Daily" shows the ranking, in German, with the untranslated option in English
    const wishes = form.locator('#q_wishes');
    await expect(wishes.locator('legend').textContent()).resolves.toContain(
      'Was würde Ihnen am meisten helfen? Ordnen Sie.',
    );
    await expect(wishes.textContent()).resolves.toContain('Schulung');
    await expect(wishes.textContent()).resolves.toContain('Time to learn');
    await expect(wishes.textContent()).resolves.toContain('Bessere Werkzeuge');
    await expect(seriousA11yViolations(form)).resolves.toEqual([]);
    // a ranking takes a position for every option: time first, then training, then tools
    await form.locator('#q_wishes_0').selectOption('2');
    await form.locator('#q_wishes_1').selectOption('1');
    await form.locator('#q_wishes_2').selectOption('3');
    await Promise.all([
      form.waitForEvent('load'),
      form.getByRole('button', { name: 'Antworten absenden' }).click(),
    ]);
    await expect(form.locator('h1').textContent()).resolves.toBe('Vielen Dank');

    // a second respondent in English takes the path without the ranking
    await form.goto(`${t.baseUrl}${new URL(openLink).pathname}`);
    await form.locator('#q_frequency_2').check(); // Never
    await form.locator('#q_trust_3').check();
    await Promise.all([
      form.waitForEvent('load'),
      form.getByRole('button', { name: 'Submit answers' }).click(),
    ]);
    await expect(form.locator('h1').textContent()).resolves.toBe('Thank you');
    await respondent.close();
  }, 120_000);

  it('should refuse edits once there are answers, as the API does, with its code', async () => {
    await page.goto(`/surveys/${surveyId}`);
    await expect(page.getByTestId('questions-locked').textContent()).resolves.toContain(
      'survey-has-answers',
    );
    await expect(page.getByRole('button', { name: 'Add question' }).count()).resolves.toBe(0);
    const edit = await page.goto(`/surveys/${surveyId}/questions/trust/edit`);
    expect(edit?.status()).toBe(409);
    await expect(page.getByTestId('editor-locked').textContent()).resolves.toContain(
      'survey-has-answers',
    );
    const api = await t.http
      .put(`/api/surveys/${surveyId}/questions`)
      .set(bearer(t.tokens.coe))
      .send({ questions: [{ key: 'x', text: 'x', kind: 'text', required: false }] })
      .expect(409);
    expect(api.body.message).toMatch(/^survey-has-answers: /);
  }, 60_000);

  it('should download the answers as a CSV whose header has the questions', async () => {
    await page.goto(`/surveys/${surveyId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV of wave 1' }).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    const [header, ...rows] = Buffer.concat(chunks).toString('utf8').trim().split(/\r?\n/);
    expect(header.split(',')).toEqual(
      expect.arrayContaining([
        'frequency',
        'phases[coding]',
        'phases[testing]',
        'trust',
        'wishes[training]',
      ]),
    );
    expect(rows).toHaveLength(2);
    const xlsx = await t.http
      .get(`/surveys/${surveyId}/export?format=xlsx`)
      .set('Cookie', (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; '))
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');

    // a new wave lists both waves' exports: the first one's links, the new one's wait for k answers
    await Promise.all([
      page.waitForURL((u) => u.pathname !== `/surveys/${surveyId}`),
      page.getByRole('button', { name: 'Run a new wave' }).click(),
    ]);
    const exports = page.getByTestId('exports');
    await expect(
      exports.getByRole('link', { name: 'XLSX of wave 1' }).getAttribute('href'),
    ).resolves.toBe(`/surveys/${surveyId}/export?format=xlsx`);
    await expect(exports.locator('li').nth(1).textContent()).resolves.toContain(
      'available once 2 people have answered',
    );
  }, 60_000);

  it('should keep the editor and the export from a leader', async () => {
    const other = await consoleContext(browser, t);
    const leader = await other.newPage();
    await signIn(leader, t.tokens.leader);
    const editor = await leader.goto(`/surveys/${surveyId}/questions/new?kind=likert`);
    expect(editor?.status()).toBe(403);
    const exported = await leader.goto(`/surveys/${surveyId}/export?format=csv`);
    expect(exported?.status()).toBe(403);
    await other.close();
  }, 60_000);
});
