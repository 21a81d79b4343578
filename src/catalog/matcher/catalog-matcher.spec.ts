import type { CommitFacts, ToolDefinition } from '../catalog.types';
import { CatalogConflictError, CatalogMatcher } from './catalog-matcher';

const tool = (id: string, rules: ToolDefinition['rules'], extra: Partial<ToolDefinition> = {}) =>
  ({ id, name: id, vendor: 'v', category: 'coding-assistant', rules, ...extra }) as ToolDefinition;

const TOOLS: ToolDefinition[] = [
  tool(
    'github-copilot',
    {
      domains: ['githubcopilot.com', 'copilot-proxy.githubusercontent.com'],
      paths: ['.github/copilot-instructions.md', '.github/instructions/*.instructions.md'],
      commitIdentities: [
        {
          emailPattern:
            '^(198982749|223556219|175728472)\\+copilot@users\\.noreply\\.github\\.com$',
        },
        { login: 'copilot-swe-agent[bot]' },
      ],
      ideExtensions: ['GitHub.copilot', 'com.github.copilot'],
      githubApps: ['copilot-swe-agent'],
    },
    { name: 'GitHub Copilot', aliases: ['Copilot'] },
  ),
  tool('gemini-api', { domains: ['generativelanguage.googleapis.com'] }, { name: 'Gemini API' }),
  tool('vertex-ai', { domains: ['*-aiplatform.googleapis.com', 'aiplatform.googleapis.com'] }),
  tool('amazon-bedrock', { domains: ['bedrock-runtime.*.amazonaws.com'] }),
  tool('openai-api', {
    domains: ['api.openai.com'],
    packages: { pypi: ['openai'], npm: ['openai'], go: ['github.com/openai/openai-go'] },
  }),
  tool(
    'chatgpt',
    { domains: ['chatgpt.com', 'chat.openai.com'] },
    { name: 'ChatGPT', aliases: ['chat gpt'] },
  ),
  tool(
    'langchain',
    {
      packages: {
        npm: ['@langchain/*', 'langchain'],
        pypi: ['langchain', 'langchain-*'],
        maven: ['dev.langchain4j:*'],
      },
    },
    { name: 'LangChain' },
  ),
  tool(
    'claude-code',
    {
      paths: ['**/CLAUDE.md', '.claude/'],
      commitIdentities: [{ email: 'noreply@anthropic.com' }],
      messageMarkers: ['Generated with [Claude Code]'],
      workflowActions: ['anthropics/claude-code-action'],
    },
    { name: 'Claude Code' },
  ),
  tool(
    'cursor',
    {
      domains: ['cursor.com', 'cursor.sh'],
      paths: ['.cursorrules', '.cursor/rules/**'],
      commitIdentities: [{ email: 'cursoragent@cursor.com' }],
    },
    { name: 'Cursor' },
  ),
  tool(
    'aider',
    { committerNameSuffixes: [' (aider)'], commitIdentities: [{ email: 'noreply@aider.chat' }] },
    { name: 'Aider' },
  ),
  tool('devin', { commitIdentities: [{ login: 'devin-ai-integration[bot]' }] }, { name: 'Devin' }),
  tool(
    'jules',
    {
      commitIdentities: [
        { emailPattern: '^\\d+\\+google-labs-jules\\[bot\\]@users\\.noreply\\.github\\.com$' },
      ],
    },
    { name: 'Jules' },
  ),
  tool('ai-coding-agent', { paths: ['**/AGENTS.md'] }, { generic: true }),
  tool('example-ua', { userAgents: ['^Claude-User/'] }),
  tool('muenchen-ai', { domains: ['xn--mnchen-3ya.example'] }),
];

const commit = (c: Partial<CommitFacts>): CommitFacts => ({
  authorName: 'Ada Lovelace',
  authorEmail: 'ada@example.com',
  committerName: 'Ada Lovelace',
  committerEmail: 'ada@example.com',
  message: 'fix: something',
  ...c,
});

describe(CatalogMatcher.name, () => {
  const sut = CatalogMatcher.fromTools(TOOLS);

  describe('matchHost', () => {
    it.each([
      ['api.openai.com', 'openai-api'],
      ['API.OpenAI.com.', 'openai-api'],
      ['api.openai.com:443', 'openai-api'],
      ['https://api.openai.com/v1/chat/completions', 'openai-api'],
      ['chatgpt.com', 'chatgpt'],
      ['ab.chatgpt.com', 'chatgpt'],
      ['generativelanguage.googleapis.com', 'gemini-api'],
      ['copilot-proxy.githubusercontent.com', 'github-copilot'],
      ['api.individual.githubcopilot.com', 'github-copilot'],
      ['us-central1-aiplatform.googleapis.com', 'vertex-ai'],
      ['aiplatform.googleapis.com', 'vertex-ai'],
      ['bedrock-runtime.eu-west-1.amazonaws.com', 'amazon-bedrock'],
      ['www.cursor.com', 'cursor'],
      ['münchen.example', 'muenchen-ai'],
    ])('should map %s to %s', (host, expected) => {
      expect(sut.matchHost(host)).toBe(expected);
    });

    it.each([
      'storage.googleapis.com',
      'googleapis.com',
      'objects.githubusercontent.com',
      'raw.githubusercontent.com',
      's3.us-east-1.amazonaws.com',
      'bedrock.example.com',
      'notcursor.com',
      'cursor.com.evil.example',
      'openai.com.example.net',
      'fakeapi.openai.com.attacker.io',
      'd111111abcdef8.cloudfront.net',
      'js.stripe.com',
      'o123.ingest.sentry.io',
      'example.auth0.com',
      'localhost',
      '',
      '10.0.0.1',
      '[::1]:8080',
    ])('should map %s to no tool', (host) => {
      expect(sut.matchHost(host)).toBeUndefined();
    });
  });

  it('should give the same answers when hosts repeat, as log lines do', () => {
    const hosts = ['api.openai.com', 'storage.googleapis.com', 'API.OpenAI.com:443', 'example.org'];
    const first = hosts.map((h) => sut.matchHost(h));
    for (let i = 0; i < 3; i++) expect(hosts.map((h) => sut.matchHost(h))).toEqual(first);
    expect(first).toEqual(['openai-api', undefined, 'openai-api', undefined]);
  });

  describe('matchPackage', () => {
    it('should match packages by the ecosystem rules when names vary in case and separators', () => {
      expect(sut.matchPackage('pypi', 'OpenAI')).toBe('openai-api');
      expect(sut.matchPackage('pypi', 'langchain_community')).toBe('langchain');
      expect(sut.matchPackage('pypi', 'langchain.core')).toBe('langchain');
      expect(sut.matchPackage('npm', '@langchain/openai')).toBe('langchain');
      expect(sut.matchPackage('maven', 'dev.langchain4j:langchain4j-open-ai')).toBe('langchain');
      expect(sut.matchPackage('go', 'github.com/openai/openai-go/v2')).toBe('openai-api');
    });

    it('should match nothing when the name only resembles a rule', () => {
      expect(sut.matchPackage('npm', 'openai-like')).toBeUndefined();
      expect(sut.matchPackage('npm', 'langchainx')).toBeUndefined();
      expect(sut.matchPackage('cargo', 'openai')).toBeUndefined();
      expect(sut.matchPackage('go', 'github.com/openai/openai-gopher')).toBeUndefined();
    });
  });

  describe('matchPath', () => {
    it('should match literal paths, globs and directories', () => {
      expect(sut.matchPath('.cursorrules').map((m) => m.toolId)).toEqual(['cursor']);
      expect(sut.matchPath('.cursor/rules/general.mdc').map((m) => m.toolId)).toEqual(['cursor']);
      expect(sut.matchPath('CLAUDE.md').map((m) => m.toolId)).toEqual(['claude-code']);
      expect(sut.matchPath('packages/api/CLAUDE.md').map((m) => m.toolId)).toEqual(['claude-code']);
      expect(sut.matchPath('.claude/settings.json').map((m) => m.toolId)).toEqual(['claude-code']);
      expect(sut.matchPath('./.github/instructions/api.instructions.md')[0]).toEqual({
        toolId: 'github-copilot',
        signal: 'config-file',
        rule: '.github/instructions/*.instructions.md',
      });
      expect(sut.matchPath('AGENTS.md').map((m) => m.toolId)).toEqual(['ai-coding-agent']);
    });

    it('should match nothing when a path only looks similar', () => {
      expect(sut.matchPath('docs/cursorrules.md')).toEqual([]);
      expect(sut.matchPath('src/cursor.ts')).toEqual([]);
      expect(sut.matchPath('claude.md.bak')).toEqual([]);
      expect(sut.matchPath('.github/copilot-instructions.md.orig')).toEqual([]);
    });
  });

  describe('matchCommit', () => {
    it('should match an AI co-author trailer whatever the key case', () => {
      const matches = sut.matchCommit(
        commit({
          message:
            'feat: x\n\nco-authored-by: Claude Opus 4.6 (1M context) <NoReply@Anthropic.com>',
        }),
      );
      expect(matches).toEqual([
        {
          toolId: 'claude-code',
          signal: 'commit-trailer',
          rule: 'co-author email:noreply@anthropic.com',
        },
      ]);
    });

    it('should match bot authors by e-mail pattern and login', () => {
      const copilot = sut.matchCommit(
        commit({
          authorName: 'Copilot',
          authorEmail: '198982749+Copilot@users.noreply.github.com',
        }),
      );
      expect(copilot.map((m) => [m.toolId, m.signal])).toEqual([['github-copilot', 'bot-author']]);
      const devin = sut.matchCommit(commit({ authorLogin: 'devin-ai-integration[bot]' }));
      expect(devin.map((m) => m.toolId)).toEqual(['devin']);
    });

    it('should match message markers and the aider name suffix', () => {
      expect(
        sut
          .matchCommit(
            commit({
              message: 'x\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)',
            }),
          )
          .map((m) => m.toolId),
      ).toEqual(['claude-code']);
      expect(
        sut.matchCommit(commit({ committerName: 'Ada Lovelace (aider)' })).map((m) => m.toolId),
      ).toEqual(['aider']);
    });

    it('should report each tool and signal once when several rules agree', () => {
      const matches = sut.matchCommit(
        commit({
          authorEmail: 'noreply@anthropic.com',
          message:
            'x\n\nGenerated with [Claude Code]\nCo-Authored-By: Claude <noreply@anthropic.com>',
        }),
      );
      expect(matches.map((m) => `${m.toolId}/${m.signal}`)).toEqual([
        'claude-code/bot-author',
        'claude-code/commit-trailer',
      ]);
    });

    it.each([
      [
        'a terminal cursor in prose',
        commit({ message: 'fix: restore the terminal cursor after resize' }),
      ],
      [
        'a human named Devin',
        commit({
          authorName: 'Devin Smith',
          authorEmail: 'devin@example.com',
          authorLogin: 'devin',
        }),
      ],
      [
        'a human named Jules',
        commit({ authorName: 'Jules Verne', authorEmail: 'jules@example.org' }),
      ],
      [
        'a human named Claude',
        commit({ message: 'x\n\nCo-Authored-By: Claude Dioudonnat <claude@dioudonnat.fr>' }),
      ],
      [
        'a human co-author',
        commit({ message: 'x\n\nCo-authored-by: Grace Hopper <grace@example.com>' }),
      ],
      [
        'tool names in prose',
        commit({
          message: 'docs: compare Copilot, Cursor, Claude Code and Gemini; aider works too',
        }),
      ],
      [
        'a dependency bot',
        commit({
          authorName: 'dependabot[bot]',
          authorEmail: '49699333+dependabot[bot]@users.noreply.github.com',
          authorLogin: 'dependabot[bot]',
        }),
      ],
      [
        'a lookalike bot address',
        commit({ authorEmail: '198982749+copilot-fan@users.noreply.github.com' }),
      ],
      [
        'a name containing aider',
        commit({ authorName: 'aider (fan club)', committerName: 'Maria Aiderson' }),
      ],
    ])('should match nothing for %s', (_label, facts) => {
      expect(sut.matchCommit(facts)).toEqual([]);
    });
  });

  describe('other signals', () => {
    it('should match IDE extensions, apps, workflow actions and user agents', () => {
      expect(sut.matchIdeExtension('github.copilot')).toBe('github-copilot');
      expect(sut.matchIdeExtension('com.github.copilot')).toBe('github-copilot');
      expect(sut.matchIdeExtension('github.copilotx')).toBeUndefined();
      expect(sut.matchGithubApp('Copilot-SWE-Agent')).toBe('github-copilot');
      expect(sut.matchWorkflowAction('anthropics/claude-code-action@v1')).toBe('claude-code');
      expect(sut.matchWorkflowAction('anthropics/claude-code-action/base-action@beta')).toBe(
        'claude-code',
      );
      expect(sut.matchWorkflowAction('actions/checkout@v4')).toBeUndefined();
      expect(sut.matchUserAgent('Claude-User/1.0')).toBe('example-ua');
      expect(sut.matchUserAgent('Mozilla/5.0')).toBeUndefined();
      expect(sut.matchCommitEmail('NOREPLY@anthropic.com')).toBe('claude-code');
      expect(sut.matchLogin('copilot-swe-agent[bot]')).toBe('github-copilot');
    });
  });

  describe('matchName', () => {
    it.each([
      ['ChatGPT', 'chatgpt'],
      ['chat gpt', 'chatgpt'],
      ['Chat-GPT', 'chatgpt'],
      ['claude code', 'claude-code'],
      ['  CLAUDE-CODE ', 'claude-code'],
      ['Mostly Claude Code, some chat gpt', 'claude-code'],
      ['copilot', 'github-copilot'],
    ])('should map %s to %s', (text, expected) => {
      expect(sut.matchName(text)).toBe(expected);
    });

    it('should not read ordinary words and given names inside a sentence as tools', () => {
      const sut2 = CatalogMatcher.fromTools([
        ...TOOLS,
        tool('continue', {}, { name: 'Continue' }),
        tool('amp', {}, { name: 'Amp' }),
      ]);
      expect(sut2.matchName('I continue to use ChatGPT')).toBe('chatgpt');
      expect(sut2.matchName('Devin from accounting showed me Copilot')).toBe('github-copilot');
      expect(sut2.matchName('we continue as before')).toBeUndefined();
      expect(sut2.matchName('Continue')).toBe('continue');
      expect(sut2.matchName('Devin')).toBe('devin');
    });

    it('should match an exact name only, and an ordinary word only as the whole answer', () => {
      const sut2 = CatalogMatcher.fromTools([...TOOLS, tool('continue', {}, { name: 'Continue' })]);
      expect(sut2.matchExactName('Chat-GPT', false)).toBe('chatgpt');
      expect(sut2.matchExactName('Mostly Claude Code', false)).toBeUndefined();
      expect(sut2.matchExactName('Continue', true)).toBe('continue');
      expect(sut2.matchExactName('continue', false)).toBeUndefined();
    });

    it('should match nothing when no tool is named', () => {
      expect(sut.matchName('vim and grep')).toBeUndefined();
      expect(sut.matchName('')).toBeUndefined();
    });
  });

  describe('fromTools', () => {
    it('should reject a domain claimed by two tools naming both', () => {
      const clash = [...TOOLS, tool('other', { domains: ['chatgpt.com'] })];
      expect(() => CatalogMatcher.fromTools(clash)).toThrow(CatalogConflictError);
      expect(CatalogMatcher.findConflicts(clash)).toEqual([
        { kind: 'domain', value: 'chatgpt.com', toolIds: ['chatgpt', 'other'] },
      ]);
    });

    it('should reject a rule on shared infrastructure', () => {
      expect(CatalogMatcher.findConflicts([tool('x', { domains: ['googleapis.com'] })])).toEqual([
        { kind: 'domain', value: 'googleapis.com', toolIds: ['shared-infrastructure', 'x'] },
      ]);
    });

    it('should reject a package name inside another tool prefix rule', () => {
      const clash = [...TOOLS, tool('other', { packages: { npm: ['@langchain/other'] } })];
      expect(CatalogMatcher.findConflicts(clash)).toEqual([
        { kind: 'package npm', value: '@langchain/other', toolIds: ['other', 'langchain'] },
      ]);
    });

    it('should reject identities, paths, extensions and names claimed twice', () => {
      const clash = [
        ...TOOLS,
        tool(
          'other',
          {
            paths: ['.cursorrules'],
            commitIdentities: [{ email: 'noreply@anthropic.com' }],
            ideExtensions: ['GITHUB.COPILOT'],
          },
          { aliases: ['Chat GPT'] },
        ),
      ];
      expect(CatalogMatcher.findConflicts(clash).map((c) => c.kind)).toEqual([
        'path',
        'commit identity',
        'ide extension',
        'name',
      ]);
    });
  });
});
