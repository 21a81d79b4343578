import type { ToolMatcher } from '../../catalog/catalog.types';
import { loadBuiltinCatalog } from '../../catalog/catalog-loader';
import { CatalogMatcher } from '../../catalog/matcher/catalog-matcher';
import { testToolMatcher } from '../../../test/support/test-tool-matcher';
import { findToolMentions, MENTION_CONFIDENCE, resolveSurveyTools } from './tool-mentions';

const catalog = CatalogMatcher.fromTools(loadBuiltinCatalog());
const ids = (text: string, matcher: ToolMatcher = catalog) =>
  findToolMentions(text, matcher)
    .map((m) => m.toolId)
    .sort();

describe(findToolMentions.name, () => {
  it('should find every tool named in free text with the small test matcher', () => {
    const sut = testToolMatcher();
    expect(ids('Mostly chat gpt and Copilot in VS Code', sut)).toEqual([
      'chatgpt',
      'github-copilot',
    ]);
    expect(ids('Copilot mostly, some Claude Code', sut)).toEqual(['claude-code', 'github-copilot']);
    expect(ids('I also try claude code, sometimes', sut)).toEqual(['claude-code']);
    expect(ids('Nothing to add', sut)).toEqual([]);
  });

  describe('one mention is one tool', () => {
    it.each([
      ['Claude Code', ['claude-code']],
      ['claude code daily', ['claude-code']],
      ['sometimes Mistral Le Chat', ['le-chat']],
      ['Mistral Le Chat and the Mistral API', ['le-chat', 'mistral-api']],
      ['GitHub Copilot', ['github-copilot']],
      ['Gemini Code Assist', ['gemini-code-assist']],
      ['Google Gemini Code Assist', ['gemini-code-assist']],
      ['Microsoft 365 Copilot', ['microsoft-copilot']],
      ['Claude Desktop', ['claude']],
    ])('should read %j as %j', (text, expected) => {
      expect(ids(text)).toEqual(expected);
    });
  });

  describe('lists', () => {
    it.each([
      ['ChatGPT, Claude, Cursor', ['chatgpt', 'claude', 'cursor']],
      ['ChatGPT and Claude', ['chatgpt', 'claude']],
      ['ChatGPT/Claude', ['chatgpt', 'claude']],
      ['ChatGPT / Cursor', ['chatgpt', 'cursor']],
      ['ChatGPT & Cursor', ['chatgpt', 'cursor']],
      ['ChatGPT; Cursor', ['chatgpt', 'cursor']],
      ['ChatGPT\nCursor\r\nClaude Code', ['chatgpt', 'claude-code', 'cursor']],
      ['Claude Code or Cursor', ['claude-code', 'cursor']],
      ['Tools: Copilot', ['github-copilot']],
    ])('should split %j into %j', (text, expected) => {
      expect(ids(text)).toEqual(expected);
    });

    it('should keep a name that holds an ampersand whole', () => {
      expect(ids('Weights & Biases')).toEqual(['weights-and-biases']);
    });

    it('should count a name that is also an ordinary word only as a list item of its own', () => {
      expect(ids('Cline, Continue')).toEqual(['cline', 'continue']);
      expect(ids('I continue to use ChatGPT')).toEqual(['chatgpt']);
    });
  });

  describe('misspellings', () => {
    it.each([
      ['chatgtp', 'chatgpt'],
      ['chat gpt', 'chatgpt'],
      ['Chat GTP', 'chatgpt'],
      ['chat-gpt', 'chatgpt'],
      ['copliot', 'github-copilot'],
      ['co-pilot', 'github-copilot'],
      ['claud', 'claude'],
      ['claud code', 'claude-code'],
      ['github copliot', 'github-copilot'],
      ['curser', 'cursor'],
      ['gemeni', 'gemini'],
    ])('should read %j as %s with lower confidence', (text, toolId) => {
      expect(findToolMentions(text, catalog)).toEqual([
        { toolId, text, confidence: MENTION_CONFIDENCE.misspelt },
      ]);
    });

    it('should keep full confidence for a name spelt as the catalog spells it', () => {
      expect(findToolMentions('ChatGPT', catalog)).toEqual([
        { toolId: 'chatgpt', text: 'ChatGPT', confidence: 1 },
      ]);
      // named twice, once misspelt: the better spelling counts
      expect(findToolMentions('chatgtp, ChatGPT', catalog)).toEqual([
        { toolId: 'chatgpt', text: 'ChatGPT', confidence: 1 },
      ]);
    });
  });

  describe('negations are not use', () => {
    it.each([
      ['no longer use Cursor', []],
      ['not ChatGPT', []],
      ['stopped using Copilot', []],
      ['never tried Gemini', []],
      ["I don't use Cursor", []],
      ['I do not really use Copilot', []],
      ["don't use Cursor, Copilot or Claude", []],
      ['neither Cursor nor Copilot', []],
      ['Copilot, not ChatGPT', ['github-copilot']],
      ['not ChatGPT but Claude', ['claude']],
      ['switched from Copilot to Cursor', ['cursor']],
      ['Cursor instead of Copilot', ['cursor']],
      ['I used to use Cursor', []],
      ['ChatGPT (not anymore), Claude daily', ['claude']],
      ['Copilot - no longer', []],
      ['heard of Devin, use Copilot', ['github-copilot']],
      ['I would like to try Cursor', []],
      ['not only Copilot but also Claude', ['claude', 'github-copilot']],
      ['not sure, maybe Copilot', ['github-copilot']],
      ['Copilot is not bad', ['github-copilot']],
      ["I'm not a heavy user of Copilot", ['github-copilot']],
    ])('should read %j as %j', (text, expected) => {
      expect(ids(text)).toEqual(expected);
    });
  });

  describe('lookalikes that are not the tool', () => {
    it.each([
      ['move the cursor position with the keys'],
      ['cursor position'],
      ['the mouse cursor jumps'],
      ['the copilot of the plane'],
      ['Claude (my colleague)'],
      ['my colleague Claude uses nothing'],
      ['asked Claude Monet'],
      ['Claude from accounting'],
      ["I'm a Gemini"],
      ['the bard of Avon'],
      ['the mistral wind'],
      ['to my perplexity'],
      ['vim and grep'],
    ])('should not read %j as a tool', (text) => {
      expect(ids(text)).toEqual([]);
    });

    it.each([
      ['Claude, my colleague, showed me ChatGPT', ['chatgpt']],
      ['Cursor', ['cursor']],
      ['the Cursor IDE', ['cursor']],
      ['my Claude subscription', ['claude']],
      ['Claude Sonnet for reviews', ['claude']],
      ['Copilot', ['github-copilot']],
      ['Gemini', ['gemini']],
    ])('should still read %j as the tool', (text, expected) => {
      expect(ids(text)).toEqual(expected);
    });
  });
});

describe(resolveSurveyTools.name, () => {
  const matcher = testToolMatcher();
  const survey = (answers: Record<string, string | string[]>[]) => ({
    questions: [
      { key: 'tools', text: 'Which AI tools do you use?', kind: 'multiple' as const },
      { key: 'more', text: 'Anything else?', kind: 'text' as const },
      { key: 'wish', text: 'Which tool do you wish you had?', kind: 'text' as const },
    ],
    responses: answers.map((a, i) => ({
      respondentKey: `r${i}`,
      respondentKeyKind: 'id' as const,
      submittedAt: null,
      answers: a,
    })),
  });

  it('should count respondents per tool with the confidence of the best mention, skipping wishes', () => {
    const sut = resolveSurveyTools(
      survey([
        { tools: ['ChatGPT'], more: 'claud code sometimes', wish: 'Cursor' },
        { more: 'no longer use Cursor; chat gpt daily' },
      ]),
      matcher,
    );
    expect(sut.perResponse).toEqual([['chatgpt', 'claude-code'], ['chatgpt']]);
    expect(sut.confidence).toEqual([
      { chatgpt: 1, 'claude-code': MENTION_CONFIDENCE.misspelt },
      { chatgpt: MENTION_CONFIDENCE.misspelt },
    ]);
    expect(sut.counts).toEqual({ chatgpt: 2, 'claude-code': 1 });
  });

  it('should trust an option ticked in a list as spelt by the survey author', () => {
    const sut = resolveSurveyTools(survey([{ tools: ['Chat GPT'] }]), matcher);
    expect(sut.confidence).toEqual([{ chatgpt: 1 }]);
  });
});
