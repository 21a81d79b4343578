import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

export class ChromiumUnavailableError extends Error {
  constructor(path: string) {
    super(
      `PDF needs Chromium at ${path} (Debian: apt-get install -y chromium); the HTML report has the same content`,
    );
  }
}

export function chromiumAvailable(path = DEFAULT_CHROMIUM_PATH): boolean {
  return existsSync(path);
}

export async function launchChromium(path = DEFAULT_CHROMIUM_PATH): Promise<Browser> {
  if (!chromiumAvailable(path)) throw new ChromiumUnavailableError(path);
  // Loaded here, not at the top: every process that boots the reports module (each CLI command,
  // the API, the worker) would otherwise pay seconds of start-up for a PDF it may never print.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: path, args: LAUNCH_ARGS, headless: true });
}

/** Prints the self-contained HTML to A4 once its charts have drawn. */
export async function renderPdf(
  html: string,
  chromiumPath = DEFAULT_CHROMIUM_PATH,
): Promise<Buffer> {
  const browser = await launchChromium(chromiumPath);
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForFunction(
      () => (window as unknown as { __reportReady?: boolean }).__reportReady === true,
      undefined,
      { timeout: 15_000 },
    );
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await browser.close();
  }
}
