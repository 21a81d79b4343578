/**
 * Erasure scrubs a person's identifiers out of free text and JSON held by other records (audit
 * details, job results, triage comments, report snapshots). One pattern serves PostgreSQL
 * (`regexp_replace(text, pattern, '[erased]', 'gi')`) and JavaScript (`new RegExp(p, 'gi')`), so
 * what SQL scrubs and what a test searches for are the same thing.
 */
export const ERASED_MARK = '[erased]';

/** Identifiers shorter than this are left alone: they would match ordinary words. */
export const MIN_IDENTIFIER_LENGTH = 2;

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** How the text stores the identifier: JSON escapes quotes and backslashes inside strings. */
function forms(identifier: string): string[] {
  const json = JSON.stringify(identifier).slice(1, -1);
  return json === identifier ? [identifier] : [identifier, json];
}

/**
 * A pattern matching any of the identifiers as a whole token: `10.0.0.1` does not match inside
 * `10.0.0.17`, `ann` does not match inside `joanna`; a JSON escape before it (`\t` in
 * `username\tann`) still counts as a boundary. Null when nothing is long enough to search.
 */
export function identifierPattern(identifiers: readonly string[]): string | null {
  const alternatives = [
    ...new Set(
      identifiers
        .map((i) => i.trim())
        .filter((i) => i.length >= MIN_IDENTIFIER_LENGTH)
        .flatMap(forms),
    ),
  ]
    // longest first: an e-mail goes before the user name it starts with
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((i) => i.replace(REGEX_SPECIAL, '\\$&'));
  if (alternatives.length === 0) return null;
  return (
    '(?:(?<![0-9A-Za-z._%+@-])|(?<=\\\\[tnr]))' +
    `(?:${alternatives.join('|')})` +
    '(?![0-9A-Za-z_@-]|\\.[0-9A-Za-z])'
  );
}

/** The JavaScript side: replaces every identifier in the text (by the mark, or a pseudonym). */
export function redactText(text: string, pattern: string | null, mark = ERASED_MARK): string {
  return pattern ? text.replace(new RegExp(pattern, 'gi'), () => mark) : text;
}

/** Replaces identifiers in every string of a JSON value (keys included). */
export function redactJson<T>(value: T, pattern: string | null, mark = ERASED_MARK): T {
  if (!pattern) return value;
  return JSON.parse(redactText(JSON.stringify(value), pattern, mark)) as T;
}
