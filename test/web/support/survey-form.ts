import type { Page } from 'playwright-core';
import { DIRECTORY_CSV } from '../../support/survey-fixtures';
import { bearer } from '../../support/test-app';
import type { ConsoleTestApp } from './console';

/** Posts the form with Enter on the focused button and waits for the next page. */
export async function press(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).focus();
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
}

/** A directory CSV imported through the API, as the CoE would. */
export async function importDirectory(t: ConsoleTestApp, csv = DIRECTORY_CSV): Promise<void> {
  await t.http.post('/api/people/imports/csv').set(bearer(t.tokens.coe)).send({ csv }).expect(201);
}

/**
 * The test directory imported and the pulse template created as an identified survey, everyone
 * invited: the survey and each person's link (by the e-mail's local part) on the app's address.
 */
export async function invitedPulse(
  t: ConsoleTestApp,
): Promise<{ surveyId: string; links: Record<string, string> }> {
  await importDirectory(t);
  const created = await t.http
    .post('/api/surveys')
    .set(bearer(t.tokens.coe))
    .send({ title: 'Pulse', privacyMode: 'identified', template: 'ai-adoption-pulse' })
    .expect(201);
  const issued = await t.http
    .post(`/api/surveys/${created.body.id}/invitations`)
    .set(bearer(t.tokens.coe))
    .send({ everyone: true })
    .expect(201);
  const links = Object.fromEntries(
    issued.body.links.map((l: { email: string; url: string }) => [
      l.email.split('@')[0],
      `${t.baseUrl}${new URL(l.url).pathname}`,
    ]),
  );
  return { surveyId: created.body.id, links };
}
