// A small domain-suffix matcher for specs, standing in for the catalog's matcher.
import type { ToolMatcher } from '../../../catalog/catalog.types';

export const TEST_TOOL_DOMAINS: Record<string, string[]> = {
  chatgpt: ['chatgpt.com', 'chat.openai.com'],
  'openai-api': ['api.openai.com'],
  'anthropic-api': ['api.anthropic.com'],
  claude: ['claude.ai'],
  'github-copilot': ['copilot-proxy.githubusercontent.com', 'githubcopilot.com'],
  cursor: ['cursor.sh', 'cursor.com'],
  perplexity: ['perplexity.ai'],
  'mistral-le-chat': ['chat.mistral.ai'],
  // an IDN tool domain, to prove punycode matching
  'idn-ai': ['xn--bcher-kva.ai'],
};

export function testToolMatcher(
  domains: Record<string, string[]> = TEST_TOOL_DOMAINS,
): Pick<ToolMatcher, 'matchHost'> {
  const byDomain = new Map<string, string>();
  for (const [tool, list] of Object.entries(domains)) for (const d of list) byDomain.set(d, tool);
  return {
    matchHost(host: string): string | undefined {
      let h = host;
      for (;;) {
        const t = byDomain.get(h);
        if (t) return t;
        const dot = h.indexOf('.');
        if (dot < 0) return undefined;
        h = h.slice(dot + 1);
      }
    },
  };
}
