import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

export type ConfigSyntax = 'json' | 'yaml' | 'toml';

/** A config file's content as a value, or the reason it could not be read (with the line). */
export function parseConfigText(
  text: string,
  syntax: ConfigSyntax,
): { value: unknown } | { error: string } {
  try {
    if (syntax === 'json') {
      // JSONC: VS Code, Zed and opencode allow comments and trailing commas
      const errors: ParseError[] = [];
      const value: unknown = parseJsonc(text, errors, {
        allowTrailingComma: true,
        disallowComments: false,
      });
      if (errors.length > 0) {
        const e = errors[0];
        return {
          error: `not valid JSON at line ${lineAt(text, e.offset)}: ${printParseErrorCode(e.error)}`,
        };
      }
      return { value };
    }
    if (syntax === 'yaml') return { value: parseYaml(text, { uniqueKeys: false }) as unknown };
    return { value: parseToml(text) };
  } catch (e) {
    const line = /line (\d+)/i.exec((e as Error).message)?.[1];
    return {
      error: `not valid ${syntax.toUpperCase()}${line ? ` at line ${line}` : ''}: ${(e as Error).message.split('\n')[0]}`,
    };
  }
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line where a key first appears (JSON "key", YAML key:, TOML [table.key] or name = "key"). */
export function lineOfKey(text: string, key: string): number | undefined {
  const candidates = [`"${key}"`, `'${key}'`, `.${key}]`, `${key}:`, `"${key}]`];
  let best: number | undefined;
  for (const c of candidates) {
    const at = text.indexOf(c);
    if (at >= 0 && (best === undefined || at < best)) best = at;
  }
  return best === undefined ? undefined : lineAt(text, best);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** YAML front matter of a Markdown file (agents, skills, chat modes), or undefined. */
export function frontMatter(text: string): Record<string, unknown> | undefined {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(text);
  if (!m) return undefined;
  try {
    const v: unknown = parseYaml(m[1]);
    return isRecord(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
