import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanLocalRepository } from '../../../src/signals/repos/local/local-repository.scanner';
import type { RepoScanResult } from '../../../src/signals/repos/repo-scan.types';
import { GitRepoBuilder } from '../../support/git-repo-builder';
import { buildFixtureRepo } from '../../support/repo-fixtures';
import { REPO_TEST_PATH_SAMPLES, RepoTestMatcher } from '../../support/repo-test-matcher';

const matcher = RepoTestMatcher.create();
const summary = (r: RepoScanResult) =>
  r.traces
    .map(
      (t) =>
        `${t.toolId}|${t.signal}|${t.path ?? t.commit?.slice(0, 0) ?? ''}|${t.identity?.value ?? ''}`,
    )
    .sort();

describe(scanLocalRepository.name, () => {
  const built: GitRepoBuilder[] = [];
  const build = (name: string) => {
    const r = buildFixtureRepo(name);
    built.push(r);
    return r;
  };
  afterAll(() => built.forEach((r) => r.remove()));

  it('should find config files, workflows, extensions and .gitignore entries when a repo uses assistants', async () => {
    const repo = build('assistants');
    const sut = await scanLocalRepository(repo.dir, {
      matcher,
      toolPathSamples: REPO_TEST_PATH_SAMPLES,
    });
    expect(summary(sut)).toEqual([
      'agents-md|config-file|AGENTS.md|',
      'aider|config-file|.gitignore|',
      'anthropic-api|dependency|services/ml/requirements.txt|',
      'claude-code|agent-workflow|.github/workflows/review.yml|',
      'claude-code|config-file|CLAUDE.md|',
      'claude-code|workflow|.github/workflows/review.yml|',
      'cursor|config-file|.cursor/rules/general.mdc|',
      'github-copilot|config-file|.github/copilot-instructions.md|',
      'github-copilot|ide-extension|.vscode/extensions.json|',
      'openai-api|dependency|package.json|',
      'openai-api|workflow|.github/workflows/review.yml|',
      'windsurf|config-file|tests/fixtures/sample/.windsurfrules|',
    ]);
    const fixture = sut.traces.find((t) => t.toolId === 'windsurf');
    expect(fixture?.confidence).toBeLessThan(0.5);
    const claude = sut.traces.find((t) => t.path === 'CLAUDE.md');
    expect(claude?.firstSeen).toEqual(new Date('2026-01-01T01:00:00Z'));
    expect(sut.headCommit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('should report files added then deleted with their dates when they exist only in history', async () => {
    const repo = build('history');
    const sut = await scanLocalRepository(repo.dir, {
      matcher,
      toolPathSamples: REPO_TEST_PATH_SAMPLES,
    });
    expect(summary(sut)).toEqual([
      'gemini-cli|config-file|GEMINI.md|',
      'windsurf|config-file|.windsurfrules|',
    ]);
    expect(sut.traces.find((t) => t.toolId === 'windsurf')).toMatchObject({
      firstSeen: new Date('2026-02-01T10:00:00Z'),
      lastSeen: new Date('2026-03-01T10:00:00Z'),
      detail: { history: 'deleted' },
    });
  });

  it('should attribute AI commits to the human author or co-author when trailers or agents mark them', async () => {
    const repo = build('commits');
    const sut = await scanLocalRepository(repo.dir, {
      matcher,
      toolPathSamples: REPO_TEST_PATH_SAMPLES,
    });
    expect(summary(sut)).toEqual([
      'aider|bot-author||bob@acme.test',
      'claude-code|commit-trailer||ann@acme.test',
      'cursor|commit-trailer||bob@acme.test',
      'github-copilot|bot-author||4242+ann@users.noreply.github.com',
    ]);
  });

  it('should find nothing when the repository is ordinary with lookalike words, bots and human co-authors', async () => {
    const repo = build('ordinary');
    const sut = await scanLocalRepository(repo.dir, {
      matcher,
      toolPathSamples: REPO_TEST_PATH_SAMPLES,
    });
    expect(sut.traces).toEqual([]);
    expect(sut.stats.commits).toBe(7);
  });

  it('should read only new commits when a later scan starts from the last scanned commit', async () => {
    const repo = build('commits');
    const first = await scanLocalRepository(repo.dir, {
      matcher,
      toolPathSamples: REPO_TEST_PATH_SAMPLES,
    });
    repo.commit({
      message: 'More\n\nCo-authored-by: Cursor <cursoragent@cursor.com>',
      files: { 'more.go': 'package main\n' },
    });
    const sut = await scanLocalRepository(repo.dir, {
      matcher,
      toolPathSamples: REPO_TEST_PATH_SAMPLES,
      sinceCommit: first.headCommit,
    });
    expect(sut.stats.commits).toBe(1);
    expect(summary(sut)).toEqual(['cursor|commit-trailer||ann@acme.test']);
  });

  it('should bound history by date when since is given', async () => {
    const repo = build('history');
    const sut = await scanLocalRepository(repo.dir, {
      matcher,
      since: new Date('2026-02-05T00:00:00Z'),
    });
    expect(sut.stats.commits).toBe(2);
  });

  it('should skip binary and huge files with a warning when candidates are not readable text', async () => {
    const repo = new GitRepoBuilder('odd');
    built.push(repo);
    repo.commit({
      message: 'odd files',
      files: {
        '.vscode/extensions.json': Buffer.from([0x7b, 0x00, 0x01, 0x7d]),
        '.github/workflows/big.yml': `# ${'x'.repeat(1024 * 1024 + 10)}\n`,
        'CLAUDE.md': 'x',
      },
    });
    const sut = await scanLocalRepository(repo.dir, {
      matcher,
      toolPathSamples: REPO_TEST_PATH_SAMPLES,
    });
    expect(summary(sut)).toEqual(['claude-code|config-file|CLAUDE.md|']);
    expect(sut.warnings.map((w) => `${w.path}: ${w.reason.split(':')[0]}`).sort()).toEqual([
      '.github/workflows/big.yml: skipped',
      '.vscode/extensions.json: skipped',
    ]);
  });

  it('should fail with a clear message when the path is not a git repository or has no commits', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'ai-census-plain-'));
    try {
      await expect(
        scanLocalRepository(plain, { matcher, toolPathSamples: REPO_TEST_PATH_SAMPLES }),
      ).rejects.toThrow(/is not a git repository/);
      await expect(
        scanLocalRepository(join(plain, 'missing'), {
          matcher,
          toolPathSamples: REPO_TEST_PATH_SAMPLES,
        }),
      ).rejects.toThrow(/does not exist/);
      const empty = new GitRepoBuilder('empty');
      built.push(empty);
      await expect(
        scanLocalRepository(empty.dir, { matcher, toolPathSamples: REPO_TEST_PATH_SAMPLES }),
      ).rejects.toThrow(/empty git repository/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('should warn that history is cut when the checkout is a shallow clone', async () => {
    const repo = build('history');
    const clone = new GitRepoBuilder('shallow');
    built.push(clone);
    clone.git(['fetch', '-q', '--depth=1', `file://${repo.dir}`, 'main']);
    clone.git(['reset', '-q', '--hard', 'FETCH_HEAD']);
    const sut = await scanLocalRepository(clone.dir, {
      matcher,
      toolPathSamples: REPO_TEST_PATH_SAMPLES,
    });
    expect(sut.warnings.some((w) => /shallow clone/.test(w.reason))).toBe(true);
  });
});
