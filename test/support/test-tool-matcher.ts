import type { ToolDefinition, ToolMatcher } from '../../src/catalog/catalog.types';

/** A few catalog tools for specs that must not depend on the catalog module. */
export const TEST_TOOLS: ToolDefinition[] = [
  {
    id: 'github-copilot',
    name: 'GitHub Copilot',
    vendor: 'GitHub',
    category: 'coding-assistant',
    aliases: ['Copilot'],
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
    id: 'chatgpt',
    name: 'ChatGPT',
    vendor: 'OpenAI',
    category: 'chat-assistant',
    aliases: ['chat gpt'],
    rules: {},
  },
  { id: 'claude', name: 'Claude', vendor: 'Anthropic', category: 'chat-assistant', rules: {} },
  { id: 'windsurf', name: 'Windsurf', vendor: 'Codeium', category: 'coding-assistant', rules: {} },
];

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Matches names and aliases exactly after dropping case, spaces and punctuation. */
export function testToolMatcher(tools: ToolDefinition[] = TEST_TOOLS): ToolMatcher {
  const names = new Map<string, string>();
  for (const tool of tools) {
    for (const name of [tool.id, tool.name, ...(tool.aliases ?? [])])
      names.set(normalise(name), tool.id);
  }
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
    matchName: (text) => names.get(normalise(text)),
  };
}
