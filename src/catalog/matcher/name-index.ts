import { nameTokens, normalizeName } from './normalize';

// A phrase must be this long (normalised) to be found inside longer free text; shorter names
// ("v0", "amp", "zed") only match when they are the whole answer.
const MIN_PHRASE = 4;
const MAX_WINDOW = 5;

// Tool names that are also ordinary words or given names: inside a sentence they are far more
// often prose ("I continue to use ChatGPT", "Devin from accounting") than the tool, so they
// count only when they are the whole answer.
const ORDINARY_WORDS = new Set([
  'anything',
  'amp',
  'bolt',
  'cascade',
  'charlie',
  'compose',
  'consensus',
  'continue',
  'crush',
  'descript',
  'devin',
  'dia',
  'diamond',
  'droid',
  'elicit',
  'factory',
  'fellow',
  'gamma',
  'glean',
  'goose',
  'grain',
  'guidance',
  'instructor',
  'jamie',
  'jan',
  'jasper',
  'jules',
  'julius',
  'junie',
  'kilo',
  'lex',
  'mem',
  'merlin',
  'modal',
  'monica',
  'otter',
  'outlines',
  'phoenix',
  'pi',
  'pieces',
  'poe',
  'read',
  'rig',
  'roo',
  'runway',
  'same',
  'sweep',
  'tempo',
  'triton',
  'vibe',
  'warp',
  'weave',
  'writer',
  'you',
  'zed',
  'mentat',
  'sider',
  'harpa',
  'felo',
  'rytr',
  'krisp',
  'gong',
  'suno',
  'udio',
  'murf',
  'pika',
  'kling',
  'krea',
  'comet',
  'firefly',
  'fathom',
  'granola',
  'notta',
  'superhuman',
  'shortwave',
  'beautifulai',
  'manus',
  'trae',
  'kiro',
  'plandex',
  'codegen',
  'letta',
  'agno',
  'mastra',
  'genkit',
  'dify',
  'coze',
  'chutes',
  'tabby',
  'jina',
  'voyage',
  'base',
  'create',
  'stitch',
  'cody',
  'ellipsis',
  'cubic',
  'korbit',
  'greptile',
  'sourcery',
  // issue #15's agent platforms, media generators and extensions
  'dust',
  'sierra',
  'decagon',
  'adept',
  'fixie',
  'vellum',
  'lindy',
  'playground',
  'mage',
  'flair',
  'scenario',
  'reve',
  'meshy',
  'magnific',
  'did',
  'captions',
  'argil',
  'typecast',
  'altered',
  'aiva',
  'loudly',
  'soundful',
  'liner',
  'unstructured',
  'galileo',
  'whisk',
  'browseruse',
  'voila',
  'astria',
]);

/** Survey free text → tool, by name, id and aliases, ignoring case, spaces and punctuation. */
export class NameIndex {
  private readonly names = new Map<string, string>();

  /** Adds a name; returns the tool id already holding it, if any. */
  add(name: string, toolId: string): string | undefined {
    const key = normalizeName(name);
    if (key.length === 0) return undefined;
    const held = this.names.get(key);
    if (held !== undefined && held !== toolId) return held;
    this.names.set(key, toolId);
    return undefined;
  }

  /** A name or alias that is exactly the text; an ordinary word only when it is the whole answer. */
  exact(text: string, wholeAnswer: boolean): string | undefined {
    const key = normalizeName(text);
    if (!wholeAnswer && ORDINARY_WORDS.has(key)) return undefined;
    return this.names.get(key);
  }

  lookup(text: string): string | undefined {
    const whole = this.names.get(normalizeName(text));
    if (whole !== undefined) return whole;
    // the longest known phrase inside the answer ("mostly Claude Code, some chat gpt")
    const tokens = nameTokens(text);
    let best: { toolId: string; length: number; at: number } | undefined;
    for (let i = 0; i < tokens.length; i++) {
      let key = '';
      for (let n = 0; n < MAX_WINDOW && i + n < tokens.length; n++) {
        key += tokens[i + n];
        if (key.length < MIN_PHRASE) continue;
        const hit = n === 0 && ORDINARY_WORDS.has(key) ? undefined : this.names.get(key);
        if (hit !== undefined && (!best || key.length > best.length)) {
          best = { toolId: hit, length: key.length, at: i };
        }
      }
    }
    return best?.toolId;
  }
}
