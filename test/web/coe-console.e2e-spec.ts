import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { GitRepoBuilder } from '../support/git-repo-builder';
import { DIRECTORY_CSV, SURVEY_FIXTURES } from '../support/survey-fixtures';
import { bearer } from '../support/test-app';
import {
  checkPage,
  consoleContext,
  launchChromium,
  signIn,
  startConsoleApp,
  type ConsoleTestApp,
} from './support/console';

const PUBLIC_URL = 'https://census.example.org';
const NETWORK_FIXTURES = path.join(__dirname, '../fixtures/network');

/** Waits for the page's progress bar to say the job is done (or fails the test with what it says). */
async function jobDone(page: Page): Promise<void> {
  const state = page.locator('.job-progress .job-state');
  await state.filter({ hasText: /Done|Failed/ }).waitFor({ timeout: 30_000 });
  await expect(state.textContent()).resolves.toContain('Done');
  await expect(page.locator('.job-progress progress').getAttribute('value')).resolves.toBe('100');
}

/** The audit records of an action, as an admin reads them through the API. */
async function audited(t: ConsoleTestApp, action: string) {
  const res = await t.http
    .get(`/api/audit?action=${encodeURIComponent(action)}&limit=50`)
    .set(bearer(t.tokens.admin))
    .expect(200);
  return res.body as { actorName: string; targetId: string; detail: Record<string, unknown> }[];
}

describe('console: the CoE pages (catalog, surveys, sources, people)', () => {
  let t: ConsoleTestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let smtp: SMTPServer;
  const mails: string[] = [];
  let tmp: string;
  let checkout: GitRepoBuilder;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    checkout = new GitRepoBuilder('payments-api');
    checkout.commit({
      message: 'Cursor rules for the team',
      files: {
        '.cursor/rules/style.mdc': 'Prefer small functions.\n',
        'README.md': '# payments\n',
      },
    });
    t = await startConsoleApp({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        SMTP_FROM: 'AI CoE <coe@example.com>',
        PUBLIC_URL,
        LOCAL_SCAN_ROOTS: path.dirname(checkout.dir),
      },
    });
    tmp = fs.mkdtempSync(path.join(t.env.AI_CENSUS_DATA_DIR, 'uploads-'));
    browser = await launchChromium();
    context = await consoleContext(browser, t);
    page = await context.newPage();
    await signIn(page, t.tokens.coe);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  it('should let the CoE change a policy (status and data classes) and see it saved and audited', async () => {
    await page.goto('/catalog');
    await checkPage(page, 'coe-catalog');
    await page.getByLabel('Name, vendor or alias').fill('copilot');
    await page.getByLabel('Policy status').selectOption('unreviewed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/q=copilot/);
    await page.getByRole('link', { name: 'GitHub Copilot', exact: true }).click();
    await page.waitForURL('**/catalog/tools/github-copilot');
    await checkPage(page, 'coe-policy-editor');

    await page.getByLabel('Sanctioned').check();
    await page.getByLabel('Internal', { exact: true }).check();
    await page.getByLabel('PII').check();
    await page.getByLabel('Note').fill('Org seats only');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.waitForURL('**/catalog/tools/github-copilot');

    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Policy of GitHub Copilot saved.',
    );
    await expect(page.getByLabel('Sanctioned').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('PII').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('policy-history').textContent()).resolves.toContain(
      'Unreviewed → Sanctioned; data classes: none → Internal, PII',
    );
    const records = await audited(t, 'policy.update');
    expect(records[0]).toMatchObject({
      actorName: 'test-coe',
      targetId: 'github-copilot',
      detail: { after: { status: 'sanctioned', dataClasses: ['internal', 'pii'] } },
    });
    const api = await t.http
      .get('/api/catalog/tools/github-copilot')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(api.body.policy).toMatchObject({
      status: 'sanctioned',
      dataClasses: ['internal', 'pii'],
    });
  });

  it('should name the field when the policy form is wrong', async () => {
    const csrf = await page
      .goto('/catalog/tools/cursor')
      .then(() => page.locator('input[name="_csrf"]').first().inputValue());
    const res = await page.request.post('/catalog/tools/cursor/policy', {
      form: { _csrf: csrf, status: 'allowed', dataClasses: 'secret' },
    });
    expect(res.status()).toBe(400);
    const html = await res.text();
    expect(html).toContain('Status: choose one of');
    expect(html).toContain('Data classes: secret is not one of');
  });

  it('should export the policy as YAML and apply it back, and name the line of a bad file', async () => {
    await page.goto('/catalog');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the policy (YAML)' }).click(),
    ]);
    const exported = path.join(tmp, 'policy.yaml');
    await download.saveAs(exported);
    const yaml = fs.readFileSync(exported, 'utf8');
    expect(yaml).toMatch(/github-copilot:\n\s+status: sanctioned/);

    // someone changes the policy behind the file's back; applying the file restores it
    await t.http
      .put('/api/catalog/tools/github-copilot/policy')
      .set(bearer(t.tokens.admin))
      .send({ status: 'prohibited' })
      .expect(200);
    await page.getByLabel('Policy file to apply').setInputFiles(exported);
    await page.getByRole('button', { name: 'Upload and apply' }).click();
    await page.waitForURL('**/catalog');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'applied: 1 tool changed',
    );
    const back = await t.http
      .get('/api/catalog/tools/github-copilot')
      .set(bearer(t.tokens.coe))
      .expect(200);
    expect(back.body.policy).toMatchObject({
      status: 'sanctioned',
      dataClasses: ['internal', 'pii'],
    });

    const bad = path.join(tmp, 'bad-policy.yaml');
    fs.writeFileSync(
      bad,
      'version: 1\npolicies:\n  cursor:\n    status: allowed\n  no-such-tool:\n    status: sanctioned\n',
    );
    await page.getByLabel('Policy file to apply').setInputFiles(bad);
    await page.getByRole('button', { name: 'Upload and apply' }).click();
    const problems = page.getByTestId('policy-import-problems');
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toContain('Line 4: policies.cursor.status');
    await expect(problems.textContent()).resolves.toContain(
      'Line 5: policies.no-such-tool is not a tool in the catalog',
    );
    await checkPage(page, 'coe-catalog-import-errors');
  });

  it('should create a custom tool through its form', async () => {
    await page.goto('/catalog/custom-tools/new');
    await checkPage(page, 'coe-custom-tool');
    await page.getByLabel('Id', { exact: true }).fill('acme-gateway');
    await page.getByLabel('Name', { exact: true }).fill('Acme LLM Gateway');
    await page.getByLabel('Vendor').fill('Acme');
    await page.getByLabel('Category').selectOption('llm-api');
    await page.getByLabel('Domains').fill('llm-gateway.acme.example');
    await page.getByRole('button', { name: 'Save tool' }).click();
    await page.waitForURL('**/catalog/tools/acme-gateway');
    await expect(page.locator('h1').textContent()).resolves.toBe('Acme LLM Gateway');
    const match = await t.http
      .get('/api/catalog/match?host=eu.llm-gateway.acme.example')
      .set(bearer(t.tokens.coe))
      .expect(200);
    expect(match.body.host.toolId).toBe('acme-gateway');
  });

  it('should preview how a directory CSV maps, import it, and show its progress to done', async () => {
    const file = path.join(tmp, 'staff.csv');
    fs.writeFileSync(
      file,
      DIRECTORY_CSV.replace('email,name,team', 'Email,Display Name,Team').replace(
        'github login,aliases',
        'github login,aliases,desk',
      ),
    );
    await page.goto('/sources');
    await checkPage(page, 'coe-sources');
    await page.getByLabel('Directory CSV').setInputFiles(file);
    await page.getByRole('button', { name: 'Preview the columns' }).first().click();
    const mapping = page.getByTestId('column-mapping');
    await mapping.waitFor();
    const text = (await mapping.textContent()) ?? '';
    expect(text).toMatch(/Display Name\s*Name/);
    expect(text).toMatch(/desk\s*Ignored/);
    await checkPage(page, 'coe-directory-preview');
    await page.getByRole('button', { name: 'Import the directory' }).click();
    await page.waitForURL(/\/sources\?job=/);
    await jobDone(page);
    const people = await t.http.get('/api/people').set(bearer(t.tokens.coe)).expect(200);
    expect(people.body).toHaveLength(7);
  });

  it('should start a scan of a local checkout and show it reach done, and refuse a path outside the roots', async () => {
    await page.goto('/sources');
    await page.getByLabel(/^Local checkout/).fill('/etc');
    await page.getByRole('button', { name: 'Scan the checkout' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('LOCAL_SCAN_ROOTS');
    await page.getByLabel(/^Local checkout/).fill(checkout.dir);
    await page.getByRole('button', { name: 'Scan the checkout' }).click();
    await page.waitForURL(/\/sources\?job=.*what=scan/);
    await jobDone(page);
    await page.reload();
    const scans = page.getByRole('region', { name: /Recent scans table/ });
    await expect(scans.textContent()).resolves.toMatch(/payments-api\s*Completed\s*1\s*[1-9]/);
    const records = await audited(t, 'repos.scan');
    expect(records[0]).toMatchObject({ actorName: 'test-coe' });
  });

  it('should upload a network log and show the ingest job reach done', async () => {
    await page.goto('/sources');
    await page
      .getByLabel('Log file')
      .setInputFiles(path.join(NETWORK_FIXTURES, 'squid-native.log'));
    await page.getByRole('button', { name: 'Upload and read' }).click();
    await page.waitForURL(/\/sources\?job=.*what=logs/);
    await jobDone(page);
    await page.reload();
    await expect(page.getByTestId('ingests').textContent()).resolves.toContain('squid-native.log');
    await checkPage(page, 'coe-sources-log-done');
  });

  it('should preview a survey export with its detected format and column mapping, then import it', async () => {
    await page.goto('/sources');
    await page
      .getByLabel('Survey export file')
      .setInputFiles(path.join(SURVEY_FIXTURES, 'google-forms.csv'));
    await page.getByRole('button', { name: 'Preview the columns' }).nth(1).click();
    await page.getByTestId('detected-format').waitFor();
    await expect(page.getByTestId('detected-format').textContent()).resolves.toBe('Google forms');
    await expect(page.getByTestId('column-mapping').textContent()).resolves.toContain(
      'Submission time',
    );
    await checkPage(page, 'coe-survey-export-preview');
    await page.getByRole('button', { name: 'Import as a new survey' }).click();
    await page.waitForURL(/\/sources\?job=.*what=survey/);
    await jobDone(page);
    await page.getByRole('link', { name: 'Open the result' }).click();
    await page.waitForURL('**/surveys');
    await page.getByRole('link', { name: 'Import of google-forms.csv' }).click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Import of google-forms.csv');
    const records = await audited(t, 'survey.import');
    expect(records[0]).toMatchObject({ actorName: 'test-coe', detail: { format: 'google-forms' } });
  });

  it('should create an anonymous survey, e-mail invitations with a progress bar, and show the response rate', async () => {
    await page.goto('/surveys');
    await checkPage(page, 'coe-surveys');
    await page.getByLabel('Title').fill('Q4 AI tools');
    await page.getByLabel('Anonymous').check();
    await page.getByLabel(/^k:/).fill('2');
    await page.getByRole('button', { name: 'Create survey' }).click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
    const surveyUrl = page.url();
    await expect(page.locator('h1').textContent()).resolves.toBe('Q4 AI tools');

    await page
      .getByLabel('Invite')
      .selectOption({ label: 'Team Engineering/Platform (and teams below it)' });
    await page.getByLabel('By e-mail').first().check();
    await page.getByRole('button', { name: 'Send invitations' }).click();
    await page.waitForURL(/\?job=/);
    await jobDone(page);
    expect(mails).toHaveLength(5);

    // three of the five answer through their mailed links
    const links = mails
      .map(
        (m) =>
          m.replace(/=\r?\n/g, '').match(/https:\/\/census\.example\.org\/s\/[A-Za-z0-9_-]+/)?.[0],
      )
      .filter((l): l is string => !!l);
    expect(links).toHaveLength(5);
    for (const link of links.slice(0, 3)) {
      const form = await context.newPage();
      await form.goto(link.replace(PUBLIC_URL, t.baseUrl));
      await form.locator('input[name="q_tools"][value="cursor"]').check();
      await form.locator('input[name="q_frequency"][value="daily"]').check();
      await form.getByRole('button', { name: 'Submit answers' }).click();
      await form.getByRole('heading', { name: 'Thank you' }).waitFor();
      await form.close();
    }

    await page.goto(surveyUrl);
    await expect(page.getByTestId('respondents').textContent()).resolves.toBe('3');
    const rate = (await page.getByTestId('response-rate').textContent()) ?? '';
    expect(rate).toMatch(/Engineering\/Platform\s*5\s*3\s*60%/);
    await expect(page.locator('#survey-tool-use-table').textContent()).resolves.toMatch(
      /Cursor\s*3/,
    );
    await page.locator('canvas#survey-tool-use[data-drawn="true"]').waitFor();
    await checkPage(page, 'coe-survey-detail');

    // reminders go by e-mail to the two who have not answered
    await page.getByLabel('By e-mail').nth(1).check();
    await page.getByRole('button', { name: 'Send reminders' }).click();
    await page.waitForURL(/\?job=/);
    await jobDone(page);
    expect(mails).toHaveLength(7);

    // with k = 4 the same team's counts are suppressed
    await page.goto('/surveys');
    await page.getByLabel('Title').fill('Small team check');
    await page.getByLabel('Anonymous').check();
    await page.getByLabel(/^k:/).fill('4');
    await page.getByRole('button', { name: 'Create survey' }).click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
    await page
      .getByLabel('Invite')
      .selectOption({ label: 'Team Engineering/Data (and teams below it)' });
    await page.getByLabel('Download a mail-merge CSV').first().check();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Send invitations' }).click(),
    ]);
    const saved = path.join(tmp, 'links.csv');
    await csv.saveAs(saved);
    expect(fs.readFileSync(saved, 'utf8')).toContain('frank@example.com');
    await page.reload();
    await expect(page.getByTestId('response-rate').textContent()).resolves.toMatch(
      /Engineering\/Data\s*2\s*fewer than 4\s*suppressed/,
    );
  });

  it('should list an identity no rule resolved and link it to a person, audited', async () => {
    await t.http
      .post('/api/identities/resolve')
      .set(bearer(t.tokens.coe))
      .send({ kind: 'github', value: 'octo-erin' })
      .expect(200);
    await page.goto('/people');
    await expect(page.getByTestId('unresolved').textContent()).resolves.toContain('octo-erin');
    await page.getByLabel('E-mail, name or GitHub login').fill('erin');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/q=erin/);
    await checkPage(page, 'coe-people');
    await page
      .getByLabel('Person for octo-erin')
      .selectOption({ label: 'Erin Eve <erin@example.com>, Engineering/Platform' });
    await page
      .locator('tr[data-identity="octo-erin"]')
      .getByRole('button', { name: 'Link' })
      .click();
    await page.waitForURL('**/people');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'octo-erin is now linked',
    );
    await expect(page.locator('tr[data-identity="octo-erin"]').count()).resolves.toBe(0);
    const resolved = await t.http
      .post('/api/identities/resolve')
      .set(bearer(t.tokens.coe))
      .send({ kind: 'github', value: 'octo-erin' })
      .expect(200);
    const people = await t.http.get('/api/people').set(bearer(t.tokens.coe)).expect(200);
    const erin = people.body.find((p: { email: string }) => p.email === 'erin@example.com');
    expect(resolved.body.personId).toBe(erin.id);
    const links = await audited(t, 'identity.link');
    expect(links[0]).toMatchObject({ actorName: 'test-coe', targetId: erin.id });
  });

  it.each(['leader', 'security'] as const)(
    'should answer 403 to a %s session on every CoE page, naming the role needed',
    async (role) => {
      const other = await consoleContext(browser, t);
      const p = await other.newPage();
      await signIn(p, t.tokens[role]);
      for (const path of ['/catalog', '/catalog/tools/cursor', '/surveys', '/sources', '/people']) {
        const res = await p.goto(path);
        expect([path, res!.status()]).toEqual([path, 403]);
        await expect(p.locator('main').textContent()).resolves.toContain('coe or admin');
      }
      // and the server refuses its forms too, with a valid session and CSRF token
      const csrf = await p.locator('input[name="_csrf"]').first().inputValue();
      const post = await p.request.post('/catalog/tools/cursor/policy', {
        form: { _csrf: csrf, status: 'sanctioned' },
      });
      expect(post.status()).toBe(403);
      const policy = await t.http
        .get('/api/catalog/tools/cursor')
        .set(bearer(t.tokens.coe))
        .expect(200);
      expect(policy.body.policy.status).toBe('unreviewed');
      await other.close();
    },
  );
});
