// Every false-positive class of issue #12 as a repository built with git, scanned with the
// built-in catalog; and the positives the same fixes must not lose.
import { loadBuiltinCatalog } from '../../../src/catalog/catalog-loader';
import { CatalogMatcher } from '../../../src/catalog/matcher/catalog-matcher';
import { toolPathSamples } from '../../../src/signals/repos/detect/config-file.detector';
import { scanLocalRepository } from '../../../src/signals/repos/local/local-repository.scanner';
import { claimsAndLeads, toolsOf } from '../../../src/signals/repos/output/scan-report';
import type { RepoScanResult } from '../../../src/signals/repos/repo-scan.types';
import { GitRepoBuilder } from '../../support/git-repo-builder';

const tools = loadBuiltinCatalog();
const matcher = CatalogMatcher.fromTools(tools);
const samples = toolPathSamples(tools.flatMap((t) => t.rules.paths ?? []));
const ann = { name: 'Ann Dev', email: 'ann@acme.test' };

describe('repository detectors: false-positive classes and the positives beside them', () => {
  const built: GitRepoBuilder[] = [];
  const repo = (name: string) => {
    const r = new GitRepoBuilder(name);
    built.push(r);
    return r;
  };
  const scan = (r: GitRepoBuilder) =>
    scanLocalRepository(r.dir, { matcher, toolPathSamples: samples });
  const claimsOf = (s: RepoScanResult) => claimsAndLeads(toolsOf(s.traces));
  afterAll(() => built.forEach((r) => r.remove()));

  it('should find nothing when .gitignore has only broad globs and shared folders', async () => {
    const r = repo('broad-globs');
    r.commit({
      message: 'Initial commit',
      files: {
        'README.md': '# app\n',
        '.gitignore': [
          '*.json',
          '/*.yml',
          '*.yaml',
          '*.md',
          '**/*.json',
          '*.toml',
          '.*',
          '.vscode',
          '.vscode/',
          '.vscode/*',
          '!.vscode/extensions.json',
          '.idea/',
          '.github/',
          '.config/',
          'node_modules/',
          '',
        ].join('\n'),
        'packages/web/.gitignore': '*.json\n.vscode/*\n',
      },
    });
    await expect(scan(r)).resolves.toMatchObject({ traces: [] });
  });

  it('should keep .gitignore entries that name a tool’s own artefact as leads only', async () => {
    const r = repo('named-artefacts');
    r.commit({
      message: 'Ignore local assistant files',
      files: {
        '.gitignore': [
          '.aider*',
          '.claude/',
          'CLAUDE.md',
          '.cursor/rules/local.mdc',
          '.vscode/mcp.json',
          '',
        ].join('\n'),
      },
    });
    const sut = await scan(r);
    const byEntry = Object.fromEntries(
      sut.traces.map((t) => [`${String(t.detail.gitignoreEntry)} ${t.toolId}`, t.confidence]),
    );
    expect(byEntry).toEqual({
      '.aider* aider': 0.4,
      '.claude/ claude-code': 0.4,
      'CLAUDE.md claude-code': 0.4,
      '.cursor/rules/local.mdc cursor': 0.4,
      '.vscode/mcp.json model-context-protocol': 0.4,
    });
    const { tools: claimed, leads } = claimsOf(sut);
    expect(claimed).toEqual([]);
    expect(leads.map((t) => t.toolId)).toEqual([
      'aider',
      'claude-code',
      'cursor',
      'model-context-protocol',
    ]);
  });

  it('should find nothing when "cursor", "copilot", "claude" and "gemini" are ordinary words in code and commits', async () => {
    const r = repo('ordinary-words');
    r.commit({
      message: 'Add a terminal cursor',
      files: {
        'src/cursor.ts': 'export const cursor = { row: 0, col: 0 }; // move the cursor\n',
        'src/autopilot/copilot.py': '# the copilot seat of the flight simulator\n',
        'docs/gemini-mission.md': 'Project Gemini flew ten crewed missions.\n',
        'src/painters.json': '{"claude": "Monet", "gemini": "twins"}\n',
      },
    });
    r.commit({ message: 'Fix cursor blinking in the copilot view', files: { 'a.txt': '1\n' } });
    r.commit({ message: 'Claude asked for gemini constellation data', files: { 'b.txt': '1\n' } });
    await expect(scan(r)).resolves.toMatchObject({ traces: [] });
  });

  it('should find nothing when co-authors and assistants are people whose names contain a tool’s word', async () => {
    const r = repo('human-co-authors');
    r.commit({
      message: 'Paint the hero\n\nCo-authored-by: Claude Monet <claude@monet.fr>',
      files: { 'a.txt': '1\n' },
    });
    r.commit({
      message:
        'Pair on parsing\n\nCo-authored-by: Cursor Smith <cursor.smith@acme.test>\nAssisted-by: Cursor Smith',
      files: { 'b.txt': '1\n' },
    });
    r.commit({
      message: 'Driver fix\n\nCo-developed-by: Jane Roe <jane@kernel.org>\nAssisted-by: Devin',
      author: { name: 'Devin Smith', email: 'devin@acme.test' },
      files: { 'c.txt': '1\n' },
    });
    r.commit({
      message: 'Regenerate stubs\n\nGenerated-by: protoc-gen-go v1.34.2\nMade-with: love',
      author: { name: 'Jules Verne', email: 'jules@acme.test' },
      files: { 'd.txt': '1\n' },
    });
    await expect(scan(r)).resolves.toMatchObject({ traces: [] });
  });

  it('should find nothing when ordinary bots commit', async () => {
    const r = repo('ordinary-bots');
    const bot = (name: string, id: number) => ({
      name,
      email: `${id}+${name}@users.noreply.github.com`,
    });
    r.commit({ message: 'Initial commit', files: { 'package.json': '{"name":"x"}\n' } });
    r.commit({
      message: 'Bump lodash from 4.17.20 to 4.17.21',
      author: bot('dependabot[bot]', 49699333),
      committer: { name: 'GitHub', email: 'noreply@github.com' },
      files: { 'package.json': '{"name":"x","dependencies":{"lodash":"4.17.21"}}\n' },
    });
    r.commit({
      message: 'chore(deps): update dependency typescript to v5',
      author: bot('renovate[bot]', 29139614),
      files: { 'a.txt': '1\n' },
    });
    r.commit({
      message: 'docs: add ann as a contributor',
      author: bot('allcontributors[bot]', 46447321),
      files: { 'b.txt': '1\n' },
    });
    r.commit({
      message: 'Update generated files',
      author: bot('github-actions[bot]', 41898282),
      files: { 'c.txt': '1\n' },
    });
    await expect(scan(r)).resolves.toMatchObject({ traces: [] });
  });

  it('should find a deleted AGENTS.md from history and claim it', async () => {
    const r = repo('deleted-agents');
    r.commit({ message: 'Initial commit', files: { 'README.md': '# x\n' } });
    const added = r.commit({
      message: 'Agent notes',
      files: { 'AGENTS.md': '# Agents\n', 'services/api/AGENTS.md': '# API agents\n' },
    });
    const deleted = r.commit({
      message: 'Drop agent notes',
      delete: ['AGENTS.md', 'services/api/AGENTS.md'],
    });
    const sut = await scan(r);
    expect(sut.traces.map((t) => `${t.toolId} ${t.path} ${String(t.detail.history)}`)).toEqual([
      'ai-coding-agent AGENTS.md deleted',
      'ai-coding-agent services/api/AGENTS.md deleted',
    ]);
    expect(sut.traces[0]).toMatchObject({
      commit: deleted,
      confidence: 0.8,
      detail: { addedCommit: added },
    });
    expect(claimsOf(sut).tools.map((t) => t.toolId)).toEqual(['ai-coding-agent']);
  });

  it('should map each AI disclosure trailer form to its tool', async () => {
    const r = repo('trailers');
    const trailers = [
      'Assisted-by: Claude:claude-3-opus coccinelle sparse',
      'Generated-by: GitHub Copilot',
      'AI-assisted: yes',
      'AI-Assisted-By: gpt-5-codex',
      'Made-with: Claude Code',
      'Co-developed-by: Cursor Agent <cursoragent@cursor.com>',
      'Assisted-by: Cursor (claude-sonnet-4.5)',
    ];
    for (const [i, t] of trailers.entries())
      r.commit({ message: `Change ${i}\n\n${t}`, author: ann, files: { [`f${i}.txt`]: '1\n' } });
    const sut = await scan(r);
    expect(
      sut.traces
        .map((t) => `${t.toolId} ${t.signal} ${String(t.detail.rule)} ${t.identity?.value}`)
        .sort(),
    ).toEqual([
      'ai-assistant commit-trailer trailer:AI-assisted ann@acme.test',
      'claude commit-trailer trailer:Assisted-by ann@acme.test',
      'claude-code commit-trailer trailer:Made-with ann@acme.test',
      'cursor commit-trailer trailer:Assisted-by ann@acme.test',
      'cursor commit-trailer trailer:Co-developed-by ann@acme.test',
      'github-copilot commit-trailer trailer:Generated-by ann@acme.test',
      'openai-codex commit-trailer trailer:AI-Assisted-By ann@acme.test',
    ]);
    expect(sut.traces.every((t) => t.confidence === 0.9)).toBe(true);
  });

  it('should scan every branch the clone holds, not only the checked-out one', async () => {
    const r = repo('branches');
    r.commit({ message: 'Initial commit', files: { 'README.md': '# x\n' } });
    r.git(['checkout', '-q', '-b', 'feature/agent']);
    const onBranch = r.commit({
      message: 'Try Claude\n\nCo-Authored-By: Claude <noreply@anthropic.com>',
      files: { 'CLAUDE.md': '# notes\n' },
    });
    r.git(['checkout', '-q', 'main']);
    const sut = await scan(r);
    expect(
      sut.traces.map((t) => `${t.toolId} ${t.signal} ${t.commit} ${String(t.detail.ref)}`).sort(),
    ).toEqual([
      `claude-code commit-trailer ${onBranch} feature/agent`,
      `claude-code config-file ${onBranch} feature/agent`,
    ]);
    expect(sut.traces.find((t) => t.signal === 'config-file')?.detail.history).toBe('other-branch');
    expect(claimsOf(sut).tools.map((t) => t.toolId)).toEqual(['claude-code']);
  });
});
