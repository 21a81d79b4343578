import { scanGithubOwner } from '../../../src/signals/repos/github/github-owner.scanner';
import { scanLocalRepository } from '../../../src/signals/repos/local/local-repository.scanner';
import type { RepoTrace } from '../../../src/signals/repos/repo-scan.types';
import { FakeGitHub } from '../../support/fake-github';
import type { GitRepoBuilder } from '../../support/git-repo-builder';
import { buildFixtureRepo, FIXTURE_REPOS } from '../../support/repo-fixtures';
import { REPO_TEST_PATH_SAMPLES, RepoTestMatcher } from '../../support/repo-test-matcher';

const matcher = RepoTestMatcher.create();
const key = (t: RepoTrace) =>
  `${t.toolId}|${t.signal}|${t.path ?? ''}|${t.line ?? ''}|${t.commit ?? ''}|${t.identity?.value ?? ''}|${t.confidence}`;
const names = Object.keys(FIXTURE_REPOS);

describe(scanGithubOwner.name, () => {
  let gh: FakeGitHub;
  const built = new Map<string, GitRepoBuilder>();

  beforeAll(async () => {
    gh = await new FakeGitHub().start();
    gh.token = 'ghp_test_token_not_real';
    gh.orgs.add('acme');
    for (const name of names) {
      const repo = buildFixtureRepo(name);
      built.set(name, repo);
      gh.addRepo({
        owner: 'acme',
        name,
        dir: repo.dir,
        topics: name === 'commits' ? ['backend', 'phi'] : [],
      });
    }
    gh.addRepo({ owner: 'acme', name: 'empty' });
    gh.properties.set('acme/assistants', { 'data-classification': 'pii', team: 'web' });
    gh.installations.set('acme', [
      { app_slug: 'claude', id: 11 },
      { app_slug: 'renovate', id: 12 },
    ]);
    gh.seats.set('acme', [
      {
        login: 'Ann',
        last_activity_at: '2026-11-20T10:00:00Z',
        last_activity_editor: 'vscode/1.95',
      },
      { login: 'bob' },
    ]);
    gh.addRepo({ owner: 'solo', name: 'dots', dir: built.get('commits')?.dir });
  });

  afterAll(async () => {
    await gh.stop();
    built.forEach((r) => r.remove());
  });

  const scan = (extra: Partial<Parameters<typeof scanGithubOwner>[0]> = {}) =>
    scanGithubOwner({
      owner: 'acme',
      matcher,
      toolPathSamples: REPO_TEST_PATH_SAMPLES,
      baseUrl: gh.url,
      token: gh.token,
      retryAfterBaseMs: 20,
      ...extra,
    });
  // A plain first scan (default options, nothing pushed since): the budget test makes it, and the
  // tests that only read its result or start from its state share it instead of cloning again.
  let plainFirst: Awaited<ReturnType<typeof scan>> | undefined;
  const firstScan = async () => (plainFirst ??= await scan());

  it('should yield the same evidence as local scans of the same content when scanning an organisation', async () => {
    gh.reset();
    gh.secondaryLimitOnce = '/repos/acme/assistants/git/trees';
    const sut = await scan();
    expect(gh.requests.filter((r) => r.status === 403).map((r) => r.path)).toEqual([
      expect.stringMatching(/^\/repos\/acme\/assistants\/git\/trees\/[0-9a-f]{40}$/),
    ]);
    expect(sut.repositories.map((r) => r.repository)).toEqual(
      [...names.map((n) => `acme/${n}`), 'acme/empty'].sort(),
    );
    for (const name of names) {
      const local = await scanLocalRepository(built.get(name)!.dir, {
        matcher,
        toolPathSamples: REPO_TEST_PATH_SAMPLES,
        repository: `acme/${name}`,
      });
      // history comes from a blobless clone, so files added and later deleted are seen too
      const expected = local.traces.map(key).sort();
      const remote = sut.repositories.find((r) => r.repository === `acme/${name}`)!;
      expect(remote.traces.map(key).sort()).toEqual(expected);
    }
    expect(sut.repositories.find((r) => r.repository === 'acme/empty')?.warnings[0].reason).toMatch(
      /empty repository/,
    );
  });

  it('should make at most two requests per repository when scanning for the first time', async () => {
    gh.reset();
    plainFirst = undefined;
    const sut = await firstScan();
    // tree + the candidate files in one GraphQL request when there are any; history is a clone
    const perRepo = names.map((n) => gh.countForRepo(`acme/${n}`));
    expect(perRepo).toEqual(
      names.map((n) => (n === 'assistants' || n === 'ordinary' ? 2 : 1)), // the two with candidate files
    );
    expect(new Set(gh.gitRequests.map((r) => r.repo))).toEqual(
      new Set(names.map((n) => `acme/${n}`)),
    );
    expect(gh.countForRepo('acme/empty')).toBe(0);
    // plus the list (1 per 100 repositories) and apps, seats and properties (once per organisation)
    expect(sut.requests).toBe(1 + 3 + perRepo.reduce((a, b) => a + b, 0));
    expect(sut.requests / (names.length + 1)).toBeLessThanOrEqual(3);
    expect(sut.requests).toBe(gh.requests.length);
  });

  it('should read org-level apps, Copilot seats and data classification when the owner is an organisation', async () => {
    const sut = await firstScan();
    expect(
      sut.orgTraces
        .map((t) => `${t.toolId}|${t.signal}|${t.identity?.value ?? t.detail.app}`)
        .sort(),
    ).toEqual([
      'claude-code|app-installation|claude',
      'github-copilot|copilot-seat|ann',
      'github-copilot|copilot-seat|bob',
    ]);
    const byName = Object.fromEntries(
      sut.repositories.map((r) => [r.repository, r.classification.dataClasses]),
    );
    expect(byName['acme/assistants']).toEqual(['pii']);
    expect(byName['acme/commits']).toEqual(['phi']);
  });

  it('should make one request when nothing was pushed since the last scan', async () => {
    const first = await firstScan();
    gh.reset();
    const sut = await scan({ state: first.state });
    expect(sut.requests).toBe(1);
    expect(gh.requests).toEqual([{ method: 'GET', path: '/orgs/acme/repos', status: 304 }]);
    expect(sut.repositories.every((r) => r.unchanged)).toBe(true);
  });

  it('should re-read only the pushed repository and only its new commits when one repository changed', async () => {
    const first = await firstScan();
    built.get('ordinary')!.commit({
      message: 'Wire review bot\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>',
      files: { 'notes.md': 'x\n' },
      date: '2026-06-01T00:00:00Z',
    });
    gh.reset();
    const sut = await scan({ state: first.state });
    expect(
      gh.requests.map((r) => r.path.replace(/\/repos\/acme\/ordinary\/.*/, 'ordinary')),
    ).toEqual(['/orgs/acme/repos', 'ordinary', '/graphql']);
    const changed = sut.repositories.find((r) => r.repository === 'acme/ordinary')!;
    expect(changed.stats.commits).toBe(1);
    expect(
      changed.traces
        .filter((t) => t.signal === 'commit-trailer')
        .map((t) => `${t.toolId}|${t.identity?.value}`),
    ).toEqual(['cursor|ann@acme.test']);
  });

  it('should keep the data classes of custom properties on a scan that does not re-read them', async () => {
    const first = await firstScan();
    const assistants = gh.repos.find((r) => r.owner === 'acme' && r.name === 'assistants')!;
    const before = assistants.pushedAt;
    assistants.pushedAt = '2026-11-28T09:00:00Z';
    gh.reset();
    try {
      const sut = await scan({ state: first.state });
      // properties are read at most once a day: this scan did not ask for them
      expect(gh.requests.some((r) => r.path.includes('properties'))).toBe(false);
      const pushed = sut.repositories.find((r) => r.repository === 'acme/assistants')!;
      expect(pushed.unchanged).toBeFalsy();
      expect(pushed.classification.dataClasses).toEqual(['pii']);
      expect(sut.state.repos['acme/assistants'].properties).toEqual({
        'data-classification': 'pii',
        team: 'web',
      });
      // nothing pushed since: one 304, and the properties last read are still known
      const again = await scan({ state: sut.state });
      expect(again.repositories).toEqual([]);
      expect(again.state.repos['acme/assistants'].properties?.['data-classification']).toBe('pii');
    } finally {
      assistants.pushedAt = before;
    }
  });

  it('should add AI packages from the dependency graph when asked and warn where it is off', async () => {
    const repo = gh.repos.find((r) => r.name === 'commits')!;
    repo.sbomPurls = [
      'pkg:npm/express@4.19.2',
      'pkg:npm/openai@4.52.0',
      'pkg:pypi/anthropic@0.34.0',
    ];
    try {
      gh.reset();
      const sut = await scan({ sbom: true });
      const commits = sut.repositories.find((r) => r.repository === 'acme/commits')!;
      expect(
        commits.traces
          .filter((t) => t.detail.source === 'dependency-graph')
          .map((t) => `${t.toolId}|${String(t.detail.version)}`),
      ).toEqual(['openai-api|4.52.0', 'anthropic-api|0.34.0']);
      const other = sut.repositories.find((r) => r.repository === 'acme/history')!;
      expect(other.warnings.map((w) => w.reason).join('\n')).toMatch(
        /dependency graph not available/,
      );
      expect(gh.count('/repos/acme/commits/dependency-graph/sbom')).toBe(1);
    } finally {
      repo.sbomPurls = undefined;
    }
  });

  it('should read history through the API and warn when a repository cannot be cloned', async () => {
    gh.gitBroken.add('acme/history');
    try {
      const sut = await scan();
      const history = sut.repositories.find((r) => r.repository === 'acme/history')!;
      expect(history.error).toBeUndefined();
      expect(history.warnings.map((w) => w.reason)).toContainEqual(
        expect.stringMatching(
          /^git clone of .*acme\/history\.git failed: .*history read through the API instead/,
        ),
      );
      expect(history.traces.filter((t) => t.detail.history === 'deleted')).toEqual([]);
      expect(JSON.stringify(sut)).not.toContain(gh.token);
      // the other repositories were still cloned
      const ordinary = sut.repositories.find((r) => r.repository === 'acme/ordinary')!;
      expect(ordinary.warnings.map((w) => w.reason).join('\n')).not.toMatch(/git clone/);
    } finally {
      gh.gitBroken.clear();
    }
  });

  it('should report a repository that cannot be read and scan the others', async () => {
    gh.denied.set('/repos/acme/commits/git/trees', 'contents=read');
    try {
      const sut = await scan();
      expect(sut.repositories.find((r) => r.repository === 'acme/commits')?.error).toEqual({
        code: 'permission',
        reason: expect.stringMatching(/file tree of acme\/commits .*contents=read/),
      });
      expect(
        sut.repositories.filter((r) => r.error === undefined).map((r) => r.repository),
      ).toEqual(['acme/assistants', 'acme/empty', 'acme/history', 'acme/ordinary']);
      expect(sut.state.repos['acme/commits']).toBeUndefined();
      expect(sut.state.listEtag).toBeUndefined();
    } finally {
      gh.denied.clear();
    }
  });

  it('should scan a user account when the owner is not an organisation', async () => {
    const sut = await scan({ owner: 'solo' });
    expect(sut.ownerType).toBe('User');
    expect(sut.orgTraces).toEqual([]);
    expect(sut.repositories[0].traces.map((t) => t.toolId).sort()).toEqual([
      'aider',
      'claude-code',
      'cursor',
      'github-copilot',
    ]);
  });

  it('should name the missing permission when the token cannot read seats or repositories', async () => {
    gh.denied.set('/orgs/acme/copilot', 'organization_copilot_seat_management=read');
    try {
      const sut = await scan();
      expect(sut.warnings.map((w) => w.reason).join('\n')).toMatch(
        /Copilot seats of acme .*GitHub Copilot Business.*organization_copilot_seat_management=read/,
      );
      gh.denied.set('/orgs/acme/repos', 'metadata=read');
      await expect(scan()).rejects.toThrow(/repositories of acme.*Metadata: read/);
      await expect(scan({ token: 'wrong' })).rejects.toThrow(/rejected the token \(401\)/);
    } finally {
      gh.denied.clear();
    }
  });
});
