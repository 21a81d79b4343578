// Free-text answers cut into words, list breaks and joiners, keeping where each sits in the text.

export type TokenKind = 'word' | 'joiner' | 'break';

export interface Token {
  kind: TokenKind;
  /** lower-cased text */
  lower: string;
  start: number;
  end: number;
}

// A word keeps inner dots, hyphens and apostrophes ("Claude.ai", "GPT-4o", "don't") and a trailing
// "+" ("Notepad++"). "&" and "+" between words may sit inside a name ("Weights & Biases").
// Commas, semicolons, slashes, bars, brackets, line breaks, sentence ends and spaced dashes break
// a list; ":" too, so "Tools: Copilot" names Copilot on its own.
const TOKEN =
  /([\p{L}\p{N}](?:[\p{L}\p{N}'’_#]|[.-](?=[\p{L}\p{N}]))*\+*)|(\s*[&+]\s*)|([,;/|\\()[\]{}\n\r]|[.!?:](?=\s|$)|\s[-–—]+\s|\.{2,}|…)/gu;

// Words that join list items; a name never spans them.
export const CONNECTORS = new Set(['and', 'or', 'nor', 'und', 'oder', 'et', 'ou', 'plus']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const kind: TokenKind = m[1] ? 'word' : m[2] ? 'joiner' : 'break';
    tokens.push({ kind, lower: m[0].trim().toLowerCase(), start, end: start + m[0].length });
  }
  return tokens;
}

export function isConnector(token: Token | undefined): boolean {
  return token?.kind === 'word' && CONNECTORS.has(token.lower);
}

/** The word tokens of the list item around token `at` (bounded by breaks and connector words). */
export function itemBounds(tokens: Token[], at: number): [number, number] {
  const bounds = (t: Token | undefined) => !t || t.kind === 'break' || isConnector(t);
  let first = at;
  while (!bounds(tokens[first - 1])) first--;
  let last = at;
  while (!bounds(tokens[last + 1])) last++;
  return [first, last];
}
