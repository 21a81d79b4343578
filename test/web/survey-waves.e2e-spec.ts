import type { Browser } from 'playwright-core';
import { bearer } from '../support/test-app';
import {
  consoleContext,
  launchChromium,
  seriousA11yViolations,
  signIn,
  startConsoleApp,
  type ConsoleTestApp,
} from './support/console';
import { importDirectory } from './support/survey-form';

// Platform has five people (k = 5) and Data two: Data must never be compared.
const CONFIDENCE: Record<string, [string, string]> = {
  alice: ['2', '4'],
  bob: ['2', '5'],
  carol: ['3', '4'],
  dan: ['2', '4'],
  erin: ['3', '5'],
  frank: ['1', '3'],
  gina: ['2', '3'],
};

describe('survey waves: per-question change by team, small teams suppressed', () => {
  let t: ConsoleTestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startConsoleApp();
    browser = await launchChromium();
    await importDirectory(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Everyone invited answers the pulse through their link, as the form posts it. */
  async function answer(surveyId: string, wave: 0 | 1): Promise<void> {
    const issued = await t.http
      .post(`/api/surveys/${surveyId}/invitations`)
      .set(bearer(t.tokens.coe))
      .send({ everyone: true })
      .expect(201);
    for (const link of issued.body.links as { email: string; url: string }[]) {
      const who = link.email.split('@')[0];
      await t.http
        .post(new URL(link.url).pathname)
        .type('form')
        .send({
          q_frequency: 'daily',
          q_confidence: CONFIDENCE[who][wave],
          action: 'submit',
          page: '0',
          shown: 'frequency',
        })
        .expect(200);
    }
  }

  it('should re-run the pulse from the console and show each change with its interval', async () => {
    const first = await t.http
      .post('/api/surveys')
      .set(bearer(t.tokens.coe))
      .send({ title: 'Q1 pulse', privacyMode: 'identified', k: 5, template: 'ai-adoption-pulse' })
      .expect(201);
    await answer(first.body.id, 0);

    const context = await consoleContext(browser, t);
    const page = await context.newPage();
    await signIn(page, t.tokens.coe);
    await page.goto(`/surveys/${first.body.id}`);
    await expect(page.getByText('This is the first wave.').isVisible()).resolves.toBe(true);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== `/surveys/${first.body.id}`),
      page.getByRole('button', { name: 'Run a new wave' }).click(),
    ]);
    const secondId = new URL(page.url()).pathname.split('/').pop() as string;
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Wave 2');

    const waves = await t.http
      .get(`/api/surveys/${secondId}/waves`)
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(waves.body.map((w: { wave: number }) => w.wave)).toEqual([1, 2]);
    await answer(secondId, 1);

    const results = await t.http
      .get(`/api/surveys/${secondId}/results`)
      .set(bearer(t.tokens.leader))
      .expect(200);
    const change = results.body.waveChange;
    expect(change.teams).toEqual(['Engineering/Platform']);
    expect(change.suppressedTeams).toEqual(['Engineering/Data']);
    const confidence = change.questions.find((q: { key: string }) => q.key === 'confidence');
    const cells = confidence.measures[0].cells as {
      team: string;
      change: { value: number; low: number; high: number };
    }[];
    expect(cells.map((c) => c.team)).toEqual(['(all)', 'Engineering/Platform']);
    const platform = cells[1];
    expect(platform.change.value).toBeCloseTo(2, 5);
    expect(platform.change.low).toBeGreaterThan(0);
    expect(platform.change.high).toBeGreaterThan(platform.change.value);
    expect(JSON.stringify(change)).not.toContain('Engineering/Data"'.replace('"', '",'));

    await page.goto(`/surveys/${secondId}`);
    const table = page.getByTestId('wave-change-confidence');
    await expect(table.textContent()).resolves.toContain('Engineering/Platform');
    await expect(table.textContent()).resolves.not.toContain('Engineering/Data');
    await expect(page.getByTestId('suppressed-teams').textContent()).resolves.toContain(
      'Engineering/Data',
    );
    await expect(table.textContent()).resolves.toMatch(/\+2\.0 \(\+\d\.\d to \+\d\.\d\)/);
    // (a full-page screenshot of this long page outlasts the shared machine's timeout; axe runs)
    await expect(seriousA11yViolations(page)).resolves.toEqual([]);
    await context.close();
  }, 180_000);
});
