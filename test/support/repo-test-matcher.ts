import type { ToolDefinition, ToolMatcher } from '../../src/catalog/catalog.types';
import { CatalogMatcher } from '../../src/catalog/matcher/catalog-matcher';
import { toolPathSamples } from '../../src/signals/repos/detect/config-file.detector';

// A few catalog tools for the scanner's tests, matched by the catalog's real matcher.
export const REPO_TEST_TOOLS: ToolDefinition[] = [
  {
    id: 'cursor',
    name: 'Cursor',
    vendor: 'Anysphere',
    category: 'coding-assistant',
    rules: {
      domains: ['cursor.com', 'cursor.sh'],
      paths: ['.cursorrules', '.cursor/rules/**', '.cursor/mcp.json'],
      commitIdentities: [{ email: 'cursoragent@cursor.com' }],
      ideExtensions: [],
    },
  },
  {
    id: 'claude-code',
    name: 'Claude Code',
    vendor: 'Anthropic',
    category: 'coding-agent',
    rules: {
      paths: ['**/CLAUDE.md', '.claude/**'],
      commitIdentities: [
        { email: 'noreply@anthropic.com' },
        { login: 'claude[bot]' },
        { emailPattern: '^\\d+\\+claude\\[bot\\]@users\\.noreply\\.github\\.com$' },
      ],
      messageMarkers: ['Generated with [Claude Code]'],
      workflowActions: ['anthropics/claude-code-action'],
      githubApps: ['claude'],
      ideExtensions: ['anthropic.claude-code'],
    },
  },
  {
    id: 'anthropic-api',
    name: 'Anthropic API',
    vendor: 'Anthropic',
    category: 'llm-api',
    rules: {
      domains: ['api.anthropic.com'],
      packages: { npm: ['@anthropic-ai/sdk'], pypi: ['anthropic'] },
    },
  },
  {
    id: 'openai-api',
    name: 'OpenAI API',
    vendor: 'OpenAI',
    category: 'llm-api',
    rules: { domains: ['api.openai.com'], packages: { npm: ['openai'], pypi: ['openai'] } },
  },
  {
    id: 'github-copilot',
    name: 'GitHub Copilot',
    vendor: 'GitHub',
    category: 'coding-assistant',
    aliases: ['copilot'],
    rules: {
      domains: ['githubcopilot.com'],
      paths: ['.github/copilot-instructions.md', '.github/instructions/**'],
      commitIdentities: [
        { emailPattern: '^\\d+\\+copilot@users\\.noreply\\.github\\.com$' },
        { login: 'copilot-swe-agent[bot]' },
      ],
      ideExtensions: ['github.copilot', 'github.copilot-chat', 'com.github.copilot'],
      githubApps: ['copilot-swe-agent'],
    },
  },
  {
    id: 'aider',
    name: 'Aider',
    vendor: 'Aider',
    category: 'coding-assistant',
    rules: {
      paths: ['.aider.conf.yml', '.aider.chat.history.md', '.aider.tags.cache.v4/'],
      committerNameSuffixes: [' (aider)'],
    },
  },
  {
    id: 'devin',
    name: 'Devin',
    vendor: 'Cognition',
    category: 'coding-agent',
    rules: {
      commitIdentities: [
        { login: 'devin-ai-integration[bot]' },
        { emailPattern: '^\\d+\\+devin-ai-integration\\[bot\\]@users\\.noreply\\.github\\.com$' },
      ],
    },
  },
  {
    id: 'windsurf',
    name: 'Windsurf',
    vendor: 'Codeium',
    category: 'coding-assistant',
    rules: {
      paths: ['**/.windsurfrules', '.windsurf/**'],
      ideExtensions: ['codeium.codeium'],
      domains: ['codeium.com'],
    },
  },
  {
    id: 'gemini-cli',
    name: 'Gemini CLI',
    vendor: 'Google',
    category: 'coding-agent',
    rules: {
      paths: ['GEMINI.md', '.gemini/**'],
      workflowActions: ['google-github-actions/run-gemini-cli'],
    },
  },
  {
    id: 'google-gemini',
    name: 'Google Gemini',
    vendor: 'Google',
    category: 'llm-api',
    rules: { domains: ['generativelanguage.googleapis.com'] },
  },
  {
    id: 'agents-md',
    name: 'AGENTS.md agent',
    vendor: 'various',
    category: 'coding-agent',
    generic: true,
    rules: { paths: ['AGENTS.md'] },
  },
  {
    id: 'jetbrains-ai-assistant',
    name: 'JetBrains AI Assistant',
    vendor: 'JetBrains',
    category: 'coding-assistant',
    rules: { ideExtensions: ['com.intellij.ml.llm'], domains: ['grazie.ai'] },
  },
];

/** Concrete paths of the tools' path rules, as the service derives them from the catalog. */
export const REPO_TEST_PATH_SAMPLES = toolPathSamples(
  REPO_TEST_TOOLS.flatMap((t) => t.rules.paths ?? []),
);

/** The catalog's own matcher over the small tool list above. */
export class RepoTestMatcher {
  static create(): ToolMatcher {
    return CatalogMatcher.fromTools(REPO_TEST_TOOLS);
  }
}
