import picomatch from 'picomatch';

interface CompiledPath {
  test: (path: string) => boolean;
  toolId: string;
  rule: string;
}

const GLOB_CHARS = /[*?[\]{}()!+@]/;

/**
 * Repository path → tools. Literal paths are a Map probe; globs are compiled once with picomatch
 * (dotfiles on) and bucketed under one literal segment they require (`.cursor` for
 * `.cursor/rules/` globs, `CLAUDE.md` for CLAUDE.md at any depth), so a lookup runs only the globs whose
 * segment occurs in the path. A rule ending in `/` means the directory and everything below it.
 */
export class PathIndex {
  private readonly literal = new Map<string, { toolId: string; rule: string }[]>();
  private readonly bySegment = new Map<string, CompiledPath[]>();
  private readonly other: CompiledPath[] = [];
  private readonly owners = new Map<string, string>();

  /** Adds a rule; returns the tool id already holding the same rule, if any. */
  add(rule: string, toolId: string): string | undefined {
    const pattern = rule.endsWith('/') ? `${rule}**` : rule;
    const held = this.owners.get(pattern);
    if (held !== undefined && held !== toolId) return held;
    this.owners.set(pattern, toolId);
    if (!GLOB_CHARS.test(pattern)) {
      push(this.literal, pattern, { toolId, rule });
      return undefined;
    }
    const compiled: CompiledPath = { test: picomatch(pattern, { dot: true }), toolId, rule };
    const anchor = anchorSegment(pattern);
    if (anchor !== undefined) push(this.bySegment, anchor, compiled);
    else this.other.push(compiled);
    return undefined;
  }

  lookup(input: string): { toolId: string; rule: string }[] {
    const path = input.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
    const found: { toolId: string; rule: string }[] = [];
    const seen = new Set<string>();
    const add = (toolId: string, rule: string) => {
      if (seen.has(toolId)) return;
      seen.add(toolId);
      found.push({ toolId, rule });
    };
    for (const hit of this.literal.get(path) ?? []) add(hit.toolId, hit.rule);
    const segments = new Set(path.split('/'));
    for (const segment of segments) {
      for (const c of this.bySegment.get(segment) ?? []) if (c.test(path)) add(c.toolId, c.rule);
    }
    for (const c of this.other) if (c.test(path)) add(c.toolId, c.rule);
    return found;
  }
}

/** A literal path segment every match must contain: a dot-name if any, else the longest. */
function anchorSegment(pattern: string): string | undefined {
  const literals = pattern.split('/').filter((s) => s.length > 0 && !GLOB_CHARS.test(s));
  if (literals.length === 0) return undefined;
  const dotted = literals.find((s) => s.startsWith('.'));
  return dotted ?? literals.reduce((a, b) => (b.length > a.length ? b : a));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
