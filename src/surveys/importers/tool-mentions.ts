import { answerValues } from '../survey.types';
import type { ToolMatcher } from '../../catalog/catalog.types';
import type { ImportedSurvey } from './import.types';
import { namesPerson, negatedMentions, ordinaryWord, type Span } from './mention-context';
import { correctSpelling } from './mention-spelling';
import { isConnector, itemBounds, tokenize, type Token } from './mention-tokens';

/** How sure a mention names the tool: spelt as the catalog spells it, or through a misspelling. */
export const MENTION_CONFIDENCE = { exact: 1, misspelt: 0.7 } as const;

export interface ToolMention {
  toolId: string;
  /** the words as the respondent wrote them */
  text: string;
  confidence: number;
}

const MAX_WORDS = 5;
// Questions about tools people would like to have say nothing about what they use.
const WISH_QUESTION = /\bwish|would like|would you like|want to|like to use|wünsch|souhait/i;

interface Candidate extends Span {
  toolId: string;
  confidence: number;
  words: number;
  chars: number;
}

/**
 * Catalog tools an answer says the respondent uses ("mostly Claude Code, sometimes chat gpt").
 * One mention is one tool: where names overlap the longest wins ("Mistral Le Chat" is Le Chat, not
 * also Mistral). Ordinary words, people and negated names are not use. One entry per tool, with
 * the best confidence it was named with.
 */
export function findToolMentions(text: string, matcher: ToolMatcher): ToolMention[] {
  const tokens = tokenize(text);
  const chosen = chooseLongest(candidates(tokens, text, matcher));
  const negated = negatedMentions(text, tokens, chosen);
  const best = new Map<string, ToolMention>();
  chosen.forEach((c, k) => {
    if (negated[k] || ordinaryWord(tokens, c) || namesPerson(text, tokens, c)) return;
    const held = best.get(c.toolId);
    if (held && held.confidence >= c.confidence) return;
    const mention = text.slice(tokens[c.first].start, tokens[c.last].end);
    best.set(c.toolId, { toolId: c.toolId, text: mention, confidence: c.confidence });
  });
  return [...best.values()];
}

/** Every window of words that is a catalog name, spelt right or through a known misspelling. */
function candidates(tokens: Token[], text: string, matcher: ToolMatcher): Candidate[] {
  const exact = (name: string, whole: boolean) =>
    matcher.matchExactName ? matcher.matchExactName(name, whole) : matcher.matchName(name);
  const found: Candidate[] = [];
  tokens.forEach((token, first) => {
    if (token.kind !== 'word' || isConnector(token)) return;
    const [itemFirst, itemLast] = itemBounds(tokens, first);
    const words: string[] = [];
    for (let last = first; last <= itemLast && words.length < MAX_WORDS; last++) {
      const t = tokens[last];
      if (t.kind !== 'word') continue; // a joiner inside a name ("Weights & Biases")
      words.push(t.lower);
      const whole = first === itemFirst && last === itemLast;
      const spelling = correctSpelling(words);
      const toolId = spelling.misspelt
        ? exact(spelling.text, whole)
        : exact(text.slice(token.start, t.end), whole);
      if (!toolId) continue;
      found.push({
        first,
        last,
        toolId,
        word: words.length === 1 ? spelling.text : undefined,
        confidence: spelling.misspelt ? MENTION_CONFIDENCE.misspelt : MENTION_CONFIDENCE.exact,
        words: words.length,
        chars: t.end - token.start,
      });
    }
  });
  return found;
}

/** Non-overlapping mentions, longest first, in text order. */
function chooseLongest(found: Candidate[]): Candidate[] {
  const ranked = [...found].sort(
    (a, b) => b.words - a.words || b.chars - a.chars || a.first - b.first,
  );
  const chosen: Candidate[] = [];
  for (const c of ranked) {
    if (chosen.some((o) => c.first <= o.last && o.first <= c.last)) continue;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.first - b.first);
}

export interface SurveyToolUse {
  /** tool ids per response, in response order */
  perResponse: string[][];
  /** per response, how sure each of its tools was named (below 1 for a misspelt free-text name) */
  confidence: Record<string, number>[];
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
  // Options ticked in a list are spelt by the survey's author, not typed by the respondent.
  const picked = new Set(survey.questions.filter((q) => q.kind === 'multiple').map((q) => q.key));
  const counts: Record<string, number> = {};
  const confidence: Record<string, number>[] = [];
  const perResponse = survey.responses.map((response) => {
    const tools: Record<string, number> = {};
    for (const [key, answer] of Object.entries(response.answers)) {
      if (skipped.has(key)) continue;
      for (const item of answerValues(answer)) {
        for (const m of findToolMentions(item, matcher)) {
          const c = picked.has(key) ? MENTION_CONFIDENCE.exact : m.confidence;
          tools[m.toolId] = Math.max(tools[m.toolId] ?? 0, c);
        }
      }
    }
    const ids = Object.keys(tools).sort();
    for (const id of ids) counts[id] = (counts[id] ?? 0) + 1;
    confidence.push(Object.fromEntries(ids.map((id) => [id, tools[id]])));
    return ids;
  });
  return { perResponse, confidence, counts };
}

/** What a response stores: only the tools named with less than full confidence. */
export function belowFullConfidence(confidence: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(confidence).filter(([, c]) => c < MENTION_CONFIDENCE.exact),
  );
}
