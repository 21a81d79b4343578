// Issue #15: the catalog's breadth (≥ 500 tools), its new rule kinds (browser extensions, per-
// action request patterns) and the lookalikes the new tools must not catch.
import { loadBuiltinCatalog } from './catalog-loader';
import { validateToolDefinition } from './catalog-validator';
import { TOOL_CATEGORIES } from './catalog.types';
import { CatalogMatcher } from './matcher/catalog-matcher';

const tools = loadBuiltinCatalog();
const sut = CatalogMatcher.fromTools(tools);
const NEW_CATEGORIES = [
  'video-generation',
  'audio-generation',
  'saas-ai-feature',
  'browser-extension',
  'agent-platform',
];

describe('catalog breadth', () => {
  it('should list at least 500 tools', () => {
    expect(tools.length).toBeGreaterThanOrEqual(500);
  });

  it('should give every tool of the new categories a detection rule', () => {
    const ruleless = tools
      .filter((t) => NEW_CATEGORIES.includes(t.category))
      .filter((t) => Object.values(t.rules).every((v) => v === undefined || v.length === 0));
    expect(ruleless.map((t) => t.id)).toEqual([]);
    for (const c of NEW_CATEGORIES) expect(TOOL_CATEGORIES).toContain(c);
  });

  it('should resolve the SaaS AI features on their own hosts and never on the whole SaaS', () => {
    expect(sut.matchHost('dash.dropbox.com')).toBe('dropbox-dash');
    expect(sut.matchHost('fin.ai')).toBe('intercom-fin');
    expect(sut.matchHost('vids.google.com')).toBe('google-vids');
    expect(sut.matchHost('designer.microsoft.com')).toBe('microsoft-designer');
    expect(sut.matchHost('labs.google')).toBe('google-labs');
    for (const host of [
      'www.dropbox.com',
      'dropbox.com',
      'intercom.com',
      'app.intercom.com',
      'docs.google.com',
      'google.com',
      'www.microsoft.com',
      'notfin.ai',
      'fin.ai.attacker.example',
      'dash.dropbox.com.attacker.example',
    ]) {
      expect([host, sut.matchHost(host)]).toEqual([host, undefined]);
    }
  });

  it('should not take ordinary words for the new tools inside a sentence', () => {
    for (const text of [
      'I did it by hand',
      'captions on our videos',
      'a scenario we tested',
      'dust on the laptop',
      'the loudly ringing phone',
      'altered the document',
      'a flair for writing',
      'unstructured notes',
    ]) {
      expect([text, sut.matchName(text)]).toEqual([text, undefined]);
    }
    // as the whole answer of a survey question, the product is meant
    expect(sut.matchExactName('Captions', true)).toBe('captions');
    expect(sut.matchExactName('Captions', false)).toBeUndefined();
    expect(sut.matchExactName('D-ID', false)).toBeUndefined();
    expect(sut.matchName('we made avatars with D-ID and HeyGen')).toBeDefined();
  });

  it('should match AI browser extensions by their store ids, on the catalog tool', () => {
    expect(sut.matchBrowserExtension('ofpnmcalabcbjgholdjcjblkibolbppb')).toBe('monica');
    expect(sut.matchBrowserExtension('OJNBOHMPPADFGPEJEEBFNMNKNJDLCKGJ')).toBe('aiprm');
    expect(sut.matchBrowserExtension('ejcfepkfckglbgocfkanmcdngdijcgld')).toBe('chatgpt');
    // uBlock Origin is no AI tool
    expect(sut.matchBrowserExtension('cjpalhdlnbpafiamejdnhcphjbkeiagm')).toBeUndefined();
  });

  it('should refuse a malformed extension id or action rule with a named problem', () => {
    const problems = validateToolDefinition(
      {
        id: 'x-tool',
        name: 'X',
        vendor: 'X',
        category: 'browser-extension',
        rules: {
          browserExtensions: ['not-an-id'],
          actions: [
            { action: 'teleport', path: 'files', source: 'http://x', confidence: 'low' },
            { action: 'upload', path: '/**', source: 'https://x.example', confidence: 'high' },
            {
              action: 'upload',
              path: '/f',
              method: 'post',
              minBytesUp: 0,
              host: 'com',
              source: 'https://x.example',
              confidence: 'high',
            },
          ],
        },
      },
      'test.yaml',
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'rules.actions[0].action',
      'rules.actions[0].confidence',
      'rules.actions[0].path',
      'rules.actions[0].source',
      'rules.actions[1].path',
      'rules.actions[2].host',
      'rules.actions[2].method',
      'rules.actions[2].minBytesUp',
      'rules.browserExtensions[0]',
    ]);
  });
});

describe('per-action rules in the catalog', () => {
  it('should define actions for ChatGPT, Claude, Gemini, Copilot, Perplexity and DeepL, each rule sourced', () => {
    for (const id of ['chatgpt', 'claude', 'gemini', 'microsoft-copilot', 'perplexity', 'deepl']) {
      expect([id, sut.hasActions(id)]).toEqual([id, true]);
    }
    for (const t of tools) {
      for (const a of t.rules.actions ?? []) expect(a.source).toMatch(/^https:\/\//);
    }
  });

  it('should give every action rule with a host a host the tool itself matches', () => {
    for (const t of tools) {
      for (const a of t.rules.actions ?? []) {
        if (a.host) expect([t.id, a.host, sut.matchHost(a.host)]).toEqual([t.id, a.host, t.id]);
      }
    }
  });

  it.each([
    ['chatgpt', 'chatgpt.com', 'POST', '/backend-api/files', undefined, 'upload'],
    ['chatgpt', 'files.oaiusercontent.com', 'PUT', '/files/abc/raw', undefined, 'upload'],
    ['chatgpt', 'chatgpt.com', 'POST', '/backend-api/f/conversation', undefined, 'chat'],
    ['chatgpt', 'chatgpt.com', 'GET', '/backend-api/files', undefined, undefined],
    [
      'claude',
      'claude.ai',
      'POST',
      '/api/organizations/o/chat_conversations/c/completion',
      900,
      'chat',
    ],
    ['claude', 'claude.ai', 'POST', '/api/organizations/o/upload', 5_000_000, 'upload'],
    ['perplexity', 'www.perplexity.ai', 'POST', '/rest/uploads/create_upload_url', 300, 'upload'],
    ['perplexity', 'www.perplexity.ai', 'POST', '/rest/sse/perplexity_ask', 300, 'search'],
    ['deepl', 'api.deepl.com', 'POST', '/v2/document', 90_000, 'document-translation'],
    ['deepl', 'api-free.deepl.com', 'POST', '/v2/translate', 200, 'translation'],
    ['openai-api', 'api.openai.com', 'POST', '/v1/files', 5000, 'upload'],
    ['openai-api', 'api.openai.com', 'POST', '/v1/chat/completions', 500, 'chat'],
    ['microsoft-copilot', 'copilot.microsoft.com', 'POST', '/c/api/conversations', 10, 'chat'],
  ])('should read %s %s %s %s as %s', (toolId, host, method, path, bytesUp, expected) => {
    expect(sut.matchAction(toolId, { host, method, path, bytesUp })).toBe(expected);
  });
});
