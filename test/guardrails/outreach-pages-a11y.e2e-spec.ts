import { readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import {
  renderAcknowledgementForm,
  renderClarificationForm,
  renderToolRequestForm,
  renderToolRequestStatus,
} from '../../src/guardrails/outreach/public/outreach-pages';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; nodes: { target: string[] }[] }[];
}

/** The public outreach pages, checked by axe in Chromium and driven by keyboard only. */
describe('guardrails outreach pages: accessibility', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(() => browser?.close());

  async function violations(html: string): Promise<string[]> {
    const page = await browser.newPage();
    try {
      await page.setContent(html);
      await page.addScriptTag({ content: AXE });
      const r = (await page.evaluate('axe.run(document)')) as AxeResult;
      return r.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    } finally {
      await page.close();
    }
  }

  it.each([
    [
      'clarification',
      renderClarificationForm({
        tool: 'Cursor',
        action: '/g/clarify/t',
        errors: [{ field: 'uses', message: 'Please say whether you use the tool for work.' }],
      }),
    ],
    [
      'acknowledgement',
      renderAcknowledgementForm({
        tool: 'Cursor',
        aupTitle: 'AI acceptable use',
        aupVersion: '2026-11',
        aupUrl: 'https://intranet.example/aup',
        aupSummary: 'Use approved tools for company data.',
        action: '/g/ack/t',
      }),
    ],
    ['tool request', renderToolRequestForm({ tool: 'Cursor', action: '/g/request/t' })],
    [
      'status',
      renderToolRequestStatus({
        tool: 'Cursor',
        status: 'open',
        reason: 'Refactoring',
        decision: null,
        comments: [{ author: 'You', at: new Date('2026-11-29T10:00:00Z'), body: 'Thanks' }],
        action: '/g/status/t',
      }),
    ],
  ])('should have no axe violations on the %s page', async (_name, html) => {
    await expect(violations(html)).resolves.toEqual([]);
  });

  it('should catch an unlabelled field (the check itself works)', async () => {
    const broken = renderToolRequestForm({ tool: 'Cursor', action: '/g/request/t' }).replace(
      '<label class="block" for="reason">',
      '<label class="block">',
    );
    await expect(violations(broken)).resolves.toEqual([expect.stringMatching(/^label: .*#reason/)]);
  });

  it('should let a keyboard user answer the clarification and reach the submit button', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(renderClarificationForm({ tool: 'Cursor', action: '/g/clarify/t' }));
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('uses_yes');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('dc_public');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      const focused: string[] = [];
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        focused.push(await page.evaluate(() => document.activeElement?.tagName ?? ''));
      }
      expect(focused).toContain('BUTTON');
      const checked = await page.evaluate(() =>
        [...document.querySelectorAll('input:checked')].map((e) => e.id),
      );
      expect(checked).toEqual(['uses_yes', 'dc_internal']);
    } finally {
      await page.close();
    }
  });
});
