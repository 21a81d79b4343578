import { REPO_TEST_PATH_SAMPLES, RepoTestMatcher } from '../../../test/support/repo-test-matcher';
import { analyzeSnapshot } from './repo-analyzer';
import type { RepoCommit, RepoSnapshot, ScanWarning } from './repo-scan.types';

const matcher = RepoTestMatcher.create();
const at = (d: string) => new Date(`${d}T12:00:00Z`);

function snapshot(files: Record<string, string>, commits: RepoCommit[] = []): RepoSnapshot {
  return {
    repository: 'acme/app',
    files: Object.entries(files).map(([path, c]) => ({ path, sha: path, size: c.length })),
    contents: new Map(Object.entries(files)),
    commits,
    commitsHaveChanges: commits.some((c) => c.changes),
    scannedAt: at('2026-11-24'),
  };
}

function commit(
  sha: string,
  facts: Partial<RepoCommit['facts']>,
  changes?: RepoCommit['changes'],
): RepoCommit {
  return {
    sha,
    date: at('2026-01-0' + (sha.length % 9)),
    facts: {
      authorName: 'Ann Dev',
      authorEmail: 'ann@acme.test',
      committerName: 'Ann Dev',
      committerEmail: 'ann@acme.test',
      message: 'Fix bug',
      ...facts,
    },
    changes,
  };
}

function run(s: RepoSnapshot) {
  const warnings: ScanWarning[] = [];
  const { traces, markerList } = analyzeSnapshot(s, matcher, warnings, {
    toolPathSamples: REPO_TEST_PATH_SAMPLES,
  });
  return {
    traces,
    warnings,
    markerList,
    pairs: traces.map((t) => `${t.toolId}:${t.signal}:${t.path ?? t.commit}`),
  };
}

describe(analyzeSnapshot.name, () => {
  it('should find config files of each tool in the current tree when they are present', () => {
    const sut = run(
      snapshot({
        '.cursorrules': 'x',
        'CLAUDE.md': '#',
        '.github/copilot-instructions.md': 'x',
        'src/a.ts': '',
      }),
    );
    expect(sut.pairs.sort()).toEqual([
      'claude-code:config-file:CLAUDE.md',
      'cursor:config-file:.cursorrules',
      'github-copilot:config-file:.github/copilot-instructions.md',
    ]);
  });

  it('should report a config file added then deleted with its dates when it is only in history', () => {
    const commits = [
      commit('c3', {}, [{ status: 'D', path: '.windsurfrules' }]),
      commit('c2', {}, [{ status: 'M', path: '.windsurfrules' }]),
      commit('c1', {}, [{ status: 'A', path: '.windsurfrules' }]),
    ];
    commits[0].date = at('2026-03-01');
    commits[2].date = at('2026-01-01');
    const sut = run(snapshot({ 'README.md': '' }, commits));
    expect(sut.traces).toHaveLength(1);
    expect(sut.traces[0]).toMatchObject({
      toolId: 'windsurf',
      signal: 'config-file',
      path: '.windsurfrules',
      commit: 'c3',
      firstSeen: at('2026-01-01'),
      lastSeen: at('2026-03-01'),
      detail: { history: 'deleted', addedCommit: 'c1', deletedCommit: 'c3' },
    });
  });

  it('should report AI tool entries of .gitignore files when they name a tool file', () => {
    const sut = run(
      snapshot({
        '.gitignore': 'node_modules/\n# local AI\n.aider*\n/CLAUDE.md\n.cursor/\n*.log\n',
      }),
    );
    expect(sut.traces.map((t) => `${t.toolId}@${t.line}`).sort()).toEqual([
      'aider@3',
      'claude-code@4',
      'cursor@5',
    ]);
  });

  it('should attribute AI co-authored commits to the human author when the trailer names an AI', () => {
    const sut = run(
      snapshot({}, [
        commit('a1', {
          message:
            'Add x\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>',
        }),
        commit('a2', {
          message: 'Refactor\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>',
        }),
      ]),
    );
    expect(sut.traces.map((t) => [t.toolId, t.signal, t.commit, t.identity?.value])).toEqual([
      ['claude-code', 'commit-trailer', 'a1', 'ann@acme.test'],
      ['cursor', 'commit-trailer', 'a2', 'ann@acme.test'],
    ]);
  });

  it('should attribute an AI agent commit to the human co-author when a bot authored it', () => {
    const sut = run(
      snapshot({}, [
        commit('b1', {
          authorName: 'Copilot',
          authorEmail: '198982749+Copilot@users.noreply.github.com',
          committerName: 'GitHub',
          committerEmail: 'noreply@github.com',
          message: 'Fix tests\n\nCo-authored-by: jdoe <4242+jdoe@users.noreply.github.com>',
        }),
      ]),
    );
    expect(sut.traces).toMatchObject([
      {
        toolId: 'github-copilot',
        signal: 'bot-author',
        identity: { value: '4242+jdoe@users.noreply.github.com' },
      },
    ]);
  });

  it('should strip the aider mark from the name when the committer name carries it', () => {
    const sut = run(
      snapshot({}, [
        commit('d1', { authorName: 'Ann Dev (aider)', committerName: 'Ann Dev (aider)' }),
      ]),
    );
    expect(sut.traces).toMatchObject([
      {
        toolId: 'aider',
        signal: 'bot-author',
        identity: { value: 'ann@acme.test', name: 'Ann Dev' },
      },
    ]);
  });

  it('should find nothing when commits are lookalikes, ordinary bots or human co-authors', () => {
    const sut = run(
      snapshot({ 'src/term.c': '' }, [
        commit('n1', { message: 'Fix terminal cursor blinking in the cursor position code' }),
        commit('n2', {
          authorName: 'Devin Smith',
          authorEmail: 'devin@acme.test',
          message: 'Ask claude about it later',
        }),
        commit('n3', { message: 'Pair work\n\nCo-authored-by: Bob <bob@acme.test>' }),
        commit('n4', {
          authorName: 'dependabot[bot]',
          authorEmail: '49699333+dependabot[bot]@users.noreply.github.com',
          message: 'Bump lodash',
        }),
        commit('n5', {
          authorName: 'renovate[bot]',
          authorEmail: '29139614+renovate[bot]@users.noreply.github.com',
        }),
        commit('n6', {
          authorName: 'github-actions[bot]',
          authorEmail: '41898282+github-actions[bot]@users.noreply.github.com',
        }),
      ]),
    );
    expect(sut.traces).toEqual([]);
  });

  it('should find AI actions and AI API hosts when a workflow uses them', () => {
    const wf = [
      'name: ci',
      'on: [pull_request]',
      'jobs:',
      '  review:',
      '    runs-on: ubuntu-latest',
      '    env:',
      '      BASE: api.openai.com',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: anthropics/claude-code-action@v1',
      '      - run: |',
      '          curl -s https://generativelanguage.googleapis.com/v1/models',
    ].join('\n');
    const sut = run(snapshot({ '.github/workflows/ci.yml': wf }));
    expect(sut.traces.map((t) => `${t.signal} ${t.toolId}@${t.line}`).sort()).toEqual([
      // the job that runs the agent, with its token's permissions and secrets
      'agent-workflow claude-code@4',
      'workflow claude-code@10',
      'workflow google-gemini@11',
      'workflow openai-api@7',
    ]);
  });

  it('should warn and go on when a workflow is not valid YAML', () => {
    const sut = run(
      snapshot({ '.github/workflows/bad.yml': 'jobs:\n  a: [\n', '.cursorrules': '' }),
    );
    expect(sut.pairs).toEqual(['cursor:config-file:.cursorrules']);
    expect(sut.warnings[0]).toMatchObject({ path: '.github/workflows/bad.yml' });
  });

  it('should read recommended extensions from JSONC, devcontainers and JetBrains files', () => {
    const sut = run(
      snapshot({
        '.vscode/extensions.json':
          '{\n  // team picks\n  "recommendations": ["GitHub.copilot", /* later */ "esbenp.prettier-vscode",],\n  "unwantedRecommendations": ["codeium.codeium"]\n}',
        '.devcontainer/devcontainer.json':
          '{ "customizations": { "vscode": { "extensions": ["anthropic.claude-code"] } }, // x\n}',
        '.idea/externalDependencies.xml':
          '<?xml version="1.0"?><project version="4"><component name="ExternalDependencies"><plugin id="com.intellij.ml.llm" /></component></project>',
      }),
    );
    expect(sut.pairs.sort()).toEqual([
      'claude-code:ide-extension:.devcontainer/devcontainer.json',
      'github-copilot:ide-extension:.vscode/extensions.json',
      'jetbrains-ai-assistant:ide-extension:.idea/externalDependencies.xml',
    ]);
  });

  it('should lower confidence with a reason when a trace sits under fixtures or vendored code', () => {
    const sut = run(
      snapshot({
        'test/fixtures/repo/.windsurfrules': '',
        'vendor/x/CLAUDE.md': '',
        'GEMINI.md': '',
      }),
    );
    const byTool = Object.fromEntries(sut.traces.map((t) => [t.toolId, t]));
    expect(byTool['windsurf'].confidence).toBeLessThan(0.5);
    expect(byTool['windsurf'].detail.confidenceReason).toMatch(/test/);
    expect(byTool['claude-code'].detail.confidenceReason).toMatch(/vendored/);
    expect(byTool['gemini-cli'].confidence).toBe(0.95);
  });

  it('should keep but lower every trace when the repository is a list of AI markers', () => {
    const rules = [
      'domains: [api.openai.com, api.anthropic.com, cursor.com, codeium.com, githubcopilot.com, grazie.ai]',
      'paths: [".cursorrules", "CLAUDE.md"]',
    ].join('\n');
    const sut = run(snapshot({ 'rules/ai-tools.yml': rules, 'CLAUDE.md': '' }));
    expect(sut.markerList).toMatch(/rules\/ai-tools.yml/);
    expect(sut.traces).toHaveLength(1);
    expect(sut.traces[0].confidence).toBeLessThan(0.5);
  });

  it('should not take a framework for a marker list when a code file names its providers API hosts', () => {
    const providers = [
      'PROVIDERS = {',
      '  "openai": "https://api.openai.com/v1",',
      '  "anthropic": "https://api.anthropic.com",',
      '  "gemini": "https://generativelanguage.googleapis.com",',
      '  "copilot": "https://api.githubcopilot.com",',
      '  "codeium": "https://server.codeium.com",',
      '}',
    ].join('\n');
    const workflow = `network:\n  allowed: [api.openai.com, api.anthropic.com, cursor.com, codeium.com, githubcopilot.com, grazie.ai]\npaths: [".cursorrules", "CLAUDE.md"]\n`;
    const sut = run(
      snapshot({
        'src/llm/model_catalog.py': providers,
        '.github/workflows/regression-detector.lock.yml': workflow,
        'CLAUDE.md': '',
      }),
    );
    expect(sut.markerList).toBeUndefined();
    expect(sut.traces.find((t) => t.path === 'CLAUDE.md')?.confidence).toBe(0.95);
  });
});
