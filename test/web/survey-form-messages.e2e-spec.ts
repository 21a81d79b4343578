import type { Browser } from 'playwright-core';
import { bearer } from '../support/test-app';
import {
  launchChromium,
  seriousA11yViolations,
  startConsoleApp,
  type ConsoleTestApp,
} from './support/console';
import { invitedPulse, press } from './support/survey-form';

const FREQUENCY_DE = 'Wie oft nutzen Sie KI-Werkzeuge für Ihre Arbeit?';

describe('the form’s own words in German, kept across every post and redirect', () => {
  let t: ConsoleTestApp;
  let browser: Browser;
  let links: Record<string, string>;

  beforeAll(async () => {
    t = await startConsoleApp();
    browser = await launchChromium();
    ({ links } = await invitedPulse(t));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should say a missing required answer and a bad number in German until the thank-you page', async () => {
    // An English browser: only the link parameter asks for German, so a lost ?lang shows.
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${links.alice}?lang=de`);
    await expect(page.locator(`#q_frequency legend`).textContent()).resolves.toBe(
      `${FREQUENCY_DE} (erforderlich)`,
    );

    await press(page, 'Weiter'); // the required question left unanswered
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      `Bitte prüfen Sie eine Antwort„${FREQUENCY_DE}“ braucht eine Antwort.`,
    );
    await expect(page.locator('#q_frequency .error').textContent()).resolves.toBe(
      `„${FREQUENCY_DE}“ braucht eine Antwort.`,
    );
    await expect(page.getByText('(erforderlich)').isVisible()).resolves.toBe(true);
    await expect(page.content()).resolves.not.toMatch(/needs an answer|\(required\)|Please check/);
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);

    await page.locator('#q_frequency_0').focus();
    await page.keyboard.press('Space'); // Täglich
    await press(page, 'Weiter');
    await expect(page.locator('h2').last().textContent()).resolves.toBe('Arbeiten mit KI');
    await page.locator('#q_time_saved').focus();
    await page.keyboard.type('99');
    await press(page, 'Weiter');
    await expect(page.locator('#q_time_saved').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Geben Sie eine Zahl von 0 bis 40 Stunden pro Woche für',
    );

    await page.locator('#q_time_saved').fill('');
    await page.locator('#q_time_saved').focus();
    await page.keyboard.type('4');
    await press(page, 'Speichern und später fortfahren');
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      'Ihre Antworten sind gespeichert. Öffnen Sie denselben Link, um fortzufahren.',
    );
    await press(page, 'Weiter');
    await expect(page.locator('h2').last().textContent()).resolves.toBe(
      'Richtlinie, Hürden und Schulung',
    );
    await press(page, 'Zurück');
    await expect(page.locator('h2').last().textContent()).resolves.toBe('Arbeiten mit KI');
    await press(page, 'Weiter');
    await press(page, 'Antworten absenden');
    await expect(page.locator('h1').textContent()).resolves.toBe('Vielen Dank');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('de');

    // The used link says so in German too.
    await page.goto(`${links.alice}?lang=de`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Link bereits verwendet');
    await context.close();
  }, 120_000);

  it('should keep German through the open link’s save redirect and its resume page', async () => {
    const anonymous = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'Open pulse', privacyMode: 'anonymous', template: 'ai-adoption-pulse' })
      .expect(201);
    const open = await t.http
      .post(`/api/surveys/${anonymous.body.id}/open-link`)
      .set(bearer(t.tokens.coe))
      .expect(201);
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${t.baseUrl}${new URL(open.body.url).pathname}?lang=de`);
    await page.locator('#q_frequency_0').focus();
    await page.keyboard.press('Space');
    await press(page, 'Speichern und später fortfahren');
    const resumed = new URL(page.url());
    expect(resumed.pathname).toMatch(/^\/s\/resume\//);
    expect(resumed.searchParams.get('lang')).toBe('de');
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Ihre Antworten sind gespeichert.',
    );
    await expect(page.locator('#q_frequency_0').isChecked()).resolves.toBe(true);
    await press(page, 'Weiter');
    await expect(page.locator('h2').last().textContent()).resolves.toBe('Arbeiten mit KI');
    await context.close();
  }, 60_000);

  it('should answer a post in the form’s language when the address carries none', async () => {
    const link = new URL(links.bob).pathname;
    const missing = await t.http
      .post(link)
      .set('Accept-Language', 'en')
      .type('form')
      .send({ lang: 'es', action: 'next', page: '0', shown: 'frequency' })
      .expect(400);
    expect(missing.text).toContain('necesita una respuesta');
    expect(missing.text).toContain('<html lang="es">');
    const invalid = await t.http.get('/s/not-a-real-token-at-all?lang=es').expect(404);
    expect(invalid.text).toContain('Enlace no reconocido');
  });
});
