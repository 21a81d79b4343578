import { getDomain } from 'tldts';
import { normalizeHost } from './normalize';

interface WildcardRule {
  /** regular expression over the labels in front of the fixed suffix */
  head: RegExp;
  toolId: string;
  rule: string;
}

/** Everything known about one host suffix, so each step of the walk is one Map probe. */
interface Entry {
  toolId?: string;
  denied?: boolean;
  /** label-wildcard rules whose fixed part is this suffix */
  wildcards?: WildcardRule[];
}

// Proxy and DNS logs repeat a small set of hosts many times over; answers are memoised
// up to this many distinct hosts, then the memo starts afresh.
const MEMO_LIMIT = 16_384;

/**
 * Host → tool. A rule `example.com` matches the host and every subdomain; a rule like
 * `generativelanguage.googleapis.com` is an exact host (plus subdomains) under a shared domain.
 * Lookup walks the host's labels from the full host upwards, one Map probe per label; the most
 * specific rule wins and a deny-listed ancestor stops the walk. Rules are checked when they are
 * written to be a registrable domain or deeper (public suffix list, via tldts), so the walk needs
 * no suffix list at lookup time. A label wildcard (`bedrock-runtime.*.amazonaws.com`,
 * `*-aiplatform.googleapis.com`) covers region-named API hosts.
 */
export class HostIndex {
  private readonly entries = new Map<string, Entry>();
  /** the last two labels of every entry: a host whose last two labels are not here matches nothing */
  private readonly anchors = new Set<string>();
  private memo = new Map<string, string | null>();

  constructor(deny: readonly string[]) {
    for (const d of deny) this.entry(normalizeHost(d)).denied = true;
  }

  /** Adds a rule; returns the tool id already holding it, if any (a conflict). */
  add(rule: string, toolId: string): string | undefined {
    this.memo = new Map();
    const domain = rule.toLowerCase();
    const star = domain.lastIndexOf('*');
    if (star < 0) {
      const e = this.entry(domain);
      if (e.denied) return 'shared-infrastructure';
      if (e.toolId !== undefined && e.toolId !== toolId) return e.toolId;
      e.toolId = toolId;
      return undefined;
    }
    const dot = domain.indexOf('.', star);
    const suffix = domain.slice(dot + 1);
    const headPattern = domain
      .slice(0, dot)
      .split('.')
      .map((label) => label.split('*').map(escapeRegExp).join('[a-z0-9-]*'))
      .join('\\.');
    const e = this.entry(suffix);
    e.wildcards ??= [];
    const existing = e.wildcards.find((w) => w.rule === domain);
    if (existing && existing.toolId !== toolId) return existing.toolId;
    e.wildcards.push({ head: new RegExp(`(?:^|\\.)${headPattern}$`), toolId, rule: domain });
    return undefined;
  }

  isDenied(rule: string): boolean {
    return this.entries.get(rule.toLowerCase())?.denied === true;
  }

  lookup(input: string): string | undefined {
    const known = this.memo.get(input);
    if (known !== undefined) return known ?? undefined;
    const found = this.walk(normalizeHost(input));
    if (this.memo.size >= MEMO_LIMIT) this.memo = new Map();
    this.memo.set(input, found ?? null);
    return found;
  }

  private walk(host: string): string | undefined {
    // Every rule has two labels at least, so most ordinary hosts are settled by one probe.
    const last = host.lastIndexOf('.');
    if (last <= 0) return undefined;
    const anchorAt = host.lastIndexOf('.', last - 1) + 1;
    if (!this.anchors.has(anchorAt === 0 ? host : host.slice(anchorAt))) return undefined;
    let start = 0;
    for (;;) {
      const e = this.entries.get(start === 0 ? host : host.slice(start));
      if (e !== undefined) {
        // a wildcard rule under this suffix is more specific than the suffix itself
        if (e.wildcards !== undefined && start > 0) {
          const head = host.slice(0, start - 1);
          for (const w of e.wildcards) if (w.head.test(head)) return w.toolId;
        }
        if (e.denied) return undefined;
        if (e.toolId !== undefined) return e.toolId;
      }
      const dot = host.indexOf('.', start);
      if (dot < 0) return undefined;
      start = dot + 1;
    }
  }

  private entry(key: string): Entry {
    let e = this.entries.get(key);
    if (!e) {
      e = {};
      this.entries.set(key, e);
      const last = key.lastIndexOf('.');
      this.anchors.add(key.slice(key.lastIndexOf('.', last - 1) + 1));
    }
    return e;
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
