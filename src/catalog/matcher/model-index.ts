// Model name → tool. Rules are lower-case prefixes; the longest wins. A text is a model name only
// when it carries a version digit: "Claude Sonnet 4.5" is a model, "Claude Monet" is a person.
export class ModelIndex {
  private readonly prefixes: { prefix: string; toolId: string }[] = [];

  /** Adds a prefix; returns the tool id already holding it, if any. */
  add(prefix: string, toolId: string): string | undefined {
    const p = normalizeModel(prefix);
    const held = this.prefixes.find((x) => x.prefix === p);
    if (held) return held.toolId === toolId ? undefined : held.toolId;
    this.prefixes.push({ prefix: p, toolId });
    this.prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
    return undefined;
  }

  lookup(text: string): string | undefined {
    const model = normalizeModel(text);
    if (!/\d/.test(model)) return undefined;
    for (const { prefix, toolId } of this.prefixes) {
      if (!model.startsWith(prefix)) continue;
      const next = model.charAt(prefix.length);
      // "o3" is not a prefix of "o365": a prefix ends at a separator
      if (prefix.endsWith('-') || next === '' || next === '-' || next === '.') return toolId;
    }
    return undefined;
  }
}

/** "Claude Sonnet 4.5", "anthropic/claude-sonnet-4-5" → "claude-sonnet-4.5" style. */
export function normalizeModel(text: string): string {
  const last = text.trim().toLowerCase().split('/').pop() ?? '';
  return last.replace(/[\s_]+/g, '-');
}
