// PEP 508 dependency specifiers ("name[extra1,extra2] (>=1.0,<2) ; python_version < '3.11'",
// "name @ https://…"). One specifier string at a time, never a whole file.
import type { DependencyScope } from '../dependency.types';

export interface Requirement {
  name: string;
  extras: string[];
  /** version specifier as written, without parentheses, or the URL of a direct reference */
  specifier?: string;
  marker?: string;
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/;

/** Parses one requirement; undefined when the text does not start with a valid project name. */
export function parseRequirement(text: string): Requirement | undefined {
  let rest = text.trim();
  const nameMatch = NAME.exec(rest);
  if (!nameMatch) return undefined;
  const name = nameMatch[1];
  rest = rest.slice(nameMatch[0].length);
  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close === -1) return undefined;
    extras = rest
      .slice(1, close)
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    rest = rest.slice(close + 1).trim();
  }
  let marker: string | undefined;
  if (rest.startsWith('@')) {
    // A URL may itself contain ';' only after whitespace introduces the marker.
    const markerAt = rest.search(/\s;/);
    const url = (markerAt === -1 ? rest.slice(1) : rest.slice(1, markerAt)).trim();
    if (markerAt !== -1) marker = rest.slice(markerAt + 2).trim();
    return { name, extras, specifier: url || undefined, marker };
  }
  const semicolon = rest.indexOf(';');
  if (semicolon !== -1) {
    marker = rest.slice(semicolon + 1).trim() || undefined;
    rest = rest.slice(0, semicolon).trim();
  }
  let specifier = rest.trim();
  if (specifier.startsWith('(') && specifier.endsWith(')')) specifier = specifier.slice(1, -1);
  specifier = specifier.trim();
  if (specifier && !/^(===|~=|==|!=|<=|>=|<|>)/.test(specifier)) return undefined;
  return { name, extras, specifier: specifier || undefined, marker };
}

/** Scope of an extra / dependency group from its name ("dev", "test", "docs" …). */
export function scopeForGroup(group: string, fallback: DependencyScope): DependencyScope {
  const g = group.toLowerCase();
  if (/^(tests?|testing|pytest|ci|e2e|integration)$/.test(g)) return 'test';
  if (/^(dev|develop|development|lint|linting|docs?|typing|types|style|format|mypy)$/.test(g)) {
    return 'dev';
  }
  return fallback;
}
