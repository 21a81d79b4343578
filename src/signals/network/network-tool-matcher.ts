// Which tool a host belongs to. The catalog module owns the real matcher; until it is wired in
// (CatalogService.matcher()), a small interim domain list keeps the network signal usable.
import type { ToolMatcher } from '../../catalog/catalog.types';

export const NETWORK_TOOL_MATCHER = Symbol('NETWORK_TOOL_MATCHER');

export type HostMatcher = Pick<ToolMatcher, 'matchHost'>;

const INTERIM_DOMAINS: Record<string, string[]> = {
  chatgpt: ['chatgpt.com', 'chat.openai.com'],
  'openai-api': ['api.openai.com'],
  claude: ['claude.ai'],
  'anthropic-api': ['api.anthropic.com'],
  'github-copilot': ['githubcopilot.com', 'copilot-proxy.githubusercontent.com'],
  cursor: ['cursor.sh', 'cursor.com'],
  perplexity: ['perplexity.ai'],
  gemini: ['gemini.google.com'],
  'mistral-le-chat': ['chat.mistral.ai'],
};

/** Matches a host and its subdomains against registrable-domain rules, one Map probe per label. */
export function domainListMatcher(
  domains: Record<string, string[]> = INTERIM_DOMAINS,
): HostMatcher {
  const byDomain = new Map<string, string>();
  for (const [tool, list] of Object.entries(domains)) for (const d of list) byDomain.set(d, tool);
  return {
    matchHost(host: string): string | undefined {
      let h = host.toLowerCase();
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
