import { rmSync } from 'node:fs';
import { generateRepo } from '../../../bench/repo-scan.bench';
import { loadBuiltinCatalog } from '../../../src/catalog/catalog-loader';
import { CatalogMatcher } from '../../../src/catalog/matcher/catalog-matcher';
import { toolPathSamples } from '../../../src/signals/repos/detect/config-file.detector';
import { scanGithubOwner } from '../../../src/signals/repos/github/github-owner.scanner';
import { scanLocalRepository } from '../../../src/signals/repos/local/local-repository.scanner';
import { claimsAndLeads, toolsOf } from '../../../src/signals/repos/output/scan-report';
import type { RepoTrace } from '../../../src/signals/repos/repo-scan.types';
import { FakeGitHub } from '../../support/fake-github';
import { GitRepoBuilder } from '../../support/git-repo-builder';

const tools = loadBuiltinCatalog();
const matcher = CatalogMatcher.fromTools(tools);
const samples = toolPathSamples(tools.flatMap((t) => t.rules.paths ?? []));
const human = { name: 'Ann Dev', email: 'ann@acme.test' };

/** Every kind of trace, history-only ones included, in a repository built with git. */
function buildTraces(): GitRepoBuilder {
  const repo = new GitRepoBuilder('traces');
  repo.commit({ message: 'Initial commit', files: { 'README.md': '# app\n' } });
  repo.commit({
    message: 'Agent notes',
    files: { 'AGENTS.md': '# agents\n', 'CLAUDE.md': '# claude\n', '.cursorrules': 'rules\n' },
  });
  repo.commit({
    message: 'Drop agent files',
    delete: ['AGENTS.md', 'CLAUDE.md', '.cursorrules'],
  });
  repo.commit({
    message:
      'Refactor parser\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>',
    files: { 'src/parse.ts': 'export {};\n' },
  });
  repo.commit({
    message: 'Fix lint\n\nCo-authored-by: Ann Dev <ann@acme.test>',
    author: { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com' },
    committer: human,
    files: { 'src/lint.ts': 'export {};\n' },
  });
  repo.commit({
    message: 'Bump lodash',
    author: {
      name: 'dependabot[bot]',
      email: '49699333+dependabot[bot]@users.noreply.github.com',
    },
    files: { 'src/dep.ts': 'export {};\n' },
  });
  // a tool tried on a branch that was never merged: a clone holds every branch, as a checkout does
  repo.git(['checkout', '-q', '-b', 'try-aider']);
  repo.commit({ message: 'Try aider', files: { '.aider.conf.yml': 'model: sonnet\n' } });
  repo.git(['checkout', '-q', 'main']);
  repo.commit({
    message: 'Review workflow and client',
    files: {
      '.github/workflows/review.yml':
        'on: pull_request\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n',
      'package.json': JSON.stringify({ name: 'app', dependencies: { openai: '^4.52.0' } }),
      '.gitignore': 'node_modules/\n.aider*\n',
    },
  });
  return repo;
}

/** Over 100 candidate files (manifests) and a history of two commits. */
function buildWide(): GitRepoBuilder {
  const repo = new GitRepoBuilder('wide');
  const files: Record<string, string> = {};
  for (let i = 0; i < 130; i++)
    files[`packages/p${i}/package.json`] = JSON.stringify({
      name: `p${i}`,
      dependencies: i === 120 ? { '@anthropic-ai/sdk': '^0.30.0' } : { lodash: '^4' },
    });
  repo.commit({ message: 'Monorepo', files });
  repo.commit({ message: 'Readme', files: { 'README.md': '# wide\n' } });
  return repo;
}

/** `tools` and `leads` as scan-repo and scan-github print them */
const view = (traces: RepoTrace[]) =>
  JSON.parse(JSON.stringify(claimsAndLeads(toolsOf(traces)))) as unknown;

describe('GitHub scan against local scan', () => {
  let gh: FakeGitHub;
  const built: GitRepoBuilder[] = [];
  let long: string;
  // more than the scanner's 4 at a time, so a worker takes a second one
  const LONG_REPOS = 5;

  beforeAll(async () => {
    gh = await new FakeGitHub().start();
    gh.token = 'ghp_parity_token_not_real';
    gh.orgs.add('acme');
    gh.orgs.add('big');
    for (const repo of [buildTraces(), buildWide()]) {
      built.push(repo);
      gh.addRepo({ owner: 'acme', name: repo.dir.split('/').pop()!, dir: repo.dir });
    }
    // long histories: 1,000 commits each (10 pages of 100 through the API)
    long = await generateRepo(40, 1000);
    for (let i = 0; i < LONG_REPOS; i++) gh.addRepo({ owner: 'big', name: `svc-${i}`, dir: long });
  }, 60_000);

  afterAll(async () => {
    await gh.stop();
    built.forEach((r) => r.remove());
    rmSync(long, { recursive: true, force: true });
  });

  const scan = (owner: string, extra: Partial<Parameters<typeof scanGithubOwner>[0]> = {}) =>
    scanGithubOwner({
      owner,
      matcher,
      toolPathSamples: samples,
      baseUrl: gh.url,
      token: gh.token,
      ...extra,
    });

  it('should find the same tools, history-only files included, as a local scan of the same repositories', async () => {
    const sut = await scan('acme');
    for (const repo of built) {
      const name = `acme/${repo.dir.split('/').pop()}`;
      const local = await scanLocalRepository(repo.dir, {
        matcher,
        toolPathSamples: samples,
        repository: name,
      });
      const remote = sut.repositories.find((r) => r.repository === name)!;
      expect(remote.error).toBeUndefined();
      expect(view(remote.traces)).toEqual(view(local.traces));
    }
    const traces = sut.repositories.find((r) => r.repository === 'acme/traces')!.traces;
    // the files added and later deleted are there, as history-only traces
    expect(
      traces
        .filter((t) => t.detail.history === 'deleted')
        .map((t) => t.path)
        .sort(),
    ).toEqual(expect.arrayContaining(['.cursorrules', 'AGENTS.md', 'CLAUDE.md']));
    expect(new Set(traces.map((t) => t.signal))).toEqual(
      new Set([
        'config-file',
        'commit-trailer',
        'bot-author',
        'workflow',
        'dependency',
        'agent-workflow',
      ]),
    );
    expect(JSON.stringify(sut)).not.toContain(gh.token);
    expect(gh.gitRequests.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(gh.tokenInProcessList).toEqual([]);
  });

  it('should read over 100 candidate files of a short history in both history modes', async () => {
    for (const history of ['clone', 'api'] as const) {
      gh.reset();
      const sut = await scan('acme', { history });
      const wide = sut.repositories.find((r) => r.repository === 'acme/wide')!;
      expect(wide.error).toBeUndefined();
      expect(wide.stats.filesRead).toBe(130);
      expect(wide.traces.map((t) => `${t.toolId}|${t.path}`)).toContain(
        'anthropic-api|packages/p120/package.json',
      );
      expect(gh.requests.filter((r) => r.path === '/graphql' && r.repo === 'acme/wide')).toEqual([
        expect.objectContaining({ status: 200 }),
        expect.objectContaining({ status: 200 }),
      ]);
    }
  });

  it('should spend at most three API requests per repository on long histories and one on an unchanged re-scan', async () => {
    gh.reset();
    const first = await scan('big');
    expect(first.repositories.map((r) => [r.error, r.stats.commits])).toEqual(
      Array.from({ length: LONG_REPOS }, () => [undefined, 1000]),
    );
    expect(first.requests).toBe(gh.requests.length);
    expect(first.requests / LONG_REPOS).toBeLessThanOrEqual(3);
    gh.reset();
    const again = await scan('big', { state: first.state });
    expect(again.requests).toBe(Math.ceil(LONG_REPOS / 100));
    expect(gh.gitRequests).toEqual([]);
  });
});
