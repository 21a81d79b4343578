import { getDomain } from 'tldts';
import { normalizeHost } from './normalize';

/** What a host resolves to: a tool id, or DENIED for shared infrastructure. */
const DENIED = '\u0000denied';

interface WildcardRule {
  /** regular expression over the labels in front of the fixed suffix */
  head: RegExp;
  toolId: string;
  rule: string;
}

/**
 * Host → tool. A rule `example.com` matches the host and every subdomain; a rule like
 * `generativelanguage.googleapis.com` is an exact host (plus subdomains) under a shared domain.
 * Lookup walks the host's labels from the full host upwards, so it costs one Map probe per
 * label; the most specific rule wins and a deny-listed ancestor stops the walk. Rules are
 * checked at build time to be a registrable domain or deeper, so the walk never needs the public
 * suffix list at lookup time. A label wildcard (`bedrock-runtime.*.amazonaws.com`,
 * `*-aiplatform.googleapis.com`) covers region-named API hosts.
 */
export class HostIndex {
  private readonly exact = new Map<string, string>();
  private readonly wildcards = new Map<string, WildcardRule[]>();

  constructor(deny: readonly string[]) {
    for (const d of deny) this.exact.set(normalizeHost(d), DENIED);
  }

  /** Adds a rule; returns the tool id already holding it, if any (a conflict). */
  add(rule: string, toolId: string): string | undefined {
    const domain = rule.toLowerCase();
    const star = domain.lastIndexOf('*');
    if (star < 0) {
      const held = this.exact.get(domain);
      if (held !== undefined && held !== toolId)
        return held === DENIED ? 'shared-infrastructure' : held;
      this.exact.set(domain, toolId);
      return undefined;
    }
    const dot = domain.indexOf('.', star);
    const suffix = domain.slice(dot + 1);
    const headPattern = domain
      .slice(0, dot)
      .split('.')
      .map((label) => label.split('*').map(escapeRegExp).join('[a-z0-9-]*'))
      .join('\\.');
    const list = this.wildcards.get(suffix) ?? [];
    const existing = list.find((w) => w.rule === domain);
    if (existing && existing.toolId !== toolId) return existing.toolId;
    list.push({ head: new RegExp(`(?:^|\\.)${headPattern}$`), toolId, rule: domain });
    this.wildcards.set(suffix, list);
    return undefined;
  }

  isDenied(rule: string): boolean {
    return this.exact.get(rule.toLowerCase()) === DENIED;
  }

  lookup(input: string): string | undefined {
    const host = normalizeHost(input);
    if (host.length === 0) return undefined;
    const wild = this.wildcards.size > 0;
    let start = 0;
    for (;;) {
      const candidate = start === 0 ? host : host.slice(start);
      // a wildcard rule under this suffix is more specific than the suffix itself
      if (wild && start > 0) {
        const rules = this.wildcards.get(candidate);
        if (rules) {
          const head = host.slice(0, start - 1);
          for (const w of rules) if (w.head.test(head)) return w.toolId;
        }
      }
      const hit = this.exact.get(candidate);
      if (hit !== undefined) return hit === DENIED ? undefined : hit;
      const dot = host.indexOf('.', start);
      if (dot < 0) return undefined;
      start = dot + 1;
    }
  }
}

/** Why a domain rule is unusable, or undefined when it is fine. */
export function domainRuleProblem(rule: string): string | undefined {
  if (rule !== rule.toLowerCase()) return 'must be lower case';
  if (!/^[a-z0-9*_-]+(\.[a-z0-9*_-]+)+$/.test(rule))
    return 'is not a host name (no scheme, port or path)';
  const star = rule.lastIndexOf('*');
  const fixed = star < 0 ? rule : rule.slice(rule.indexOf('.', star) + 1);
  const registrable = getDomain(fixed);
  if (!registrable || !fixed.endsWith(registrable)) {
    return `"${fixed}" is a public suffix, not a registrable domain`;
  }
  return undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
