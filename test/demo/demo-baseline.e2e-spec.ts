import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import type { DemoRun } from '../../src/demo/demo-baseline.service';
import { DemoBaselineService } from '../../src/demo/demo-baseline.service';
import type { BaselineModel, InventoryModel } from '../../src/reports/model/report.types';
import { launchChromium } from '../../src/reports/render/pdf.renderer';
import { createTestApp, TestApp } from '../support/test-app';

describe(DemoBaselineService.name, () => {
  let t: TestApp;
  let out: string;
  let run: DemoRun;
  let model: BaselineModel;

  beforeAll(async () => {
    t = await createTestApp();
    out = mkdtempSync(join(tmpdir(), 'aic-demo-'));
    run = await t.app.get(DemoBaselineService).run(out, { now: new Date('2026-03-01T09:00:00Z') });
    model = JSON.parse(readFileSync(join(out, 'baseline.json'), 'utf8'));
  }, 180_000);

  afterAll(async () => {
    await t.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('should write the report set into the folder', () => {
    for (const f of [
      'baseline.html',
      'baseline.pdf',
      'baseline.json',
      'inventory.xlsx',
      'inventory.csv',
      'findings.csv',
      'demo-truth.json',
    ]) {
      expect(existsSync(join(out, f))).toBe(true);
    }
    expect(readFileSync(join(out, 'baseline.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(join(out, 'demo-input', 'repositories', 'payments-api', '.git'))).toBe(true);
  });

  it('should agree with the demo organisation’s known truth', () => {
    const truth = run.truth;
    expect(model.headline).toMatchObject({
      headcount: truth.headcount,
      observedUsers: truth.observedUsers,
      respondents: truth.respondents,
      selfReportedUsers: truth.selfReportedUsers,
      toolsInUse: truth.toolsInUse.length,
      repositoriesWithAi: truth.repositoriesWithAi.length,
      repositoriesTotal: truth.repositoriesWithAi.length + truth.repositoriesWithoutAi.length,
      disclosureGap:
        Math.round(
          (truth.undisclosedPairs / (truth.undisclosedPairs + truth.disclosedPairs)) * 1000,
        ) / 1000,
    });
    const k = model.k;
    const shown = (n: number | undefined) => (n === undefined ? 0 : n > 0 && n < k ? null : n);
    for (const row of model.tools) {
      expect({
        tool: row.toolId,
        observed: row.observedPeople,
        said: row.selfReportedPeople,
      }).toEqual({
        tool: row.toolId,
        observed: shown(truth.toolPeople[row.toolId]),
        said: shown(truth.selfReportedPeople[row.toolId]),
      });
    }
    expect(model.recommendations.block.map((b) => b.toolId)).toEqual(
      expect.arrayContaining(truth.prohibitedToolIds),
    );
  });

  it('should find the data-class violation and the personal Copilot accounts the demo planted', async () => {
    const violations = await t.dataSource.query(
      `SELECT subject_id AS repository, tool_id AS "toolId" FROM finding
        WHERE subject_type = 'repository' AND sanction_status = 'violation' ORDER BY 1, 2`,
    );
    expect(violations).toEqual(run.truth.dataClassViolations);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM finding
        WHERE subject_type = 'person' AND factors @> '[{"key": "violation.personal-account"}]'`,
    );
    expect(n).toBe(run.truth.personalAccountUsers);
  });

  it('should show the agents and MCP servers the demo repositories configure, with their risk', async () => {
    const servers = await t.dataSource.query(
      `SELECT repository, name, catalog_id AS "catalogId" FROM mcp_server ORDER BY 1, 2`,
    );
    expect(servers).toEqual([
      { repository: 'web-app', name: 'analytics', catalogId: null },
      { repository: 'web-app', name: 'design-helper', catalogId: null },
      { repository: 'web-app', name: 'github', catalogId: 'github' },
      { repository: 'web-app', name: 'playwright', catalogId: 'playwright' },
    ]);
    const keys = async (repository: string, toolId: string) => {
      const [row] = await t.dataSource.query(
        `SELECT factors FROM finding WHERE subject_type = 'repository' AND subject_id = $1 AND tool_id = $2`,
        [repository, toolId],
      );
      return (row.factors as { key: string }[]).map((f) => f.key);
    };
    await expect(keys('payments-api', 'claude-code')).resolves.toContain(
      'agent.unrestricted-shell',
    );
    await expect(keys('web-app', 'cursor')).resolves.toEqual(
      expect.arrayContaining([
        'mcp.write-sensitive',
        'mcp.unknown-package',
        'mcp.unpinned',
        'mcp.remote-unknown',
      ]),
    );
  });

  it('should tie each repository to its team through the repository module, as far as the findings report', () => {
    const rows = parse(readFileSync(join(out, 'findings.csv'), 'utf8'), {
      columns: true,
    }) as { subject_type: string; subject: string; team: string }[];
    const teams = new Map(
      rows.filter((r) => r.subject_type === 'repository').map((r) => [r.subject, r.team]),
    );
    expect(teams.size).toBeGreaterThan(0);
    expect(teams.get('patient-records')).toBe('Clinical Records');
    expect([...teams.values()].every((team) => team !== '')).toBe(true);
  });

  it('should show the two pulse waves: each question’s change with its interval, and benchmarks', () => {
    const pulse = model.pulse!;
    expect(pulse).toMatchObject({ wave: 2, previousWave: 1 });
    const policy = pulse.rows.find(
      (r) => r.question.startsWith('Do you know which AI tools') && r.answer === 'Yes, clearly',
    )!;
    expect(policy.change).toBeGreaterThan(0);
    expect(policy.low).not.toBeNull();
    expect(pulse.benchmarks.every((b) => b.url.startsWith('https://') && b.year > 2000)).toBe(true);
    expect(readFileSync(join(out, 'baseline.html'), 'utf8')).toContain('Survey waves');
  });

  it('should show the change since the first baseline', () => {
    expect(model.change).not.toBeNull();
    expect(model.change!.observedShare.after).toBeGreaterThan(model.change!.observedShare.before);
    expect(model.change!.selfReportedShare.before).toBeNull();
  });

  it('should grade AI maturity per team from evidence, with its reasons', () => {
    const maturity = model.maturity ?? [];
    expect(maturity[0]?.team).toBe('Whole organisation');
    // every team a leader sees is graded, and nothing smaller
    expect(maturity.slice(1).map((m) => m.team)).toEqual(model.teams.map((t) => t.team));
    for (const m of maturity) {
      expect(m.level).toBeGreaterThanOrEqual(1);
      expect(m.reasons.length).toBeGreaterThan(0);
    }
    // two of the demo's AI repositories run check-repo in CI
    const org = maturity[0];
    expect(org.measures.repositoriesWithAi).toBeGreaterThan(2);
    expect(org.measures.guardrailShare).toBeCloseTo(2 / org.measures.repositoriesWithAi, 3);
    expect(org.previousLevel).not.toBeNull();
    const html = readFileSync(join(out, 'baseline.html'), 'utf8');
    expect(html).toContain('AI maturity by team, from evidence');
  });

  it('should read the Web team’s Cursor seats through the connector and show the idle ones', () => {
    const inventory = JSON.parse(
      readFileSync(join(out, 'inventory.json'), 'utf8'),
    ) as InventoryModel;
    const cursor = inventory.seats?.find((s) => s.toolId === 'cursor');
    expect(cursor?.seats).toBeGreaterThan(0);
    // some Web members hold a seat without using Cursor in the last 30 days
    expect(cursor?.idle).toBeGreaterThan(0);
    expect(cursor?.idle).toBeLessThan(cursor?.seats ?? 0);
    expect(cursor?.byTeam.map((t) => t.team)).toEqual(['Web']);
    expect(readFileSync(join(out, 'inventory.html'), 'utf8')).toContain('Seats against use');
  });

  it('should show each vendor fact of the tools in use with its source link, date and plan', () => {
    const facts = model.vendorFacts ?? [];
    expect(facts.length).toBeGreaterThan(0);
    const listed = new Set(model.tools.map((t) => t.toolId));
    for (const tool of facts) {
      expect(listed.has(tool.toolId)).toBe(true);
      expect(tool.planWhy).toMatch(new RegExp(`^${tool.planInForce} plan: `));
      for (const f of tool.facts) {
        if (f.origin === 'none') {
          expect(f).toMatchObject({ value: 'unknown', source: null, checked: null });
        } else {
          expect(f.source).toMatch(/^https:\/\//);
          expect(f.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
      // an unknown under the plan in force is named, for the CoE to resolve
      const unknownInForce = tool.facts.some(
        (f) => f.plan === tool.planInForce && f.fact === 'trainsOnInputs' && f.value === 'unknown',
      );
      if (unknownInForce)
        expect(tool.unknowns.join('\n')).toMatch(
          /(trains on inputs|no vendor facts).*CoE can resolve/,
        );
    }
    // every fact of a tool the demo shows is on record (a vendor's silence is recorded as not-stated)
    expect(facts.flatMap((t) => t.facts).filter((f) => f.value === 'unknown')).toEqual([]);
    // the sanctioned Copilot is read on the organisation's terms, the unreviewed Cursor on the consumer's
    const copilot = facts.find((t) => t.toolId === 'github-copilot');
    expect(copilot?.planWhy).toBe('team plan: the plan the organisation holds, per policy');
    expect(facts.find((t) => t.toolId === 'cursor')?.planWhy).toMatch(/personal account/);
    const html = readFileSync(join(out, 'baseline.html'), 'utf8');
    expect(html).toContain('Vendor facts of the tools in use');
    const sourced = facts.flatMap((t) => t.facts).find((f) => f.source !== null);
    expect(html).toContain(`<a href="${sourced?.source}">`);
    const csv = parse(readFileSync(join(out, 'baseline-facts.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    expect(csv.length).toBe(facts.flatMap((t) => t.facts).length);
    expect(Object.keys(csv[0])).toEqual([
      'tool_id',
      'tool',
      'plan_in_force',
      'fact',
      'plan',
      'value',
      'source',
      'checked',
      'origin',
      'note',
    ]);
  });

  it('should show adoption from the inside: vendor weekly active users beside survey and network', () => {
    const rows = model.adoption?.rows ?? [];
    expect(model.adoption?.weeks).toEqual(['2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16']);
    // Cursor through its Admin API, Copilot through its usage reports, both via the connectors
    expect(rows.map((r) => r.toolId).sort()).toEqual(['cursor', 'github-copilot']);
    const copilot = rows.find((r) => r.toolId === 'github-copilot')!;
    expect(copilot.vendor.at(-1)?.activeUsers).toBeGreaterThanOrEqual(model.k);
    expect(copilot.survey).not.toBeUndefined();
    expect(copilot.network).toBeGreaterThan(0);
    const html = readFileSync(join(out, 'baseline.html'), 'utf8');
    expect(html).toContain("Adoption by source: survey, network and the vendors' own records");
    expect(html).toContain('Vendor, week of 2026-02-16');
    const csv = parse(readFileSync(join(out, 'baseline-adoption.csv'), 'utf8'), {
      columns: true,
    }) as { tool_id: string; source: string; week: string; people: string }[];
    expect(new Set(csv.map((r) => r.source))).toEqual(new Set(['survey', 'network', 'vendor']));
    expect(csv.filter((r) => r.tool_id === 'cursor' && r.source === 'vendor')).toHaveLength(4);
  });

  it('should show Copilot organisation figures from its metrics report, read by the connector', () => {
    const section = model.copilotMetrics!;
    expect(section.source).toBe('GitHub Copilot metrics report');
    expect(section.rows.map((r) => r.week)).toEqual(model.adoption?.weeks);
    // the report's 7-day count at each week's end is the seat holders active in that week
    const copilot = model.adoption!.rows.find((r) => r.toolId === 'github-copilot')!;
    expect(section.rows.map((r) => r.weeklyActiveUsers)).toEqual(
      copilot.vendor.map((v) => v.activeUsers),
    );
    // the 28 days a first run reads reach into the first week shown by one day (a Sunday)
    expect(section.rows.map((r) => r.daysReported)).toEqual([1, 7, 7, 7]);
    for (const row of section.rows) expect(row.acceptanceRate).toBeGreaterThan(0);
    const html = readFileSync(join(out, 'baseline.html'), 'utf8');
    expect(html).toContain('GitHub Copilot in the organisation, week by week');
    const csv = parse(readFileSync(join(out, 'baseline-copilot.csv'), 'utf8'), {
      columns: true,
    }) as { source: string; week: string; days_reported: string; weekly_active_users: string }[];
    expect(csv.map((r) => r.week)).toEqual(section.rows.map((r) => r.week));
    expect(csv.map((r) => Number(r.days_reported))).toEqual([1, 7, 7, 7]);
    expect(csv.map((r) => r.weekly_active_users)).toEqual(
      section.rows.map((r) => String(r.weeklyActiveUsers)),
    );
    expect(new Set(csv.map((r) => r.source))).toEqual(new Set(['GitHub Copilot metrics report']));
  });

  it('should keep names and e-mail addresses out of the leaders’ report', () => {
    const html = readFileSync(join(out, 'baseline.html'), 'utf8');
    expect(html).not.toMatch(/@northwind\.example/);
    expect(JSON.stringify(model)).not.toMatch(/@northwind\.example|"p\d{3}"/);
    expect(readFileSync(join(out, 'findings.csv'), 'utf8')).toMatch(/@northwind\.example/);
  });

  describe('in headless Chromium', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchChromium();
    });

    afterAll(() => browser.close());

    it('should draw every chart and show the key numbers when the HTML is opened', async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
      // No network at view time: any request leaving the page fails the test.
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.setContent(readFileSync(join(out, 'baseline.html'), 'utf8'), {
        waitUntil: 'load',
      });
      await page.waitForFunction(
        () => (window as unknown as { __reportReady?: boolean }).__reportReady === true,
      );
      const inked = await page.evaluate(() =>
        [...document.querySelectorAll('canvas')].map((c) => {
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4)
            if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
          return { id: c.id, inked: n / (c.width * c.height) };
        }),
      );
      expect(inked.map((c) => c.id)).toEqual(['chart-tools', 'chart-tiers', 'chart-teams']);
      for (const c of inked) expect(c.inked).toBeGreaterThan(0.02);
      await expect(page.locator('#kpi-observed').innerText()).resolves.toBe(
        `${Math.round(model.headline.observedShare * 100)}%`,
      );
      await expect(page.locator('#kpi-tools').innerText()).resolves.toBe(
        String(model.headline.toolsInUse),
      );
      const shot = await page.screenshot({ fullPage: true });
      expect(shot.subarray(1, 4).toString()).toBe('PNG');
      expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
      await page.close();
    });

    it('should render the PDF with its pages when printed', () => {
      const pdf = readFileSync(join(out, 'baseline.pdf')).toString('latin1');
      expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(2);
    });
  });
});
