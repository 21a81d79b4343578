// Misspellings people type for the tools they use. A name read through one of them is a weaker
// mention: the respondent probably meant the tool, but the text does not spell it.

// One word as typed → as the catalog spells it.
const WORDS: Record<string, string> = {
  chatgtp: 'chatgpt',
  chatgbt: 'chatgpt',
  chatgp: 'chatgpt',
  chatpgt: 'chatgpt',
  chagpt: 'chatgpt',
  chatgpr: 'chatgpt',
  'chat-gpt': 'chatgpt',
  'chat-gtp': 'chatgpt',
  gtp: 'gpt',
  gbt: 'gpt',
  copliot: 'copilot',
  copilt: 'copilot',
  copiolt: 'copilot',
  copolit: 'copilot',
  coplit: 'copilot',
  copilit: 'copilot',
  copiliot: 'copilot',
  'co-pilot': 'copilot',
  claud: 'claude',
  cluade: 'claude',
  calude: 'claude',
  claue: 'claude',
  curser: 'cursor',
  cusor: 'cursor',
  cursur: 'cursor',
  gemeni: 'gemini',
  gemni: 'gemini',
  gemenai: 'gemini',
  preplexity: 'perplexity',
  perplexety: 'perplexity',
  perplexicity: 'perplexity',
  midjourny: 'midjourney',
  midjorney: 'midjourney',
  deepseak: 'deepseek',
  githup: 'github',
  gihub: 'github',
  antrophic: 'anthropic',
  windsurfer: 'windsurf',
  tabnin: 'tabnine',
};

// Two words as typed → one word as spelt ("chat gpt" is ChatGPT, "co pilot" is Copilot).
const PAIRS: Record<string, string> = {
  'chat gpt': 'chatgpt',
  'chat gtp': 'chatgpt',
  'chat gbt': 'chatgpt',
  'co pilot': 'copilot',
  'git hub': 'github',
  'deep seek': 'deepseek',
  'mid journey': 'midjourney',
};

/** The words of a window as the catalog spells them, and whether any had to be corrected. */
export function correctSpelling(words: string[]): { text: string; misspelt: boolean } {
  const out: string[] = [];
  let misspelt = false;
  for (let i = 0; i < words.length; i++) {
    const pair = i + 1 < words.length ? PAIRS[`${words[i]} ${words[i + 1]}`] : undefined;
    if (pair) {
      out.push(pair);
      misspelt = true;
      i++;
      continue;
    }
    const word = WORDS[words[i]];
    if (word) misspelt = true;
    out.push(word ?? words[i]);
  }
  return { text: out.join(' '), misspelt };
}
