import type { ToolMatcher } from '../../catalog/catalog.types';
import type { ImportedSurvey } from './import.types';

const FRAGMENT_SPLIT = /[,;/|\n\r()]+|\s+(?:and|or|und|et|y|&|\+)\s+/i;
const MAX_WORDS = 4;
// Questions about tools people would like to have say nothing about what they use.
const WISH_QUESTION = /\bwish|would like|would you like|want to|like to use|wünsch|souhait/i;

/**
 * Catalog tools named in one answer: the whole answer first ("GitHub Copilot"), then fragments and
 * the longest word runs inside free text ("mostly Claude Code, sometimes chat gpt").
 */
export function findToolMentions(text: string, matcher: ToolMatcher): string[] {
  const found = new Set<string>();
  const whole = text.trim();
  if (!whole) return [];
  const direct = matcher.matchName(whole);
  if (direct) return [direct];
  for (const fragment of whole.split(FRAGMENT_SPLIT)) {
    const trimmed = fragment.trim();
    if (!trimmed) continue;
    const exact = matcher.matchName(trimmed);
    if (exact) {
      found.add(exact);
      continue;
    }
    const words = trimmed.split(/\s+/).map((w) => w.replace(/^[^\w]+|[^\w.+-]+$/g, ''));
    let i = 0;
    while (i < words.length) {
      let advanced = false;
      for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1; n--) {
        const phrase = words
          .slice(i, i + n)
          .join(' ')
          .trim();
        if (phrase.length < 2) continue;
        const id = matcher.matchName(phrase);
        if (id) {
          found.add(id);
          i += n;
          advanced = true;
          break;
        }
      }
      if (!advanced) i++;
    }
  }
  return [...found];
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
