import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runCliInProcess } from './support/processes';
import { createTestDatabase } from './support/test-db';

// The catalog JSON contract and the audit without a database start dist/cli.js; the other runs
// call the same entry in this process.
describe('ai-census catalog CLI', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url, LOG_LEVEL: 'error' };
  });
  afterAll(async () => {
    await db.drop();
  });

  it('should print the catalog as the scripts contract describes when asked for --json', () => {
    const r = runCli(['catalog', '--json'], env);
    expect(r.status).toBe(0);
    const body = JSON.parse(r.stdout) as { tools: Record<string, unknown>[] };
    expect(body.tools.length).toBeGreaterThanOrEqual(200);
    const copilot = body.tools.find((t) => t.id === 'github-copilot');
    expect(copilot).toMatchObject({
      id: 'github-copilot',
      name: 'GitHub Copilot',
      category: 'coding-assistant',
      domains: expect.arrayContaining(['copilot-proxy.githubusercontent.com']),
      paths: expect.arrayContaining(['.github/copilot-instructions.md']),
      policy: expect.objectContaining({ status: 'unreviewed' }),
    });
  });

  it('should show one tool, and fail with one line for an unknown one', async () => {
    const one = await runCliInProcess(['catalog', '--tool', 'claude-code', '--json'], env);
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({
      id: 'claude-code',
      workflowActions: expect.arrayContaining(['anthropics/claude-code-action']),
    });
    const text = await runCliInProcess(['catalog', '--tool', 'claude-code'], env);
    expect(text.stdout).toMatch(/^Claude Code \(claude-code\), Anthropic, coding-agent/);
    const missing = await runCliInProcess(['catalog', '--tool', 'no-such-tool'], env);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe('ai-census: no tool "no-such-tool" in the catalog');
  });

  it('should import a policy file and export it again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aic-policy-'));
    const file = join(dir, 'policy.yaml');
    writeFileSync(
      file,
      'version: 1\npolicies:\n  cursor:\n    status: tolerated\n    dataClasses: [public]\n',
    );
    const imported = await runCliInProcess(['catalog', 'policy-import', file, '--json'], env);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ changed: 1, unchanged: 0, factsChanged: 0 });
    const exported = await runCliInProcess(['catalog', 'policy-export'], env);
    expect(exported.stdout).toMatch(/cursor:\n\s+status: tolerated\n\s+dataClasses:\n\s+- public/);
    const filtered = await runCliInProcess(['catalog', '--status', 'tolerated', '--json'], env);
    expect(JSON.parse(filtered.stdout).tools.map((t: { id: string }) => t.id)).toEqual(['cursor']);
  });

  it('should audit the vendor facts as JSON without a database, and pass on the built-in files', () => {
    const r = runCli(['catalog', 'audit', '--json'], { LOG_LEVEL: 'error' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const audit = JSON.parse(r.stdout) as Record<string, unknown> & {
      withoutFacts: { toolId: string; why: string[] }[];
      demoTools: string[];
    };
    expect(audit).toMatchObject({
      ok: true,
      tools: expect.any(Number),
      toolsWithFacts: expect.any(Number),
      problems: [],
      missingSourceOrDate: 0,
      stale: expect.any(Array),
    });
    expect(audit.tools as number).toBeGreaterThanOrEqual(300);
    expect(audit.factsFiles).toEqual(
      expect.arrayContaining([expect.stringMatching(/other\.yaml$/)]),
    );
    expect(audit.demoTools).toEqual(expect.arrayContaining(['github-copilot', 'chatgpt']));
    // generic ids ("some AI agent") never need facts
    expect(audit.withoutFacts.map((t) => t.toolId)).not.toContain('agents-md');
  });

  it('should fail the audit when a fact lacks a source or a date, naming file, tool and field', async () => {
    const bad = await runCliInProcess(
      ['catalog', 'audit', '--facts-dir', 'test/fixtures/vendor-facts/bad', '--json'],
      { LOG_LEVEL: 'error' },
    );
    expect(bad.status).toBe(1);
    const audit = JSON.parse(bad.stdout) as {
      ok: boolean;
      missingSourceOrDate: number;
      problems: { file: string; toolId: string; field: string }[];
    };
    expect(audit.ok).toBe(false);
    expect(audit.missingSourceOrDate).toBe(2);
    expect(audit.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: expect.stringMatching(/broken\.yaml$/),
          toolId: 'cursor',
          field: 'plans.free.trainsOnInputs.source',
        }),
      ]),
    );
    const text = await runCliInProcess(
      ['catalog', 'audit', '--facts-dir', 'test/fixtures/vendor-facts/bad'],
      { LOG_LEVEL: 'error' },
    );
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/audit FAILED/);
  });
});
