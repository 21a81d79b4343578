import type { Ecosystem } from '../catalog.types';
import { normalizePackage } from './normalize';

interface PrefixRule {
  prefix: string;
  toolId: string;
  rule: string;
}

/**
 * (ecosystem, package name) → tool. A rule is an exact name or a prefix ending in `*`
 * (`@langchain/*`, `dev.langchain4j:*`). Go rules also cover the module's sub-packages and
 * major-version suffixes (`github.com/openai/openai-go/v2`).
 */
export class PackageIndex {
  private readonly exact = new Map<string, string>();
  private readonly prefixes = new Map<Ecosystem, PrefixRule[]>();

  /** Adds a rule; returns the tool id already holding it (or a prefix covering it), if any. */
  add(ecosystem: Ecosystem, rule: string, toolId: string): string | undefined {
    if (rule.endsWith('*')) {
      const prefix = normalizePackage(ecosystem, rule.slice(0, -1));
      const list = this.prefixes.get(ecosystem) ?? [];
      const clash = list.find((p) => p.prefix === prefix && p.toolId !== toolId);
      if (clash) return clash.toolId;
      list.push({ prefix, toolId, rule });
      // longest prefix first, so the most specific rule wins
      list.sort((a, b) => b.prefix.length - a.prefix.length);
      this.prefixes.set(ecosystem, list);
      return undefined;
    }
    const key = `${ecosystem}\u0000${normalizePackage(ecosystem, rule)}`;
    const held = this.exact.get(key);
    if (held !== undefined && held !== toolId) return held;
    this.exact.set(key, toolId);
    return undefined;
  }

  lookup(ecosystem: Ecosystem, name: string): string | undefined {
    const normalized = normalizePackage(ecosystem, name);
    const hit = this.exact.get(`${ecosystem}\u0000${normalized}`);
    if (hit !== undefined) return hit;
    if (ecosystem === 'go') {
      let path = normalized;
      for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/')) {
        path = path.slice(0, slash);
        const parent = this.exact.get(`go\u0000${path}`);
        if (parent !== undefined) return parent;
      }
    }
    const list = this.prefixes.get(ecosystem);
    if (list) for (const p of list) if (normalized.startsWith(p.prefix)) return p.toolId;
    return undefined;
  }

  /** Prefix rules of other tools that swallow an exact rule: a catalog error. */
  *overlaps(): Generator<{ ecosystem: Ecosystem; name: string; toolIds: [string, string] }> {
    for (const [key, toolId] of this.exact) {
      const [ecosystem, name] = key.split('\u0000') as [Ecosystem, string];
      for (const p of this.prefixes.get(ecosystem) ?? []) {
        if (name.startsWith(p.prefix) && p.toolId !== toolId) {
          yield { ecosystem, name, toolIds: [toolId, p.toolId] };
        }
      }
    }
  }
}
