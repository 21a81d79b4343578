import type { Browser, Page } from 'playwright-core';
import { bearer } from '../support/test-app';
import { launchChromium, startConsoleApp, type ConsoleTestApp } from './support/console';
import { invitedPulse, press } from './support/survey-form';

/** Focuses the first choice of a question and moves with the arrow keys, as a keyboard user does. */
async function choose(page: Page, key: string, steps: number): Promise<void> {
  await page.locator(`#q_${key}_0`).focus();
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  if (steps === 0) await page.keyboard.press('Space');
}

describe('the pulse template answered by keyboard in two languages', () => {
  let t: ConsoleTestApp;
  let browser: Browser;
  let surveyId: string;
  let links: Record<string, string>;

  beforeAll(async () => {
    t = await startConsoleApp();
    browser = await launchChromium();
    ({ surveyId, links } = await invitedPulse(t));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should skip to barriers in German (browser language) for someone who uses no AI tool', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(links.alice);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
    await expect(page.locator('#privacy').textContent()).resolves.toContain('Namentliche Umfrage');
    await expect(
      page.getByText('Wie oft nutzen Sie KI-Werkzeuge für Ihre Arbeit?').isVisible(),
    ).resolves.toBe(true);
    await choose(page, 'frequency', 4); // Täglich → … → Nie
    await expect(page.getByLabel('Nie').isChecked()).resolves.toBe(true);
    await press(page, 'Weiter');
    // The "Working with AI" page is skipped: next comes policy, barriers and training.
    await expect(page.locator('h2').last().textContent()).resolves.toBe(
      'Richtlinie, Hürden und Schulung',
    );
    await expect(page.locator('#q_phase_use').count()).resolves.toBe(0);
    await choose(page, 'policy_clarity', 2); // Nein
    await page.locator('#q_barriers_1').focus();
    await page.keyboard.press('Space'); // Unklare Regeln
    await press(page, 'Antworten absenden');
    await expect(page.locator('h1').textContent()).resolves.toBe('Vielen Dank');
    await context.close();
  });

  it('should take the full path in Spanish from the link parameter', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${links.bob}?lang=es`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await choose(page, 'frequency', 0); // A diario
    await press(page, 'Siguiente');
    await expect(page.locator('h2').last().textContent()).resolves.toBe('Trabajar con IA');
    await expect(
      page.getByText('¿Cuánto usa la IA en cada fase de su trabajo?').isVisible(),
    ).resolves.toBe(true);
    await page.locator('#q_tools input[value="cursor"]').focus();
    await page.keyboard.press('Space');
    await press(page, 'Siguiente');
    await expect(page.locator('h2').last().textContent()).resolves.toBe(
      'Política, obstáculos y formación',
    );
    await choose(page, 'policy_clarity', 0); // Sí, con claridad
    await press(page, 'Enviar respuestas');
    await expect(page.locator('h1').textContent()).resolves.toBe('Gracias');
    await context.close();
  });

  it('should keep both answers, the skipped questions empty and the named tool disclosed', async () => {
    const responses = await t.http
      .get(`/api/surveys/${surveyId}/responses`)
      .set(bearer(t.tokens.coe))
      .expect(200);
    const rows = (responses.body.responses ?? responses.body) as {
      answers: Record<string, unknown>;
      toolIds: string[];
    }[];
    const never = rows.find((r) => r.answers.frequency === 'never')!;
    expect(never.answers).toMatchObject({ policy_clarity: 'no', barriers: ['unclear-policy'] });
    expect(never.answers.tools).toBeUndefined();
    const daily = rows.find((r) => r.answers.frequency === 'daily')!;
    expect(daily.toolIds).toEqual(['cursor']);
    expect(daily.answers.policy_clarity).toBe('yes');
  });
});
