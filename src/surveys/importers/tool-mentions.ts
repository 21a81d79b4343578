import type { ToolMatcher } from '../../catalog/catalog.types';
import type { ImportedSurvey } from './import.types';

const FRAGMENT_SPLIT = /[,;/|\n\r()]+|\s+(?:and|or|und|et|y|&|\+)\s+/i;
const MAX_WORDS = 4;
// Questions about tools people would like to have say nothing about what they use.
const WISH_QUESTION = /\bwish|would like|would you like|want to|like to use|wünsch|souhait/i;

/**
 * Catalog tools named in one answer ("GitHub Copilot", "mostly Claude Code, sometimes chat gpt").
 * The answer is cut at separators, then word windows are tried longest first at each position. A
 * matcher may find a name anywhere inside a window, so a hit only counts when the name begins at
 * this word (dropping the word loses it); the words of the name are then consumed.
 */
export function findToolMentions(text: string, matcher: ToolMatcher): string[] {
  const found = new Set<string>();
  for (const fragment of text.split(FRAGMENT_SPLIT)) {
    const words = fragment
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/^[^\w]+|[^\w.+-]+$/g, ''))
      .filter(Boolean);
    let i = 0;
    while (i < words.length) {
      const hit = longestAt(words, i, matcher);
      if (hit) {
        found.add(hit.id);
        i += hit.length;
      } else i++;
    }
  }
  return [...found];
}

function longestAt(
  words: string[],
  i: number,
  matcher: ToolMatcher,
): { id: string; length: number } | undefined {
  const phrase = (from: number, n: number) => words.slice(from, i + n).join(' ');
  for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1; n--) {
    const id = matcher.matchName(phrase(i, n));
    // The name must begin at this word: without it the window must no longer give the same tool.
    if (!id || (n > 1 && matcher.matchName(phrase(i + 1, n)) === id)) continue;
    for (let m = 1; m <= n; m++)
      if (matcher.matchName(phrase(i, m)) === id) return { id, length: m };
  }
  return undefined;
}

export interface SurveyToolUse {
  /** tool ids per response, in response order */
  perResponse: string[][];
  /** respondents naming each tool */
  counts: Record<string, number>;
}

/** Tools each respondent says they use, from every answer except wish-list questions. */
export function resolveSurveyTools(
  survey: Pick<ImportedSurvey, 'questions' | 'responses'>,
  matcher: ToolMatcher,
  skipKeys: Iterable<string> = [],
): SurveyToolUse {
  const skipped = new Set([
    ...skipKeys,
    ...survey.questions.filter((q) => WISH_QUESTION.test(q.text)).map((q) => q.key),
  ]);
  const counts: Record<string, number> = {};
  const perResponse = survey.responses.map((response) => {
    const tools = new Set<string>();
    for (const [key, answer] of Object.entries(response.answers)) {
      if (skipped.has(key)) continue;
      for (const item of [answer].flat())
        for (const id of findToolMentions(item, matcher)) tools.add(id);
    }
    for (const id of tools) counts[id] = (counts[id] ?? 0) + 1;
    return [...tools].sort();
  });
  return { perResponse, counts };
}
