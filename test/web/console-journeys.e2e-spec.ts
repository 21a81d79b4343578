import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DemoBaselineService } from '../../src/demo/demo-baseline.service';
import { ReportRendererService } from '../../src/reports/report-renderer.service';
import {
  checkPage,
  consoleContext,
  launchChromium,
  PHONE,
  signIn,
  startConsoleApp,
  type ConsoleTestApp,
} from './support/console';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** Every page a signed-in page can reach by following its links (downloads aside), from `start`. */
async function crawl(page: Page, start: string[]): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = [...start];
  while (queue.length > 0 && seen.size < 60) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    const res = await page.goto(path);
    seen.set(path, `${res?.status()} ${await page.content()}`);
    const links = await page.$$eval('a[href]:not([download])', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    for (const href of links) {
      const u = new URL(href);
      if (u.origin !== new URL(page.url()).origin || u.pathname === '/logout') continue;
      const next = `${u.pathname}${u.search}`;
      if (!seen.has(next)) queue.push(next);
    }
  }
  return seen;
}

describe('console journeys (demo organisation, Chromium)', () => {
  let t: ConsoleTestApp;
  let browser: Browser;
  let demoDir: string;

  beforeAll(async () => {
    t = await startConsoleApp({ env: { ORGANISATION_NAME: 'Demo Org' } });
    demoDir = mkdtempSync(join(tmpdir(), 'aic-console-demo-'));
    // Two baselines (two weeks apart) of a generated organisation, through the real modules.
    // The demo's files are not read here (demo-baseline.e2e checks its PDF): it writes no PDF,
    // a Chromium start saved; the console below still renders one on download.
    const noPdf = jest
      .spyOn(ReportRendererService.prototype, 'pdfAvailable')
      .mockReturnValue(false);
    await t.app.get(DemoBaselineService).run(demoDir);
    noPdf.mockRestore();
    browser = await launchChromium();
  }, 240_000);

  // Each role's session from its first sign-in through the form: later tests start signed in.
  const sessions = new Map<string, BrowserContextOptions['storageState']>();
  async function signInKept(page: Page, token: string): Promise<void> {
    await signIn(page, token);
    sessions.set(token, await page.context().storageState());
  }
  async function signedInContext(token: string, viewport?: typeof PHONE) {
    if (!sessions.has(token)) {
      const first = await consoleContext(browser, t);
      await signInKept(await first.newPage(), token);
      await first.close();
    }
    const context = await consoleContext(browser, t, viewport, sessions.get(token));
    return { context, page: await context.newPage() };
  }

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (demoDir) rmSync(demoDir, { recursive: true, force: true });
  });

  describe('leader', () => {
    it('should see the dashboard with its charts and download the PDF baseline', async () => {
      const context = await consoleContext(browser, t);
      const page = await context.newPage();
      await signInKept(page, t.tokens.leader);
      expect(new URL(page.url()).pathname).toBe('/');
      await page.waitForSelector('canvas[data-drawn="true"]');
      expect(await page.locator('canvas[data-drawn="true"]').count()).toBe(3);
      await expect(page.getByTestId('role').textContent()).resolves.toBe('leader');
      await expect(
        page.getByRole('heading', { name: 'Change since the previous baseline' }).isVisible(),
      ).resolves.toBe(true);
      await expect(
        page.locator('table').filter({ hasText: 'Compared with the baseline of' }).isVisible(),
      ).resolves.toBe(true);
      await checkPage(page, 'dashboard');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download pdf' }).click(),
      ]);
      const chunks: Buffer[] = [];
      for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
      const pdf = Buffer.concat(chunks);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(download.suggestedFilename()).toMatch(/^baseline-\d{4}-\d{2}-\d{2}\.pdf$/);

      await page.goto('/reports');
      await checkPage(page, 'reports');
      // building a report: the progress bar follows the job through the console's job route
      await page.getByLabel('Report', { exact: true }).selectOption('baseline');
      await Promise.all([
        page.waitForURL(/\/reports\?job=/),
        page.getByRole('button', { name: 'Build it now' }).click(),
      ]);
      await page.waitForSelector('.job-progress[data-state="completed"]', { timeout: 60_000 });
      expect(
        await page
          .locator('.job-progress progress')
          .evaluate((p) => (p as HTMLProgressElement).value),
      ).toBe(100);
      await expect(
        page.locator('.job-progress').getByRole('link', { name: 'Open the result' }).isVisible(),
      ).resolves.toBe(true);
      await checkPage(page, 'report-job');
      await context.close();
      // the process's first PDF: the renderer starts its Chromium here (the demo wrote none)
    }, 120_000);

    it('should fit the dashboard on a phone', async () => {
      const { context, page } = await signedInContext(t.tokens.leader, PHONE);
      await page.goto('/');
      await page.waitForSelector('canvas[data-drawn="true"]');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await checkPage(page, 'dashboard-phone');
      await context.close();
    });

    it('should reach no e-mail address on any page or download, and get a 403 page on /findings', async () => {
      const { context, page } = await signedInContext(t.tokens.leader);
      const pages = await crawl(page, ['/', '/reports', '/account']);
      expect([...pages.keys()]).toEqual(expect.arrayContaining(['/', '/reports', '/account']));
      const withEmail = [...pages]
        .filter(([, html]) => EMAIL.test(html))
        .map(([p, html]) => `${p}: ${EMAIL.exec(html)![0]}`);
      expect(withEmail).toEqual([]);
      // the downloads the dashboard offers, in their text formats
      const hrefs = await (await page.goto('/'),
      page.$$eval('a[download]', (as) => as.map((a) => (a as HTMLAnchorElement).href)));
      expect(hrefs.length).toBe(4);
      for (const href of hrefs.filter((h) => !h.endsWith('pdf'))) {
        const res = await page.request.get(href);
        expect([href, res.status()]).toEqual([href, 200]);
        expect([href, EMAIL.exec(await res.text())?.[0] ?? null]).toEqual([href, null]);
      }

      const res = await page.goto('/findings');
      expect(res!.status()).toBe(403);
      await expect(page.locator('.roles-needed').textContent()).resolves.toContain('security');
      await expect(page.getByRole('alert').textContent()).resolves.toContain(
        'you are signed in as leader',
      );
      await checkPage(page, 'forbidden');
      // the server refuses the data too, not just the page
      expect((await page.request.get('/admin/audit')).status()).toBe(403);
      await context.close();
    });
  });

  describe('security', () => {
    it('should filter, open a finding, accept its risk until a date with a reason and see it in the audit trail', async () => {
      const context = await consoleContext(browser, t);
      const page = await context.newPage();
      await signInKept(page, t.tokens.security);
      await page.goto('/findings');
      await checkPage(page, 'findings');
      const total = Number(
        /^(\d+)/.exec((await page.locator('caption').first().textContent())!)![1],
      );
      expect(total).toBeGreaterThan(5);

      await page.getByLabel('Status').selectOption('open');
      await page.getByLabel('Lead or claim').selectOption('claim');
      await Promise.all([
        page.waitForURL(/triageState=open/),
        page.getByRole('button', { name: 'Filter' }).click(),
      ]);
      expect(page.url()).toContain('strength=claim');
      const states = await page.locator('tbody tr td:nth-child(7)').allTextContents();
      expect(states.length).toBeGreaterThan(0);
      expect(new Set(states)).toEqual(new Set(['open']));

      await page.locator('tbody tr td:nth-child(4) a').first().click();
      await page.waitForURL(/\/findings\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { name: 'Why this score' }).isVisible()).resolves.toBe(
        true,
      );
      expect(await page.locator('.timeline > li').count()).toBeGreaterThan(0);
      await expect(page.locator('.timeline').textContent()).resolves.toMatch(/confidence \d+%/);
      await checkPage(page, 'finding');

      const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('Action').selectOption('accept');
      await page.getByLabel('Accepted until (for accept)').fill(until);
      await page
        .getByLabel('Reason')
        .fill('Pilot approved by the CISO until the contract is signed');
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Apply' }).click(),
      ]);
      await expect(page.getByTestId('triage-state').textContent()).resolves.toBe(
        `accepted until ${until}`,
      );
      const history = (await page.getByTestId('finding-history').textContent())!;
      expect(history).toContain('Pilot approved by the CISO until the contract is signed');
      expect(history).toContain('audit: finding.accept');
      expect(history).toContain(`accepted until ${until}`);
      await context.close();
    });

    it('should page the queue on the server and filter it by team', async () => {
      const { context, page } = await signedInContext(t.tokens.security);
      await page.goto('/findings');
      const firstOnPage1 = await page
        .locator('tbody tr td:nth-child(4) a')
        .first()
        .getAttribute('href');
      expect(await page.locator('tbody tr').count()).toBe(50);
      await Promise.all([
        page.waitForURL(/page=2/),
        page.getByRole('link', { name: 'Next' }).click(),
      ]);
      await expect(page.locator('.pagination p').textContent()).resolves.toMatch(/^Page 2 of \d+/);
      expect(
        await page.locator('tbody tr td:nth-child(4) a').first().getAttribute('href'),
      ).not.toBe(firstOnPage1);

      const team = (await page.locator('#f-team option').allTextContents())[1];
      await page.getByLabel('Team').selectOption(team);
      await Promise.all([
        page.waitForURL(/team=/),
        page.getByRole('button', { name: 'Filter' }).click(),
      ]);
      expect(page.url()).not.toContain('page=2'); // a new filter starts at the first page
      const teams = await page.locator('tbody tr td:nth-child(6)').allTextContents();
      expect(teams.length).toBeGreaterThan(0);
      expect(teams.filter((x) => x !== team && !x.startsWith(`${team}/`))).toEqual([]);
      await context.close();
    });

    it('should triage several findings at once from the list, and refuse a form without its CSRF token', async () => {
      const { context, page } = await signedInContext(t.tokens.security);
      await page.goto('/findings?triageState=open');
      const boxes = page.locator('tbody input[name="ids"]');
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await page.getByLabel('Action', { exact: true }).selectOption('acknowledge');
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Apply to selected' }).click(),
      ]);
      await expect(page.locator('.flash').textContent()).resolves.toBe(
        'Acknowledge: 2 of 2 findings changed.',
      );
      expect(page.url()).toContain('triageState=open');

      const forged = await page.request.post('/findings/bulk', {
        form: { action: 'remediate', ids: '00000000-0000-4000-8000-000000000000' },
      });
      expect(forged.status()).toBe(403);
      await context.close();
    });
  });

  describe('admin', () => {
    it('should create a token, show it once, revoke it, and the revoked token can no longer sign in', async () => {
      const context = await consoleContext(browser, t);
      const page = await context.newPage();
      page.on('dialog', (d) => void d.accept());
      await signIn(page, t.tokens.admin);
      await page.goto('/admin/tokens');
      await checkPage(page, 'tokens');
      await page.getByLabel('Name').fill('leader-laptop');
      await page.getByLabel('Role').selectOption('leader');
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Create token' }).click(),
      ]);
      const secret = (await page.getByTestId('new-token').textContent())!.trim();
      expect(secret.length).toBeGreaterThan(20);
      await checkPage(page, 'token-created');
      await page.goto('/admin/tokens');
      expect(await page.content()).not.toContain(secret);

      // the new token works...
      const other = await consoleContext(browser, t);
      const leaderPage = await other.newPage();
      await signIn(leaderPage, secret);
      await expect(leaderPage.getByTestId('role').textContent()).resolves.toBe('leader');

      // ...until it is revoked: its open session ends, and it cannot sign in again
      await page
        .locator('tr[data-token-name="leader-laptop"]')
        .getByRole('button', { name: 'Revoke leader-laptop' })
        .click();
      await page.waitForLoadState('load');
      await expect(page.locator('.flash').textContent()).resolves.toContain('Token revoked');
      await expect(
        page.locator('tr[data-token-name="leader-laptop"] td').nth(5).textContent(),
      ).resolves.toBe('revoked');
      expect((await leaderPage.goto('/'))!.status()).toBe(401);
      await leaderPage.getByLabel('API token').fill(secret);
      await leaderPage.getByRole('button', { name: 'Sign in' }).click();
      await expect(leaderPage.getByRole('alert').textContent()).resolves.toContain(
        'unknown, revoked or expired',
      );

      await page.goto('/admin/audit?action=token.revoke');
      await expect(page.locator('tbody').textContent()).resolves.toContain('token.revoke');
      await checkPage(page, 'audit');
      await other.close();
      await context.close();
    });
  });
});
