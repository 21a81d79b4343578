import type { AddressInfo } from 'node:net';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { LOCAL_OPERATOR, Role } from '../../../src/auth/role';
import { TokenService } from '../../../src/auth/token.service';
import { REPO_ROOT } from '../../support/processes';
import { createTestApp, type TestApp } from '../../support/test-app';

/** The app listening on a local port, so a browser can reach it. */
export interface ConsoleTestApp extends TestApp {
  baseUrl: string;
}

/** createTestApp, listening on 127.0.0.1 at a free port (`env` as for createTestApp). */
export async function startConsoleApp(
  opts: Parameters<typeof createTestApp>[0] = {},
): Promise<ConsoleTestApp> {
  const t = await createTestApp(opts);
  const server = t.app.getHttpServer() as import('node:http').Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { ...t, baseUrl: `http://127.0.0.1:${port}` };
}

/** A fresh token of `role` (t.tokens holds one per role already). */
export async function createToken(
  t: TestApp,
  role: Role,
  name = `console-${role}`,
): Promise<string> {
  return (await t.app.get(TokenService).create(name, role, LOCAL_OPERATOR)).token;
}

/** Debian's Chromium, headless; one per test file. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** A browser context on the console: a laptop screen unless told (e.g. a phone). */
export async function consoleContext(
  browser: Browser,
  t: ConsoleTestApp,
  viewport = { width: 1280, height: 800 },
  storageState?: BrowserContextOptions['storageState'],
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: t.baseUrl,
    viewport,
    acceptDownloads: true,
    storageState,
  });
  context.on('page', (page) => {
    const errors: string[] = [];
    PAGE_ERRORS.set(page, errors);
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
  });
  return context;
}

/** Script errors and CSP refusals seen by each page (checkPage fails on any). */
const PAGE_ERRORS = new WeakMap<Page, string[]>();

export function pageErrors(page: Page): string[] {
  return PAGE_ERRORS.get(page) ?? [];
}

export const PHONE = { width: 390, height: 844 };

/** Signs in through the form, as a person would; lands wherever the console sends the role. */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('API token').fill(token);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== '/login'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

const AXE = path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core (WCAG 2.x A/AA rules) on the page as it is; returns the serious and critical
 * violations, each as "rule: help (targets)", so `expect(...).toEqual([])` shows what is wrong.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') rightly refuses
  // an injected <script>, and must not be loosened for the test.
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    });
    return r.violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-artifacts', 'screenshots');

/**
 * With SCREENSHOTS=1, saves a full-page screenshot to test-artifacts/screenshots/<name>.png and
 * says where. Off by default: nothing asserts on them; they are for a person looking over the pages.
 */
export async function screenshot(page: Page, name: string): Promise<string | undefined> {
  if (process.env.SCREENSHOTS !== '1') return undefined;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  process.stdout.write(`screenshot: ${path.relative(REPO_ROOT, file)}\n`);
  return file;
}

/** axe plus a screenshot: what every console page test does once the page is showing. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await seriousA11yViolations(page);
  if (violations.length > 0)
    throw new Error(
      `axe found serious or critical violations on ${name}:\n${violations.join('\n')}`,
    );
  // 4xx answers the test asked for show up as console errors too; anything else is a fault.
  const errors = pageErrors(page).filter((e) => !/status of 4\d\d/.test(e));
  if (errors.length > 0) throw new Error(`${name} logged errors:\n${errors.join('\n')}`);
}

/** The CSRF token of the page's first form (to post with the session like a form would). */
export async function csrfOf(page: Page): Promise<string> {
  return page.locator('input[name="_csrf"]').first().inputValue();
}
