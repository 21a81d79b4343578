import { dirname } from 'node:path';
import type { BaselineModel } from '../../src/reports/model/report.types';
import { GitRepoBuilder } from '../support/git-repo-builder';
import { bearer, createTestApp, type TestApp, waitForJob } from '../support/test-app';

const CHECK_WORKFLOW = `name: ai-guardrails
on: [pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npx ai-census check-repo . --sarif ai-census.sarif
`;

// Maturity is measured from what scans find in repositories and what correlation makes of it:
// two repositories, one with agent instructions, AI co-author trailers and check-repo in CI.
describe('maturity in the leaders baseline', () => {
  let t: TestApp;
  let guarded: GitRepoBuilder;
  let plain: GitRepoBuilder;

  beforeAll(async () => {
    guarded = new GitRepoBuilder('guarded');
    guarded.commit({
      message: 'Agent instructions and the AI check in CI',
      files: {
        'CLAUDE.md': '# Project notes for Claude Code\n\nRun `npm test` before committing.\n',
        '.github/workflows/ai.yml': CHECK_WORKFLOW,
      },
    });
    guarded.commit({
      message: 'Add retry to the client\n\nCo-Authored-By: Claude <noreply@anthropic.com>',
      files: { 'src/client.ts': 'export const retries = 3;\n' },
    });
    plain = new GitRepoBuilder('plain');
    plain.commit({
      message: 'Call the model',
      files: {
        'package.json': JSON.stringify({ name: 'plain', dependencies: { openai: '^4.0.0' } }),
        // another project's script of the same name is not AI Census's check
        '.github/workflows/ci.yml': CHECK_WORKFLOW.replace(
          'npx ai-census check-repo . --sarif ai-census.sarif',
          './scripts/check-repo.sh',
        ),
      },
    });
    t = await createTestApp({
      env: { LOCAL_SCAN_ROOTS: [dirname(guarded.dir), dirname(plain.dir)].join(':') },
    });
  });

  afterAll(async () => {
    await t.close();
    guarded.remove();
    plain.remove();
  });

  async function scan(dir: string): Promise<void> {
    const res = await t.http.post('/api/repos/scans').set(bearer(t.tokens.coe)).send({ path: dir });
    expect(res.status).toBe(202);
    expect((await waitForJob(t, res.body.id as string)).state).toBe('completed');
  }

  async function baseline(): Promise<{ model: BaselineModel; html: string }> {
    const correlate = await t.http.post('/api/findings/correlate').set(bearer(t.tokens.coe));
    expect((await waitForJob(t, correlate.body.id as string)).state).toBe('completed');
    const build = await t.http
      .post('/api/reports')
      .set(bearer(t.tokens.leader))
      .send({ kind: 'baseline', organisation: 'Acme' });
    const job = await waitForJob(t, build.body.id as string);
    expect(job.state).toBe('completed');
    const id = (job.result as { reportId: string }).reportId;
    const json = await t.http
      .get(`/api/reports/${id}/download?format=json`)
      .set(bearer(t.tokens.leader));
    const html = await t.http
      .get(`/api/reports/${id}/download?format=html`)
      .set(bearer(t.tokens.leader));
    expect(json.status).toBe(200);
    expect(html.status).toBe(200);
    return { model: JSON.parse(json.text) as BaselineModel, html: html.text };
  }

  it('should measure repositories by their instructions, trailers and check-repo, with reasons', async () => {
    await scan(guarded.dir);
    await scan(plain.dir);
    const { model, html } = await baseline();
    const org = model.maturity?.find((m) => m.team === 'Whole organisation');
    expect(org?.measures).toMatchObject({
      repositoriesWithAi: 2,
      instructionsShare: 0.5,
      trailerShare: 0.5,
      guardrailShare: 0.5,
    });
    expect(org?.previousLevel).toBeNull();
    expect(org?.reasons.length).toBeGreaterThan(0);
    expect(html).toContain('AI maturity by team, from evidence');
    expect(html).toContain('Repos with check-repo');
    // no person was resolved: the person measures are left out and said to be, never 0%
    expect(org?.measures.sanctionedShare).toBeNull();
    expect(org?.level).toBe(4);
    expect(org?.reasons).toContain(
      'Not measured: the share of use on sanctioned tools (fewer observed uses than the group size a leader may see)',
    );
    expect(org?.reasons).toContain(
      '50% of repositories with AI use run check-repo in CI: level 4 (level 5 needs 75%)',
    );
    expect(html).toContain('50% of repositories with AI use run check-repo in CI');
  });

  it('should see check-repo adopted by a rescan and show the previous level beside the new one', async () => {
    plain.commit({
      message: 'Adopt the AI check',
      files: { '.github/workflows/ai.yml': CHECK_WORKFLOW },
    });
    await scan(plain.dir);
    const { model } = await baseline();
    const org = model.maturity?.find((m) => m.team === 'Whole organisation');
    expect(org?.measures.guardrailShare).toBe(1);
    expect(org?.reasons).toContain(
      '100% of repositories with AI use run check-repo in CI: level 5',
    );
    expect(org?.previousLevel).toBe(4);
  });
});
