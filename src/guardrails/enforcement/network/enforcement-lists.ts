import { createHash } from 'node:crypto';
import type { PolicyStatus, ToolDefinition } from '../../../catalog/catalog.types';
import type { ToolPolicy } from '../../../catalog/policy-yaml';

/**
 * Which list a policy status puts a tool's domains on. Block lists hold `prohibited` tools, allow
 * lists `sanctioned` ones. `tolerated`, `under-review` and `unreviewed` go on neither: a block
 * would stop use the policy permits or has not ruled on yet, and an allow entry would endorse
 * it. A proxy that denies by default therefore stops them; one that allows by default lets them
 * through, and the network signal keeps counting them for the next review.
 */
export function listOf(status: PolicyStatus): 'block' | 'allow' | undefined {
  switch (status) {
    case 'prohibited':
      return 'block';
    case 'sanctioned':
      return 'allow';
    case 'tolerated':
    case 'under-review':
    case 'unreviewed':
      return undefined;
  }
}

/** One host rule of one tool, as every format needs it. */
export interface DomainEntry {
  /** lower-case host; the rule covers it and its subdomains */
  domain: string;
  toolId: string;
  toolName: string;
  /** sanctioned only through the organisation's tenant: the host alone cannot tell tenants apart */
  tenantBound: boolean;
  /** a catalog label wildcard (`bedrock-runtime.*.amazonaws.com`): `*` stands for part of one label */
  wildcard: boolean;
}

export interface EnforcementLists {
  block: DomainEntry[];
  allow: DomainEntry[];
  /**
   * sha-256 over the lists' content (first 16 hex digits): changes when and only when a policy
   * or a catalog domain that reaches a list changes, so it serves as the ETag and the version
   * printed in every file.
   */
  version: string;
}

/** The block and allow lists of the current catalog and policy. Pure and deterministic. */
export function buildEnforcementLists(
  tools: readonly ToolDefinition[],
  policies: ReadonlyMap<string, ToolPolicy>,
): EnforcementLists {
  const lists: Record<'block' | 'allow', DomainEntry[]> = { block: [], allow: [] };
  for (const tool of tools) {
    const policy = policies.get(tool.id);
    const list = policy ? listOf(policy.status) : undefined;
    if (!list || !policy) continue;
    for (const raw of tool.rules.domains ?? []) {
      const domain = raw.trim().toLowerCase();
      if (!domain) continue;
      lists[list].push({
        domain,
        toolId: tool.id,
        toolName: tool.name,
        tenantBound: policy.tenantBound,
        wildcard: domain.includes('*'),
      });
    }
  }
  const block = withoutCovered(lists.block);
  const allow = withoutCovered(lists.allow);
  const version = createHash('sha256')
    .update(JSON.stringify({ block, allow }))
    .digest('hex')
    .slice(0, 16);
  return { block, allow, version };
}

/**
 * Sorted by domain, without hosts a broader entry of the same list already covers
 * (`sora.chatgpt.com` under `chatgpt.com`): Squid warns about such pairs and the vendors count
 * every entry against a quota.
 */
function withoutCovered(entries: DomainEntry[]): DomainEntry[] {
  const plain = new Set(entries.filter((e) => !e.wildcard).map((e) => e.domain));
  const seen = new Set<string>();
  const out: DomainEntry[] = [];
  for (const e of [...entries].sort((a, b) => a.domain.localeCompare(b.domain))) {
    if (seen.has(e.domain)) continue;
    seen.add(e.domain);
    if (coveredBy(e.domain, plain)) continue;
    out.push(e);
  }
  return out;
}

function coveredBy(domain: string, plain: ReadonlySet<string>): boolean {
  // a wildcard rule's fixed part starts after the label holding the star
  const star = domain.lastIndexOf('*');
  let rest = star < 0 ? domain : domain.slice(domain.indexOf('.', star) + 1);
  if (star < 0) rest = rest.slice(rest.indexOf('.') + 1);
  for (;;) {
    if (plain.has(rest) && rest !== domain) return true;
    const dot = rest.indexOf('.');
    if (dot < 0) return false;
    rest = rest.slice(dot + 1);
  }
}

/**
 * A label wildcard as a POSIX extended regular expression over the whole host, for products that
 * take regular expressions (Squid's dstdom_regex). Same meaning as the catalog matcher: `*` is
 * any run of letters, digits and hyphens inside one label; subdomains of the match are covered.
 */
export function wildcardToRegex(domain: string): string {
  const body = domain
    .split('.')
    .map((label) =>
      label
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[a-z0-9-]*'),
    )
    .join('\\.');
  return `(^|\\.)${body}$`;
}
