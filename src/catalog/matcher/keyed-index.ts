/** A case-insensitive exact-key map that reports a key claimed by two tools. */
export class KeyedIndex {
  private readonly map = new Map<string, string>();

  add(key: string, toolId: string): string | undefined {
    const k = key.trim().toLowerCase();
    const held = this.map.get(k);
    if (held !== undefined && held !== toolId) return held;
    this.map.set(k, toolId);
    return undefined;
  }

  get(key: string): string | undefined {
    return this.map.get(key.trim().toLowerCase());
  }
}

/** Regular expressions tried in order; the first that matches names the tool. */
export class PatternIndex {
  private readonly patterns: { source: string; re: RegExp; toolId: string }[] = [];

  add(source: string, toolId: string): string | undefined {
    const held = this.patterns.find((p) => p.source === source && p.toolId !== toolId);
    if (held) return held.toolId;
    this.patterns.push({ source, re: new RegExp(source, 'i'), toolId });
    return undefined;
  }

  match(text: string): string | undefined {
    for (const p of this.patterns) if (p.re.test(text)) return p.toolId;
    return undefined;
  }
}
