// Gemfile is Ruby; without a Ruby parser this reads it line by line with a small tokenizer of
// the forms Bundler documents: `gem 'name', 'constraint', …, group: :test`, `group :dev do … end`
// blocks (and other `… do … end` blocks such as `platforms`), comments.
import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { ManifestCollector } from '../manifest-parser';

type RubyToken = { kind: 'string' | 'symbol' | 'word' | 'punct'; value: string };

/** Tokens of one Ruby line; stops at a comment. */
export function tokenizeRubyLine(line: string): RubyToken[] | undefined {
  const tokens: RubyToken[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '#') break;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      const end = line.indexOf(ch, i + 1);
      if (end === -1) return undefined;
      tokens.push({ kind: 'string', value: line.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === ':' && /[A-Za-z_]/.test(line[i + 1] ?? '')) {
      let j = i + 1;
      while (j < line.length && /[A-Za-z0-9_]/.test(line[j])) j++;
      tokens.push({ kind: 'symbol', value: line.slice(i + 1, j) });
      i = j;
    } else if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1;
      while (j < line.length && /[A-Za-z0-9_?!]/.test(line[j])) j++;
      // `group:` (new hash syntax) is a key; keep the colon as its own token.
      tokens.push({ kind: 'word', value: line.slice(i, j) });
      i = j;
    } else if (line.startsWith('=>', i)) {
      tokens.push({ kind: 'punct', value: '=>' });
      i += 2;
    } else {
      tokens.push({ kind: 'punct', value: ch });
      i++;
    }
  }
  return tokens;
}

function scopeForGroups(groups: string[]): DependencyScope {
  if (groups.length === 0 || groups.includes('default')) return 'runtime';
  if (groups.includes('development') || groups.includes('dev')) return 'dev';
  if (groups.includes('test')) return 'test';
  return 'optional';
}

/** Values of a `group:`/`groups:`/`:group =>` option: a symbol, string or [array] of them. */
function optionValues(tokens: RubyToken[], key: string): string[] {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let start = -1;
    if (t.kind === 'word' && t.value === key && tokens[i + 1]?.value === ':') start = i + 2;
    if (t.kind === 'symbol' && t.value === key && tokens[i + 1]?.value === '=>') start = i + 2;
    if (start === -1) continue;
    const values: string[] = [];
    const bracketed = tokens[start]?.value === '[';
    for (let j = bracketed ? start + 1 : start; j < tokens.length; j++) {
      const v = tokens[j];
      if (v.kind === 'symbol' || v.kind === 'string') values.push(v.value);
      else if (v.value === ',' && bracketed) continue;
      else break;
      if (!bracketed) break;
    }
    return values;
  }
  return [];
}

export function parseGemfile(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'rubygems');
  // One entry per open `do` block: the groups it sets (empty for platforms, source … blocks).
  const blocks: string[][] = [];
  file.content.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    const tokens = tokenizeRubyLine(raw);
    if (!tokens) {
      out.warn('unterminated string', lineNo);
      return;
    }
    if (tokens.length === 0) return;
    const first = tokens[0];
    if (first.kind === 'word' && first.value === 'end') {
      if (blocks.pop() === undefined) out.warn('"end" without an open block', lineNo);
      return;
    }
    const opensBlock = tokens.some((t) => t.kind === 'word' && t.value === 'do');
    if (first.kind === 'word' && first.value === 'group' && opensBlock) {
      blocks.push(
        tokens.filter((t) => t.kind === 'symbol' || t.kind === 'string').map((t) => t.value),
      );
      return;
    }
    if (first.kind === 'word' && first.value === 'gem') {
      const name = tokens[1];
      if (name?.kind !== 'string') {
        out.warn('"gem" without a quoted name', lineNo);
        return;
      }
      const constraints: string[] = [];
      for (let i = 2; i < tokens.length; i++) {
        if (tokens[i].value === ',') continue;
        if (tokens[i].kind !== 'string') break;
        constraints.push(tokens[i].value);
      }
      const groups = [
        ...blocks.flat(),
        ...optionValues(tokens, 'group'),
        ...optionValues(tokens, 'groups'),
      ];
      out.add({
        name: name.value,
        version: constraints.join(', ') || undefined,
        direct: true,
        scope: scopeForGroups(groups),
        line: lineNo,
      });
      if (opensBlock) blocks.push([]);
      return;
    }
    // Ruby conditionals at the start of a line also close with `end`.
    const conditional =
      first.kind === 'word' && /^(if|unless|case|begin|while|until)$/.test(first.value);
    if (opensBlock || conditional) blocks.push([]);
  });
  if (blocks.length > 0) out.warn(`${blocks.length} block(s) never closed with "end"`);
  return out.result();
}
