import type { ToolDefinition, VendorRisk } from '../catalog/catalog.types';

// A small stand-in catalog for the demo when the catalog module is not installed. Vendor facts
// here are illustrative demo data, not a review of the real vendors.
const SRC = 'demo data (illustrative)';
const CHECKED = '2026-01-01';
const risk = (
  trains: 'yes' | 'no' | 'unknown',
  retention: string,
  sso: 'yes' | 'no',
  dpa: 'yes' | 'no',
  jurisdiction: string,
): VendorRisk => ({
  trainsOnInputsByDefault: { value: trains, source: SRC, checked: CHECKED },
  retention: { value: retention, source: SRC, checked: CHECKED },
  enterpriseControls: {
    value: { sso, dpa, zeroRetention: 'unknown' },
    source: SRC,
    checked: CHECKED,
  },
  jurisdiction: { value: jurisdiction, source: SRC, checked: CHECKED },
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
    vendorRisk: risk('no', '28 days', 'yes', 'yes', 'US'),
  },
  {
    id: 'chatgpt',
    name: 'ChatGPT',
    vendor: 'OpenAI',
    category: 'chat-assistant',
    aliases: ['chat gpt'],
    rules: { domains: ['chatgpt.com', 'chat.openai.com'] },
    vendorRisk: risk('yes', 'until deleted', 'no', 'no', 'US'),
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
    vendorRisk: risk('unknown', '30 days', 'yes', 'yes', 'US'),
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
    vendorRisk: risk('no', '30 days', 'yes', 'yes', 'US'),
  },
  {
    id: 'gemini',
    name: 'Google Gemini',
    vendor: 'Google',
    category: 'chat-assistant',
    aliases: ['gemini'],
    rules: { domains: ['gemini.google.com'] },
    vendorRisk: risk('yes', '18 months', 'yes', 'no', 'US'),
  },
  {
    id: 'perplexity',
    name: 'Perplexity',
    vendor: 'Perplexity AI',
    category: 'chat-assistant',
    rules: { domains: ['perplexity.ai'] },
    vendorRisk: risk('yes', 'until deleted', 'no', 'no', 'US'),
  },
  {
    id: 'deepseek',
    name: 'DeepSeek',
    vendor: 'DeepSeek',
    category: 'chat-assistant',
    rules: { domains: ['deepseek.com'] },
    vendorRisk: risk('yes', 'until deleted', 'no', 'no', 'CN'),
  },
  {
    id: 'openai-api',
    name: 'OpenAI API',
    vendor: 'OpenAI',
    category: 'llm-api',
    rules: { packages: { npm: ['openai'], pypi: ['openai'] } },
    vendorRisk: risk('no', '30 days', 'yes', 'yes', 'US'),
  },
  {
    id: 'anthropic-api',
    name: 'Anthropic API',
    vendor: 'Anthropic',
    category: 'llm-api',
    rules: { packages: { npm: ['@anthropic-ai/sdk'], pypi: ['anthropic'] } },
    vendorRisk: risk('no', '30 days', 'yes', 'yes', 'US'),
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
