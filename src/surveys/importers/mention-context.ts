import { isConnector, type Token } from './mention-tokens';

// When a name in an answer is not a claim of use: an ordinary word ("the cursor position"), a
// person ("Claude (my colleague)") or a negation ("no longer use Cursor", "not ChatGPT").

/** A mention as found: the word tokens it spans and the word after it, as the catalog spells it. */
export interface Span {
  first: number;
  last: number;
  /** the single word when the mention is one word, lower-cased and spelt right */
  word?: string;
}

// Tool names that are also common nouns or given names. Alone they are read as the tool unless
// the words around them say otherwise.
const AMBIGUOUS = new Set([
  'cursor',
  'copilot',
  'claude',
  'gemini',
  'bard',
  'mistral',
  'perplexity',
  'codex',
  'grok',
]);
const GIVEN_NAMES = new Set(['claude', 'devin', 'jules', 'jasper', 'julius', 'monica', 'merlin']);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'my',
  'your',
  'his',
  'her',
  'its',
  'their',
  'mouse',
  'text',
  'blinking',
  'database',
  'db',
  'sql',
]);
// Words after a name that make it the product again ("the Cursor IDE", "a Claude subscription").
const PRODUCT_WORDS = new Set([
  'ai',
  'ide',
  'editor',
  'app',
  'apps',
  'agent',
  'chat',
  'cli',
  'extension',
  'plugin',
  'subscription',
  'license',
  'licence',
  'seat',
  'account',
  'pro',
  'plus',
  'max',
  'team',
  'enterprise',
  'business',
  'desktop',
  'web',
  'code',
  'sonnet',
  'opus',
  'haiku',
  'flash',
  'api',
]);
const ORDINARY_AFTER: Record<string, Set<string>> = {
  cursor: new Set([
    'position',
    'positions',
    'movement',
    'movements',
    'moves',
    'key',
    'keys',
    'blink',
    'blinks',
    'blinking',
    'shape',
    'style',
    'color',
    'colour',
    'location',
    'jumps',
    'pagination',
    'based',
    'over',
  ]),
  copilot: new Set(['of', 'seat', 'pilot', 'licence']),
};
const PERSON_WORDS =
  'colleague|co-?worker|team ?mate|teammate|manager|boss|friend|intern|lead|neighbou?r|brother|sister|wife|husband|partner|son|daughter|dad|mum|mom|uncle|aunt|cousin';
const PERSON_AFTER = new RegExp(
  String.raw`^\s*[(,\-–]?\s*(?:(?:my|our|a|the|is|is my|is our)\s+)?(?:${PERSON_WORDS})\b|^\s+from\s+(?:the\s+)?(?:accounting|finance|hr|marketing|sales|legal|support|ops|it|design|office|\w+\s+(?:team|department|dept))\b`,
  'i',
);
const PERSON_BEFORE = new RegExp(String.raw`\b(?:${PERSON_WORDS})\s*,?\s*$`, 'i');

/** True when the words around a one-word mention show an ordinary word, not the product. */
export function ordinaryWord(tokens: Token[], span: Span): boolean {
  if (!span.word || !AMBIGUOUS.has(span.word)) return false;
  const before = tokens[span.first - 1];
  const after = tokens[span.last + 1];
  const next = after?.kind === 'word' ? after.lower : undefined;
  if (next && PRODUCT_WORDS.has(next) && next !== 'seat') return false;
  if (next && ORDINARY_AFTER[span.word]?.has(next)) return true;
  return before?.kind === 'word' && DETERMINERS.has(before.lower);
}

/** True when the mention names a person: "Claude (my colleague)", "Claude Monet". */
export function namesPerson(text: string, tokens: Token[], span: Span): boolean {
  const start = tokens[span.first].start;
  const end = tokens[span.last].end;
  if (PERSON_AFTER.test(text.slice(end)) || PERSON_BEFORE.test(text.slice(0, start))) return true;
  if (!span.word || !GIVEN_NAMES.has(span.word)) return false;
  // A given name followed by a capitalised word that is no product word reads as a full name.
  const after = tokens[span.last + 1];
  if (after?.kind !== 'word' || PRODUCT_WORDS.has(after.lower)) return false;
  const written = text.slice(after.start, after.end);
  return /^\p{Lu}\p{Ll}/u.test(written);
}

// Cues before a name that say it is not (or no longer, or not yet) used. Each is a run of words.
const NEGATIONS = [
  'not',
  'never',
  'no',
  "don't",
  'dont',
  'do not',
  "doesn't",
  'does not',
  "didn't",
  'did not',
  "won't",
  "can't",
  'cannot',
  "haven't",
  "hasn't",
  "isn't",
  "aren't",
  "wasn't",
  'no longer',
  'no more',
  'stopped',
  'quit',
  'dropped',
  'ditched',
  'abandoned',
  'uninstalled',
  'cancelled',
  'canceled',
  'avoid',
  'avoided',
  'without',
  'neither',
  'nor',
  'used to',
  'gave up',
  'give up',
  'got rid of',
  'switched from',
  'moved from',
  'moved away from',
  'migrated from',
  'migrated away from',
  'replaced',
  'instead of',
  'rather than',
  'heard of',
  'heard about',
  'aware of',
  'curious about',
  'interested in',
  'considering',
  'want to',
  'wants to',
  'would like',
  'wish',
  'plan to',
  'planning to',
];
// "not only Copilot but also Claude" names both.
const NOT_NEGATIONS = new Set(['not only', 'not just']);
// Words that may stand between a cue and the name: "don't really use", "never tried out".
const MAX_GAP = 3;
// After a name: "Copilot (not anymore)", "ChatGPT - no longer".
const NEGATED_AFTER =
  /^\s*[(,\-–—]?\s*(?:not (?:any ?more|now|since)|no longer|any ?more\b|previously|formerly|in the past|stopped|dropped|discontinued)/i;
// What may join two names that share one cue: "don't use Cursor, Copilot or Claude".
const LIST_FILLERS = new Set(['either', 'neither', 'even', 'really', 'any', 'the']);

/**
 * Which mentions are negated. A cue negates the first name after it in its clause (a few words may
 * stand between); names listed right after a negated one share its cue.
 */
export function negatedMentions(text: string, tokens: Token[], spans: Span[]): boolean[] {
  const result: boolean[] = [];
  spans.forEach((span, k) => {
    const previous = k > 0 ? spans[k - 1] : undefined;
    const sharesCue =
      previous !== undefined && result[k - 1] && onlyListBetween(tokens, previous.last, span.first);
    result.push(
      sharesCue ||
        cueBefore(tokens, previous ? previous.last : -1, span.first) ||
        NEGATED_AFTER.test(text.slice(tokens[span.last].end)),
    );
  });
  return result;
}

function cueBefore(tokens: Token[], floor: number, first: number): boolean {
  // A cue ends at most MAX_GAP words before the name, with no break or earlier mention between.
  for (let i = first - 1, gap = 0; i > floor && gap <= MAX_GAP; i--, gap++) {
    if (tokens[i].kind !== 'word') return false;
    const words = wordsEndingAt(tokens, i, floor).join(' ');
    for (const cue of NEGATIONS) {
      if (words !== cue && !words.endsWith(` ${cue}`)) continue;
      if (cue === 'not' && NOT_NEGATIONS.has(`not ${tokens[i + 1]?.lower}`)) continue;
      return true;
    }
  }
  return false;
}

function wordsEndingAt(tokens: Token[], at: number, floor: number): string[] {
  const words: string[] = [];
  for (let i = at; i > floor && words.length < 4 && tokens[i].kind === 'word'; i--)
    words.unshift(tokens[i].lower);
  return words;
}

function onlyListBetween(tokens: Token[], after: number, before: number): boolean {
  for (let i = after + 1; i < before; i++) {
    const t = tokens[i];
    if (t.kind === 'joiner') continue;
    if (t.kind === 'break' && /^[,/]$/.test(t.lower)) continue;
    if (t.kind === 'word' && (isConnector(t) || LIST_FILLERS.has(t.lower))) continue;
    return false;
  }
  return true;
}
