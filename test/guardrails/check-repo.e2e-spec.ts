import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { GitRepoBuilder } from '../support/git-repo-builder';
import { REPO_ROOT, runCli, runCliAsync, runCliInProcess } from '../support/processes';
import { bearer, createTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-db';

jest.setTimeout(180_000);

interface Sarif {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
      }[];
    }[];
  }[];
}

const POLICY = [
  'version: 1',
  'policies:',
  '  openai-api:',
  '    status: prohibited',
  '    note: use the internal gateway',
  '  anthropic-api:',
  '    status: sanctioned',
  '    dataClasses: [public, internal]',
  '',
].join('\n');

const PKG = (deps: Record<string, string>) =>
  JSON.stringify({ name: 'svc', version: '1.0.0', dependencies: deps }, null, 2);

// The SARIF run, the printed workflow and the API runs start dist/cli.js as a pre-commit hook or
// CI would (the token comes from the process environment); the other runs call the same entry
// in this process.
describe('ai-census check-repo', () => {
  const repos: GitRepoBuilder[] = [];
  let dir: string;
  let policyFile: string;
  const env = { LOG_LEVEL: 'error' };

  const repo = (files: Record<string, string>): GitRepoBuilder => {
    const r = new GitRepoBuilder('svc');
    r.commit({ message: 'init', files });
    repos.push(r);
    return r;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'aic-check-'));
    policyFile = join(dir, 'policy.yaml');
    writeFileSync(policyFile, POLICY);
  });
  afterAll(() => {
    for (const r of repos) r.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should fail a repository with a prohibited SDK and write a SARIF result at its manifest', () => {
    const r = repo({
      'package.json': PKG({ express: '^5.0.0', openai: '^4.20.0' }),
      'src/index.js': 'console.log(1)\n',
    });
    const sarifFile = join(dir, 'fail.sarif');
    const run = runCli(['check-repo', r.dir, '--policy', policyFile, '--sarif', sarifFile], env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('OpenAI API is prohibited by the AI tool policy');
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as Sarif;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.name).toBe('ai-census');
    expect(sarif.runs[0].results).toEqual([
      expect.objectContaining({
        ruleId: 'ai-census/prohibited',
        level: 'error',
        locations: [
          expect.objectContaining({
            physicalLocation: expect.objectContaining({
              artifactLocation: expect.objectContaining({ uri: 'package.json' }),
              region: { startLine: expect.any(Number) },
            }),
          }),
        ],
      }),
    ]);
    expect(sarif.runs[0].tool.driver.rules.map((x) => x.id)).toContain('ai-census/prohibited');
  });

  it('should pass a clean repository and one with packages only named like AI SDKs', async () => {
    const clean = repo({ 'package.json': PKG({ express: '^5.0.0', 'left-pad': '1.3.0' }) });
    const sarifFile = join(dir, 'clean.sarif');
    const run = await runCliInProcess(
      ['check-repo', clean.dir, '--policy', policyFile, '--sarif', sarifFile, '--json'],
      env,
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ passed: true, violations: [] });
    expect((JSON.parse(readFileSync(sarifFile, 'utf8')) as Sarif).runs[0].results).toEqual([]);

    const lookalike = repo({
      'package.json': PKG({ '@acme/openai': '1.0.0', 'openai-gpt-token-counter': '1.1.0' }),
      'requirements.txt': 'anthropic-bedrock-utils==0.2\nrequests==2.32.0\n',
    });
    const r2 = await runCliInProcess(
      ['check-repo', lookalike.dir, '--policy', policyFile, '--json'],
      env,
    );
    expect(r2.status).toBe(0);
    expect(JSON.parse(r2.stdout)).toMatchObject({ passed: true, allowed: [] });
  });

  it('should fail a sanctioned tool outside the data classes the repository declares', async () => {
    const r = repo({
      'requirements.txt': 'anthropic==0.40.0\n',
      '.ai-census.yml': 'dataClasses: [internal, pii]\n',
    });
    const declared = await runCliInProcess(
      ['check-repo', r.dir, '--policy', policyFile, '--json'],
      env,
    );
    expect(declared.status).toBe(1);
    expect(JSON.parse(declared.stdout)).toMatchObject({
      dataClasses: ['internal', 'pii'],
      dataClassSource: '.ai-census.yml',
      violations: [{ toolId: 'anthropic-api', verdict: 'data-class' }],
    });
    // the flag overrides the file
    const flagged = await runCliInProcess(
      ['check-repo', r.dir, '--policy', policyFile, '--data-class', 'internal'],
      env,
    );
    expect(flagged.status).toBe(0);
  });

  it('should judge what is staged, so a pre-commit hook stops the commit that adds the SDK', async () => {
    const r = repo({ 'package.json': PKG({ express: '^5.0.0' }) });
    writeFileSync(join(r.dir, 'package.json'), PKG({ express: '^5.0.0', openai: '^4.0.0' }));
    const check = () => runCliInProcess(['check-repo', r.dir, '--policy', policyFile], env);
    expect((await check()).status).toBe(0);
    r.git(['add', 'package.json']);
    expect((await check()).status).toBe(1);
  });

  it('should exit 2 naming the file and line when the input is wrong', async () => {
    const r = repo({ '.ai-census.yml': 'dataClasses: [pii, secret]\n' });
    const bad = await runCliInProcess(['check-repo', r.dir, '--policy', policyFile], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('.ai-census.yml: line 1: dataClasses "secret" is not one of');
    const badPolicy = join(dir, 'bad-policy.yaml');
    writeFileSync(badPolicy, 'version: 1\npolicies:\n  openai-api:\n    status: banned\n');
    const run = await runCliInProcess(['check-repo', r.dir, '--policy', badPolicy], env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('line 4: policies.openai-api.status must be one of');
    const notRepo = await runCliInProcess(['check-repo', dir, '--policy', policyFile], env);
    expect(notRepo.status).toBe(2);
    expect(notRepo.stderr).toContain('is not a git repository');
  });

  it('should print the GitHub workflow shipped in docs and declare the pre-commit hook', () => {
    const printed = runCli(['check-repo', '--print-workflow'], env);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toBe(
      readFileSync(join(REPO_ROOT, 'docs/guardrails/ai-census-check.yml'), 'utf8'),
    );
    const workflow = parse(printed.stdout) as {
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: object }[] }>;
    };
    const steps = Object.values(workflow.jobs)[0].steps;
    expect(steps.some((s) => s.run?.includes('check-repo . --sarif ai-census.sarif'))).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))).toEqual(
      expect.objectContaining({ with: expect.objectContaining({ sarif_file: 'ai-census.sarif' }) }),
    );
    const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      language: string;
      pass_filenames: boolean;
    }[];
    expect(hooks).toEqual([
      expect.objectContaining({
        id: 'ai-census-check-repo',
        entry: 'ai-census check-repo .',
        pass_filenames: false,
      }),
    ]);
  });

  describe('with the policy of an AI Census', () => {
    let t: TestApp;
    let url: string;

    beforeAll(async () => {
      t = await createTestApp();
      await t.app.listen(0, '127.0.0.1');
      url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
      const set = await t.http
        .put('/api/catalog/tools/openai-api/policy')
        .set(bearer(t.tokens.coe))
        .send({ status: 'prohibited' });
      expect(set.status).toBe(200);
    });
    afterAll(() => t.close());

    it('should read it from the API in CI, where there is no database', async () => {
      const r = repo({ 'package.json': PKG({ openai: '^4.0.0' }) });
      const run = await runCliAsync(['check-repo', r.dir, '--api-url', url, '--json'], {
        ...env,
        AI_CENSUS_TOKEN: t.tokens.leader,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      expect(JSON.parse(run.stdout)).toMatchObject({
        policySource: `${url}/api/catalog/policies/export`,
        violations: [{ toolId: 'openai-api' }],
      });
      const denied = await runCliAsync(['check-repo', r.dir, '--api-url', url], {
        ...env,
        AI_CENSUS_TOKEN: 'wrong',
      });
      expect(denied.status).toBe(2);
      expect(denied.stderr).toContain('answered 401');
    });

    it('should read it from the local store when given neither a file nor a URL', async () => {
      const r = repo({ 'package.json': PKG({ openai: '^4.0.0' }) });
      const run = await runCliInProcess(['check-repo', r.dir], { ...env, ...t.env });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('policy: the local AI Census store');
    });
  });

  it('should pass everything, with a warning, when the local store has no policy yet', async () => {
    const db = await createTestDatabase();
    try {
      const r = repo({ 'package.json': PKG({ openai: '^4.0.0' }) });
      const run = await runCliInProcess(['check-repo', r.dir], { ...env, DATABASE_URL: db.url });
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('no tool policy decided');
    } finally {
      await db.drop();
    }
  });
});
