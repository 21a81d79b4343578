// Shared reading of how a vendor spread one question over several columns, or packed an ordered
// list into one cell. Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms, Typeform, LimeSurvey
// and Formbricks planners all decide matrix / ranking / multi-select with these.

/** Qualtrics' "seen but unanswered" recode: an empty answer, not a value. */
const UNANSWERED = '-99';

/**
 * What a group of sibling columns (one per option or per row) is: a multi-select writes one
 * constant value (its choice) per column; a rank order gives each row distinct ranks 1..n across
 * the group; a matrix gives each row (statement) one of several points or labels.
 */
export function splitEncoding(
  table: string[][],
  headerRows: number,
  group: { index: number }[],
): 'flag' | 'matrix' | 'rank' {
  const rows = table.slice(headerRows).map((row) => group.map((c) => (row[c.index] ?? '').trim()));
  const answered = rows.filter((r) => r.some((v) => v && v !== UNANSWERED));
  if (!answered.length) return 'flag';
  const constant = group.every((_, i) => {
    const seen = new Set(answered.map((r) => r[i]).filter((v) => v && v !== UNANSWERED));
    return seen.size <= 1;
  });
  if (constant) return 'flag';
  return looksRanked(answered, group.length) ? 'rank' : 'matrix';
}

/**
 * Rank columns: most answered rows give every column a different whole number 1..n (a cell that
 * repeats a rank is the respondent's slip, reported when the row is read, not a matrix).
 */
function looksRanked(answered: string[][], n: number): boolean {
  const ranked = (r: string[]) => {
    const ranks = r.filter(Boolean).map(Number);
    return (
      ranks.length === n &&
      ranks.every((x) => Number.isInteger(x) && x >= 1 && x <= n) &&
      new Set(ranks).size === n
    );
  };
  const good = answered.filter(ranked).length;
  const numeric = answered.every((r) => r.filter(Boolean).every((v) => /^\d+$/.test(v)));
  return numeric && good > 0 && good >= answered.length * 0.75;
}

export const splitList = (cell: string, separator: string): string[] =>
  cell
    .split(separator)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * A one-cell ranking ("Time;Trust;Policy;"): every answered cell lists the same options (two or
 * more), and respondents put them in different orders. A multi-select lists subsets in the
 * form's own order, so it fails one test or the other.
 */
export function looksOrderedList(values: string[], separator: string): boolean {
  const lists = values.map((v) => splitList(v, separator));
  if (lists.length < 2 || lists.some((l) => l.length < 2)) return false;
  const sets = lists.map((l) => [...new Set(l)].sort().join('\u0000'));
  const common = sets.filter((s) => s === sets[0]).length;
  if (common < lists.length * 0.75) return false;
  return new Set(lists.map((l) => l.join('\u0000'))).size > 1;
}

// "(hours)", "(hours per week)", "in minutes", "[days]" at the end of a heading
const UNIT =
  /(?:\(|\[|\bin\s+)((?:hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|percent|%|people|persons|eur|usd|€|\$)(?:\s*(?:per|\/|a)\s*\w+)?)\)?\]?\s*[?:.]?\s*$/i;

/** The unit a number question's heading names, e.g. "Time saved per week (hours)" → "hours". */
export function unitOf(header: string): string | undefined {
  return UNIT.exec(header.trim())?.[1].trim();
}

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
export const isNumberCell = (v: string): boolean => NUMBER.test(v.trim());
export const isNpsCell = (v: string): boolean => /^\d{1,2}$/.test(v.trim()) && +v <= 10;

/** Whether most of a column's cells read as `test` (a stray cell is reported, not a new kind). */
export function mostly<T>(values: T[], test: (v: T) => boolean): boolean {
  return values.length > 0 && values.filter(test).length >= Math.max(1, values.length * 0.75);
}
