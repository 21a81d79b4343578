import { Injectable } from '@nestjs/common';
import type { ToolDefinition, ToolMatcher } from '../catalog/catalog.types';

/**
 * What the surveys module needs from the catalog: the tool list for the tool picker and a name
 * matcher. Bound to a small built-in list until the catalog module's CatalogService is merged,
 * then re-bound to it (see SurveysModule).
 */
export abstract class SurveyCatalog {
  abstract tools(): Promise<ToolDefinition[]>;
  abstract matcher(): Promise<ToolMatcher>;
}

const FALLBACK_TOOLS: ToolDefinition[] = [
  {
    id: 'github-copilot',
    name: 'GitHub Copilot',
    vendor: 'GitHub',
    category: 'coding-assistant',
    aliases: ['Copilot', 'Copilot Chat'],
    rules: {},
  },
  { id: 'cursor', name: 'Cursor', vendor: 'Anysphere', category: 'coding-assistant', rules: {} },
  {
    id: 'claude-code',
    name: 'Claude Code',
    vendor: 'Anthropic',
    category: 'coding-agent',
    rules: {},
  },
  {
    id: 'claude',
    name: 'Claude',
    vendor: 'Anthropic',
    category: 'chat-assistant',
    aliases: ['claude.ai'],
    rules: {},
  },
  {
    id: 'chatgpt',
    name: 'ChatGPT',
    vendor: 'OpenAI',
    category: 'chat-assistant',
    aliases: ['chat gpt', 'chat-gpt'],
    rules: {},
  },
  { id: 'openai-api', name: 'OpenAI API', vendor: 'OpenAI', category: 'llm-api', rules: {} },
  {
    id: 'anthropic-api',
    name: 'Anthropic API',
    vendor: 'Anthropic',
    category: 'llm-api',
    rules: {},
  },
  {
    id: 'gemini',
    name: 'Gemini',
    vendor: 'Google',
    category: 'chat-assistant',
    aliases: ['Google Gemini', 'Bard'],
    rules: {},
  },
  {
    id: 'windsurf',
    name: 'Windsurf',
    vendor: 'Codeium',
    category: 'coding-assistant',
    aliases: ['Codeium'],
    rules: {},
  },
  { id: 'tabnine', name: 'Tabnine', vendor: 'Tabnine', category: 'coding-assistant', rules: {} },
  {
    id: 'amazon-q-developer',
    name: 'Amazon Q Developer',
    vendor: 'Amazon',
    category: 'coding-assistant',
    aliases: ['CodeWhisperer', 'Amazon Q'],
    rules: {},
  },
  { id: 'aider', name: 'Aider', vendor: 'Aider', category: 'coding-agent', rules: {} },
  { id: 'ollama', name: 'Ollama', vendor: 'Ollama', category: 'local-runtime', rules: {} },
  {
    id: 'perplexity',
    name: 'Perplexity',
    vendor: 'Perplexity',
    category: 'chat-assistant',
    rules: {},
  },
  {
    id: 'microsoft-copilot',
    name: 'Microsoft 365 Copilot',
    vendor: 'Microsoft',
    category: 'chat-assistant',
    aliases: ['M365 Copilot'],
    rules: {},
  },
];

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Exact names and aliases, ignoring case, spaces and punctuation. */
export function nameMatcher(tools: ToolDefinition[]): ToolMatcher {
  const names = new Map<string, string>();
  for (const tool of tools)
    for (const name of [tool.id, tool.name, ...(tool.aliases ?? [])])
      names.set(normalise(name), tool.id);
  const none = () => undefined;
  return {
    matchHost: none,
    matchPackage: none,
    matchPath: () => [],
    matchCommit: () => [],
    matchUserAgent: none,
    matchIdeExtension: none,
    matchGithubApp: none,
    matchWorkflowAction: none,
    matchName: (text) => (normalise(text) ? names.get(normalise(text)) : undefined),
  };
}

@Injectable()
export class FallbackSurveyCatalog extends SurveyCatalog {
  private readonly byName = nameMatcher(FALLBACK_TOOLS);

  async tools(): Promise<ToolDefinition[]> {
    return FALLBACK_TOOLS;
  }

  async matcher(): Promise<ToolMatcher> {
    return this.byName;
  }
}
