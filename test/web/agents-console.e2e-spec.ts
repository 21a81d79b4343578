import { dirname } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { GitRepoBuilder } from '../support/git-repo-builder';
import { bearer, waitForJob } from '../support/test-app';
import {
  checkPage,
  consoleContext,
  launchChromium,
  signIn,
  startConsoleApp,
  type ConsoleTestApp,
} from './support/console';

const SECRET = 'ghp_planted_secret_value_000000000000';

// Security's list of agents and MCP servers, with where each was found, from a real scan.
describe('console: agents and MCP servers', () => {
  let t: ConsoleTestApp;
  let repo: GitRepoBuilder;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    repo = new GitRepoBuilder('agent-shop');
    repo.commit({
      message: 'Agents set up',
      files: {
        '.mcp.json': JSON.stringify({
          mcpServers: {
            github: {
              command: 'npx',
              args: ['-y', '@modelcontextprotocol/server-github'],
              env: { GITHUB_PERSONAL_ACCESS_TOKEN: SECRET },
            },
          },
        }),
        '.claude/settings.json': JSON.stringify({ permissions: { allow: ['Bash'] } }),
      },
    });
    t = await startConsoleApp({ env: { LOCAL_SCAN_ROOTS: dirname(repo.dir) } });
    const scan = await t.http
      .post('/api/repos/scans')
      .set(bearer(t.tokens.coe))
      .send({ path: repo.dir });
    expect((await waitForJob(t, scan.body.id as string)).state).toBe('completed');
    browser = await launchChromium();
    context = await consoleContext(browser, t);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
    repo?.remove();
  });

  it('should list each MCP server and agent with where it is, never a secret value', async () => {
    const page = await context.newPage();
    await signIn(page, t.tokens.security);
    await page.getByRole('link', { name: 'Agents & MCP' }).click();
    await page.waitForURL('**/agents');
    const servers = await page.getByRole('region', { name: /MCP servers/ }).innerText();
    expect(servers).toMatch(/github\s+claude-code · stdio/);
    expect(servers).toContain('agent-shop');
    expect(servers).toContain('.mcp.json');
    expect(servers).toContain('@modelcontextprotocol/server-github');
    expect(servers).toContain('env: GITHUB_PERSONAL_ACCESS_TOKEN');
    const agents = await page.getByRole('region', { name: /^Agents/ }).innerText();
    expect(agents).toContain('.claude/settings.json');
    expect(agents).toMatch(/may run any shell command/);
    expect(await page.content()).not.toContain(SECRET);
    await checkPage(page, 'agents');
    await page.close();
  });

  it('should answer a role without access (privacy) with the page that names the roles it needs', async () => {
    // a context of its own: the first test's session cookie must not carry over
    const other = await consoleContext(browser, t);
    const page = await other.newPage();
    await signIn(page, t.tokens.privacy);
    const res = await page.goto('/agents', { waitUntil: 'domcontentloaded' });
    expect(res?.status()).toBe(403);
    expect(await page.locator('main').innerText()).toMatch(/security/);
    await other.close();
  });
});
