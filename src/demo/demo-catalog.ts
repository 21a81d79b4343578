import type { ToolDefinition } from '../catalog/catalog.types';
import type { Stated, VendorFacts } from '../catalog/facts/vendor-facts.types';

// A small stand-in catalog for the demo when the catalog module is not installed. Vendor facts
// here are illustrative demo data, not a review of the real vendors.
const SRC = 'https://demo.invalid/illustrative-terms';
const CHECKED = '2026-01-01';
const fact = <T>(value: T) => ({ value, source: SRC, checked: CHECKED });
const risk = (
  trains: Stated,
  retention: string,
  sso: 'yes' | 'no',
  _dpa: 'yes' | 'no',
  jurisdiction: string,
): VendorFacts => ({
  plans: { free: { trainsOnInputs: fact(trains), retention: fact(retention) } },
  enterpriseControls: fact({
    sso,
    scim: 'not-stated',
    adminConsole: 'not-stated',
    auditLog: 'not-stated',
  }),
  jurisdiction: fact([jurisdiction]),
});

export const DEMO_CATALOG: ToolDefinition[] = [
  {
    id: 'github-copilot',
    name: 'GitHub Copilot',
    vendor: 'GitHub',
    category: 'coding-assistant',
    aliases: ['copilot'],
    rules: {
      domains: ['githubcopilot.com', 'copilot-proxy.githubusercontent.com'],
      paths: ['.github/copilot-instructions.md'],
    },
    vendorFacts: risk('no', '28 days', 'yes', 'yes', 'US'),
  },
  {
    id: 'chatgpt',
    name: 'ChatGPT',
    vendor: 'OpenAI',
    category: 'chat-assistant',
    aliases: ['chat gpt'],
    rules: { domains: ['chatgpt.com', 'chat.openai.com'] },
    vendorFacts: risk('yes', 'until deleted', 'no', 'no', 'US'),
  },
  {
    id: 'claude-code',
    name: 'Claude',
    vendor: 'Anthropic',
    category: 'coding-agent',
    aliases: ['claude code'],
    rules: {
      domains: ['claude.ai', 'claude.com'],
      paths: ['CLAUDE.md'],
      messageMarkers: ['noreply@anthropic.com'],
    },
    vendorFacts: risk('not-stated', '30 days', 'yes', 'yes', 'US'),
  },
  {
    id: 'cursor',
    name: 'Cursor',
    vendor: 'Anysphere',
    category: 'coding-assistant',
    rules: {
      domains: ['cursor.sh', 'cursor.com'],
      paths: ['.cursor/rules/general.mdc'],
      messageMarkers: ['cursoragent@cursor.com'],
    },
    vendorFacts: risk('no', '30 days', 'yes', 'yes', 'US'),
  },
  {
    id: 'gemini',
    name: 'Google Gemini',
    vendor: 'Google',
    category: 'chat-assistant',
    aliases: ['gemini'],
    rules: { domains: ['gemini.google.com'] },
    vendorFacts: risk('yes', '18 months', 'yes', 'no', 'US'),
  },
  {
    id: 'perplexity',
    name: 'Perplexity',
    vendor: 'Perplexity AI',
    category: 'chat-assistant',
    rules: { domains: ['perplexity.ai'] },
    vendorFacts: risk('yes', 'until deleted', 'no', 'no', 'US'),
  },
  {
    id: 'deepseek',
    name: 'DeepSeek',
    vendor: 'DeepSeek',
    category: 'chat-assistant',
    rules: { domains: ['deepseek.com'] },
    vendorFacts: risk('yes', 'until deleted', 'no', 'no', 'CN'),
  },
  {
    id: 'openai-api',
    name: 'OpenAI API',
    vendor: 'OpenAI',
    category: 'llm-api',
    rules: { packages: { npm: ['openai'], pypi: ['openai'] } },
    vendorFacts: risk('no', '30 days', 'yes', 'yes', 'US'),
  },
  {
    id: 'anthropic-api',
    name: 'Anthropic API',
    vendor: 'Anthropic',
    category: 'llm-api',
    rules: { packages: { npm: ['@anthropic-ai/sdk'], pypi: ['anthropic'] } },
    vendorFacts: risk('no', '30 days', 'yes', 'yes', 'US'),
  },
  {
    id: 'langchain',
    name: 'LangChain',
    vendor: 'LangChain',
    category: 'agent-framework',
    rules: { packages: { npm: ['langchain'], pypi: ['langchain'] } },
  },
  {
    id: 'agents-md',
    name: 'AI coding agent (AGENTS.md)',
    vendor: 'various',
    category: 'coding-agent',
    generic: true,
    rules: { paths: ['AGENTS.md'] },
  },
];
