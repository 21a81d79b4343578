import type { CommitFacts, Ecosystem, ToolMatch, ToolMatcher } from '../catalog/catalog.types';

// Just enough of a catalog for the demo specs; the real matcher lives in the catalog module.
const HOSTS: Record<string, string> = {
  'githubusercontent.com': 'github-copilot',
  'chatgpt.com': 'chatgpt',
  'claude.ai': 'claude-code',
  'cursor.sh': 'cursor',
  'gemini.google.com': 'gemini',
  'perplexity.ai': 'perplexity',
  'deepseek.com': 'deepseek',
};
const NAMES: Record<string, string> = {
  'github copilot': 'github-copilot',
  chatgpt: 'chatgpt',
  claude: 'claude-code',
  cursor: 'cursor',
  gemini: 'gemini',
  perplexity: 'perplexity',
  deepseek: 'deepseek',
};
const PATHS: Record<string, string> = {
  '.github/copilot-instructions.md': 'github-copilot',
  'CLAUDE.md': 'claude-code',
  '.cursor/rules/general.mdc': 'cursor',
  'AGENTS.md': 'agents-md',
};
const PACKAGES: Record<string, string> = {
  openai: 'openai-api',
  anthropic: 'anthropic-api',
  langchain: 'langchain',
};

export const demoTestMatcher: ToolMatcher = {
  matchHost: (host) =>
    Object.entries(HOSTS).find(([d]) => host === d || host.endsWith(`.${d}`))?.[1],
  matchPackage: (_eco: Ecosystem, name) => PACKAGES[name],
  matchPath: (path): ToolMatch[] =>
    PATHS[path] ? [{ toolId: PATHS[path], signal: 'config-file', rule: path }] : [],
  matchCommit: (c: CommitFacts): ToolMatch[] => [
    ...(c.message.includes('noreply@anthropic.com')
      ? [{ toolId: 'claude-code', signal: 'commit-trailer' as const, rule: 'anthropic' }]
      : []),
    ...(c.message.includes('cursoragent@cursor.com')
      ? [{ toolId: 'cursor', signal: 'commit-trailer' as const, rule: 'cursor' }]
      : []),
  ],
  matchUserAgent: () => undefined,
  matchIdeExtension: () => undefined,
  matchGithubApp: () => undefined,
  matchWorkflowAction: () => undefined,
  matchName: (text) => NAMES[text.trim().toLowerCase()],
};
