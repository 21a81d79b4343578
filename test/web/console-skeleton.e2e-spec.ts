import type { Browser } from 'playwright-core';
import request from 'supertest';
import { Role } from '../../src/auth/role';
import { TokenService } from '../../src/auth/token.service';
import { JobName } from '../../src/jobs/job-names';
import { JobsService } from '../../src/jobs/jobs.service';
import { LOCAL_OPERATOR } from '../../src/auth/role';
import {
  checkPage,
  consoleContext,
  createToken,
  launchChromium,
  startConsoleApp,
  type ConsoleTestApp,
} from './support/console';

/** A supertest agent signed in through the form (cookie jar kept), and its CSRF token. */
async function agentSignedIn(t: ConsoleTestApp, token: string) {
  const agent = request.agent(t.app.getHttpServer());
  const form = await agent.get('/login').expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
  const res = await agent.post('/login').type('form').send({ token, _csrf: csrf });
  expect(res.status).toBe(303);
  const account = await agent.get('/account').expect(200);
  const sessionCsrf = /name="_csrf" value="([^"]+)"/.exec(account.text)![1];
  return { agent, csrf: sessionCsrf, cookies: res.headers['set-cookie'] as unknown as string[] };
}

describe('console skeleton: sign-in, sessions, CSRF, headers', () => {
  let t: ConsoleTestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startConsoleApp({
      env: {
        ORGANISATION_NAME: 'Example Corp',
        CONSOLE_SESSION_IDLE_SECONDS: '3',
        CONSOLE_SESSION_MAX_SECONDS: '600',
      },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('should sign in with the keyboard alone and show the role and the organisation', async () => {
    const context = await consoleContext(browser, t);
    const page = await context.newPage();
    await page.goto('/login');
    await checkPage(page, 'login');
    // The token field has the focus on arrival; before it there is only the skip link.
    const focused = () =>
      page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
    await expect(focused()).resolves.toBe('token');
    await page.keyboard.press('Shift+Tab');
    await expect(focused()).resolves.toBe('Skip to main content');
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('token');
    await page.keyboard.type(t.tokens.admin);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== '/login'),
      page.keyboard.press('Enter'),
    ]);
    await page.goto('/account');
    await expect(page.getByTestId('role').textContent()).resolves.toBe('admin');
    await expect(page.getByTestId('organisation').textContent()).resolves.toBe('Example Corp');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'aic_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await checkPage(page, 'account');
    await context.close();
  });

  it('should refuse a wrong token on the form and show the sign-in form for a page without a session', async () => {
    const context = await consoleContext(browser, t);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('API token').fill('aic_not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'unknown, revoked or expired',
    );
    const res = await page.goto('/account');
    expect(res!.status()).toBe(401);
    await expect(page.getByLabel('API token').isVisible()).resolves.toBe(true);
    // signing in from there returns to the page asked for
    await page.getByLabel('API token').fill(t.tokens.security);
    await Promise.all([
      page.waitForURL('**/account'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await context.close();
  });

  it('should refuse a collector token, which cannot sign in to the console', async () => {
    const token = await createToken(t, Role.Collector);
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const res = await agent.post('/login').type('form').send({ token, _csrf: csrf });
    expect(res.status).toBe(401);
    expect(res.text).toContain('A collector token cannot sign in');
  });

  it('should refuse the sign-in form without its CSRF cookie and field', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/login')
      .type('form')
      .send({ token: t.tokens.admin });
    expect(res.status).toBe(403);
    expect(String(res.headers['set-cookie'] ?? '')).not.toContain('aic_session=');
  });

  it('should reject a POST without the session CSRF token with 403, and accept it with', async () => {
    const { agent, csrf } = await agentSignedIn(t, t.tokens.admin);
    const bad = await agent.post('/logout').type('form').send({});
    expect(bad.status).toBe(403);
    expect(bad.text).toContain('did not come from your current console session');
    const wrong = await agent
      .post('/logout')
      .type('form')
      .send({ _csrf: `${csrf}x` });
    expect(wrong.status).toBe(403);
    await agent.get('/account').expect(200);
    const ok = await agent.post('/logout').type('form').send({ _csrf: csrf });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/login?signedOut=1');
  });

  it('should invalidate the session on the server at sign-out, so a copied cookie stops working', async () => {
    const { agent, csrf, cookies } = await agentSignedIn(t, t.tokens.coe);
    const sessionCookie = cookies.find((c) => c.startsWith('aic_session='))!.split(';')[0];
    await agent.post('/logout').type('form').send({ _csrf: csrf }).expect(303);
    const replay = await request(t.app.getHttpServer())
      .get('/account')
      .set('Cookie', sessionCookie);
    expect(replay.status).toBe(401);
  });

  it('should end a session left idle longer than CONSOLE_SESSION_IDLE_SECONDS', async () => {
    const { agent } = await agentSignedIn(t, t.tokens.leader);
    await agent.get('/account').expect(200);
    await new Promise((r) => setTimeout(r, 3_500));
    await agent.get('/account').expect(401);
  });

  it('should end the sessions of a token when the token is revoked', async () => {
    const token = await createToken(t, Role.Security, 'soon-revoked');
    const { agent } = await agentSignedIn(t, token);
    await agent.get('/account').expect(200);
    const tokens = t.app.get(TokenService);
    const row = (await tokens.list()).find((r) => r.name === 'soon-revoked')!;
    await tokens.revoke(row.id, LOCAL_OPERATOR);
    await agent.get('/account').expect(401);
  });

  it('should send the security headers on pages and serve assets from this origin', async () => {
    const res = await request(t.app.getHttpServer()).get('/login').expect(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(res.text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[^"']*\.(js|css)/); // no CDN
    const html = res.text.replace(/&#x3D;/g, '=');
    const src = /src="(\/assets\/console\.mjs\?v=\w+)"/.exec(html)![1];
    const js = await request(t.app.getHttpServer()).get(src).expect(200);
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.headers['cache-control']).toContain('immutable');
    await request(t.app.getHttpServer()).get('/assets/chart.umd.min.js').expect(200);
    await request(t.app.getHttpServer()).get('/assets/..%2Fweb.module.ts').expect(404);
  });

  it('should let a progress bar follow a job with the session, and a leader report jobs only', async () => {
    const jobs = t.app.get(JobsService);
    const diag = await jobs.enqueue(JobName.Diagnostics, {}, { actor: LOCAL_OPERATOR });
    const admin = await agentSignedIn(t, t.tokens.admin);
    const res = await admin.agent.get(`/console/api/jobs/${diag.id}`).expect(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'error',
      'finishedAt',
      'id',
      'name',
      'progress',
      'state',
    ]);
    const leader = await agentSignedIn(t, t.tokens.leader);
    const refused = await leader.agent.get(`/console/api/jobs/${diag.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('report jobs only');
    await request(t.app.getHttpServer()).get(`/console/api/jobs/${diag.id}`).expect(401);
  });
});
