import { GitRepoBuilder, type CommitSpec } from './git-repo-builder';

// Real-world-shaped repositories for the scanner tests: each trace kind, history-only traces,
// .gitignore entries and lookalike negatives. The same git repositories feed the local scanner
// and the fake GitHub server, so both sources see the same content.

const ann = { name: 'Ann Dev', email: 'ann@acme.test' };
const bob = { name: 'Bob Ops', email: 'bob@acme.test' };

export const FIXTURE_REPOS: Record<string, CommitSpec[]> = {
  assistants: [
    {
      message: 'Initial commit',
      files: { 'README.md': '# app\n', 'src/index.ts': 'export {};\n' },
    },
    {
      message: 'Add assistant rules',
      files: {
        '.cursor/rules/general.mdc': '---\ndescription: general\n---\nUse strict TypeScript.\n',
        'CLAUDE.md': '# Notes for the agent\n',
        '.github/copilot-instructions.md': 'Prefer small functions.\n',
        'AGENTS.md': '# Agents\n',
      },
    },
    {
      message: 'CI review and editor setup',
      author: bob,
      files: {
        '.github/workflows/review.yml': [
          'name: review',
          'on: pull_request',
          'jobs:',
          '  review:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - uses: anthropics/claude-code-action@v1',
          '        with:',
          '          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}',
          '      - run: |',
          '          curl -sS https://api.openai.com/v1/models -H "Authorization: Bearer $KEY"',
          '',
        ].join('\n'),
        '.vscode/extensions.json':
          '{\n  // shared picks\n  "recommendations": ["github.copilot", "dbaeumer.vscode-eslint"],\n}\n',
        '.gitignore': 'node_modules/\n.aider*\n',
        'tests/fixtures/sample/.windsurfrules': 'fixture\n',
        'package.json':
          '{\n  "name": "app",\n  "dependencies": { "openai": "^4.52.0", "express": "^4.19.0" }\n}\n',
        'services/ml/requirements.txt': 'anthropic==0.34.0\nrequests>=2\n',
      },
    },
  ],
  history: [
    { message: 'Initial commit', files: { 'README.md': '# lib\n' } },
    {
      message: 'Try windsurf rules',
      files: { '.windsurfrules': 'rules\n', 'GEMINI.md': '# gemini\n' },
      date: '2026-02-01T10:00:00Z',
    },
    {
      message: 'Tune rules',
      files: { '.windsurfrules': 'rules v2\n' },
      date: '2026-02-10T10:00:00Z',
    },
    {
      message: 'Remove assistant files',
      delete: ['.windsurfrules', 'GEMINI.md'],
      date: '2026-03-01T10:00:00Z',
    },
  ],
  commits: [
    { message: 'Initial commit', files: { 'main.go': 'package main\n' } },
    {
      message:
        'Add parser\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>',
      files: { 'parser.go': 'package main\n' },
    },
    {
      message: 'Refactor loop\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>',
      author: bob,
      files: { 'loop.go': 'package main\n' },
    },
    {
      message: 'Fix flaky test\n\nCo-authored-by: ann <4242+ann@users.noreply.github.com>',
      author: { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com' },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
      files: { 'loop_test.go': 'package main\n' },
    },
    {
      message: 'aider: rename helper',
      author: { name: 'Bob Ops (aider)', email: 'bob@acme.test' },
      files: { 'util.go': 'package main\n' },
    },
  ],
  ordinary: [
    {
      message: 'Initial commit',
      files: {
        'README.md': '# tool\n',
        'src/term.c': 'int main(){}\n',
        'package.json': '{"name":"tool","dependencies":{"lodash":"^4.17.21"}}\n',
      },
    },
    {
      message: 'Fix terminal cursor blinking; move cursor to column 0',
      files: { 'src/term.c': 'int main(){return 0;}\n' },
    },
    {
      message: 'Ask claude, gemini and copilot fans to review the docs',
      author: { name: 'Devin Smith', email: 'devin@acme.test' },
      files: { 'docs.md': 'docs\n' },
    },
    {
      message: 'Pair on docs\n\nCo-authored-by: Bob Ops <bob@acme.test>',
      author: ann,
      files: { 'docs.md': 'docs v2\n' },
    },
    {
      message: 'Bump lodash from 4.17.20 to 4.17.21',
      author: {
        name: 'dependabot[bot]',
        email: '49699333+dependabot[bot]@users.noreply.github.com',
      },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
      files: { 'package.json': '{"name":"tool","dependencies":{"lodash":"^4.17.22"}}\n' },
    },
    {
      message: 'chore(deps): update node',
      author: { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' },
      files: { '.nvmrc': '20\n' },
    },
    {
      message: 'CI',
      files: {
        '.github/workflows/ci.yml':
          'name: ci\non: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n',
        '.vscode/extensions.json': '{"recommendations": ["esbenp.prettier-vscode"]}',
      },
    },
  ],
};

export function buildFixtureRepo(name: keyof typeof FIXTURE_REPOS & string): GitRepoBuilder {
  const repo = new GitRepoBuilder(name);
  for (const c of FIXTURE_REPOS[name]) repo.commit(c);
  return repo;
}
