import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer } from '../support/test-app';
import {
  checkPage,
  consoleContext,
  launchChromium,
  signIn,
  startConsoleApp,
  type ConsoleTestApp,
} from './support/console';
import { press } from './support/survey-form';

describe('the survey’s title and description in other languages, edited in the console', () => {
  let t: ConsoleTestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let surveyId: string;

  beforeAll(async () => {
    t = await startConsoleApp();
    browser = await launchChromium();
    context = await consoleContext(browser, t);
    page = await context.newPage();
    await signIn(page, t.tokens.coe);
    const created = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'Tools we use', description: 'Five minutes.', privacyMode: 'anonymous' })
      .expect(201);
    surveyId = created.body.id;
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  const stored = async () =>
    (await t.http.get(`/api/surveys/${surveyId}`).set(bearer(t.tokens.coe)).expect(200)).body;

  it('should save German wording and the e-mail language, and say what is too long', async () => {
    await page.goto(`/surveys/${surveyId}`);
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('link', { name: 'Title in other languages, e-mail language' }).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Title, description and e-mail language',
    );
    await page.locator('#st-de_title').fill('x'.repeat(201));
    await press(page, 'Save');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Deutsch title: at most 200 characters.',
    );
    expect((await stored()).translations).toEqual({});

    await page.locator('#st-de_title').fill('Unsere Werkzeuge');
    await page.locator('#st-de_description').fill('Fünf Minuten.');
    await page.locator('#st-invitationLanguage').selectOption('de');
    await checkPage(page, 'survey-texts');
    await press(page, 'Save');
    expect(await stored()).toMatchObject({
      translations: { de: { title: 'Unsere Werkzeuge', description: 'Fünf Minuten.' } },
      invitationLanguage: 'de',
    });
    // the page shows what is stored when opened again
    await page.goto(`/surveys/${surveyId}/texts`);
    await expect(page.locator('#st-de_title').inputValue()).resolves.toBe('Unsere Werkzeuge');
    await expect(page.locator('#st-es_title').inputValue()).resolves.toBe('');
    await expect(page.locator('#st-invitationLanguage').inputValue()).resolves.toBe('de');
  }, 60_000);

  it('should show the German title at ?lang=de and the original where Spanish is empty', async () => {
    const link = await t.http
      .post(`/api/surveys/${surveyId}/open-link`)
      .set(bearer(t.tokens.coe))
      .expect(201);
    const respondent = await browser.newContext({ locale: 'en-GB' });
    const form = await respondent.newPage();
    await form.goto(`${t.baseUrl}${new URL(link.body.url).pathname}?lang=de`);
    await expect(form.locator('h1').textContent()).resolves.toBe('Unsere Werkzeuge');
    await expect(form.getByText('Fünf Minuten.').isVisible()).resolves.toBe(true);
    await expect(form.title()).resolves.toContain('Unsere Werkzeuge');
    await form.goto(`${t.baseUrl}${new URL(link.body.url).pathname}?lang=es`);
    await expect(form.locator('h1').textContent()).resolves.toBe('Tools we use');
    await expect(form.getByText('Five minutes.').isVisible()).resolves.toBe(true);
    await respondent.close();
  }, 60_000);

  it('should keep the page from a leader', async () => {
    const other = await consoleContext(browser, t);
    const leader = await other.newPage();
    await signIn(leader, t.tokens.leader);
    expect((await leader.goto(`/surveys/${surveyId}/texts`))?.status()).toBe(403);
    await other.close();
  }, 60_000);
});
