import picomatch from 'picomatch';
import type {
  CommitFacts,
  Ecosystem,
  ToolDefinition,
  ToolMatch,
  ToolMatcher,
} from '../../src/catalog/catalog.types';

// A small stand-in for the catalog's matcher, for specs written before the catalog branch lands.
// It follows the ToolMatcher contract: identities on e-mail/login, literal message markers.
export const REPO_TEST_TOOLS: ToolDefinition[] = [
  {
    id: 'cursor',
    name: 'Cursor',
    vendor: 'Anysphere',
    category: 'coding-assistant',
    rules: {
      domains: ['cursor.com', 'cursor.sh'],
      paths: ['.cursorrules', '.cursor/rules/**', '.cursor/mcp.json'],
      commitIdentities: [{ email: 'cursoragent@cursor.com' }],
      ideExtensions: [],
    },
  },
  {
    id: 'claude-code',
    name: 'Claude Code',
    vendor: 'Anthropic',
    category: 'coding-agent',
    rules: {
      paths: ['CLAUDE.md', '.claude/**'],
      commitIdentities: [
        { email: 'noreply@anthropic.com' },
        { login: 'claude[bot]' },
        { emailPattern: '^\\d+\\+claude\\[bot\\]@users\\.noreply\\.github\\.com$' },
      ],
      messageMarkers: ['Generated with [Claude Code]'],
      workflowActions: ['anthropics/claude-code-action'],
      githubApps: ['claude'],
      ideExtensions: ['anthropic.claude-code'],
    },
  },
  {
    id: 'anthropic-api',
    name: 'Anthropic API',
    vendor: 'Anthropic',
    category: 'llm-api',
    rules: {
      domains: ['api.anthropic.com'],
      packages: { npm: ['@anthropic-ai/sdk'], pypi: ['anthropic'] },
    },
  },
  {
    id: 'openai-api',
    name: 'OpenAI API',
    vendor: 'OpenAI',
    category: 'llm-api',
    rules: { domains: ['api.openai.com'], packages: { npm: ['openai'], pypi: ['openai'] } },
  },
  {
    id: 'github-copilot',
    name: 'GitHub Copilot',
    vendor: 'GitHub',
    category: 'coding-assistant',
    aliases: ['copilot'],
    rules: {
      domains: ['githubcopilot.com'],
      paths: ['.github/copilot-instructions.md', '.github/instructions/**'],
      commitIdentities: [
        { emailPattern: '^\\d+\\+copilot@users\\.noreply\\.github\\.com$' },
        { login: 'copilot-swe-agent[bot]' },
      ],
      ideExtensions: ['github.copilot', 'github.copilot-chat', 'com.github.copilot'],
      githubApps: ['copilot-swe-agent'],
    },
  },
  {
    id: 'aider',
    name: 'Aider',
    vendor: 'Aider',
    category: 'coding-assistant',
    rules: { paths: ['.aider*', '.aider*/**'], committerNameSuffixes: [' (aider)'] },
  },
  {
    id: 'devin',
    name: 'Devin',
    vendor: 'Cognition',
    category: 'coding-agent',
    rules: {
      commitIdentities: [
        { login: 'devin-ai-integration[bot]' },
        { emailPattern: '^\\d+\\+devin-ai-integration\\[bot\\]@users\\.noreply\\.github\\.com$' },
      ],
    },
  },
  {
    id: 'windsurf',
    name: 'Windsurf',
    vendor: 'Codeium',
    category: 'coding-assistant',
    rules: {
      paths: ['.windsurfrules', '.windsurf/**'],
      ideExtensions: ['codeium.codeium'],
      domains: ['codeium.com'],
    },
  },
  {
    id: 'gemini-cli',
    name: 'Gemini CLI',
    vendor: 'Google',
    category: 'coding-agent',
    rules: {
      paths: ['GEMINI.md', '.gemini/**'],
      workflowActions: ['google-github-actions/run-gemini-cli'],
    },
  },
  {
    id: 'google-gemini',
    name: 'Google Gemini',
    vendor: 'Google',
    category: 'llm-api',
    rules: { domains: ['generativelanguage.googleapis.com'] },
  },
  {
    id: 'agents-md',
    name: 'AGENTS.md agent',
    vendor: 'various',
    category: 'coding-agent',
    generic: true,
    rules: { paths: ['AGENTS.md'] },
  },
  {
    id: 'jetbrains-ai-assistant',
    name: 'JetBrains AI Assistant',
    vendor: 'JetBrains',
    category: 'coding-assistant',
    rules: { ideExtensions: ['com.intellij.ml.llm'], domains: ['grazie.ai'] },
  },
];

function segmentsMatch(path: string, glob: string): boolean {
  // Rules are relative to the repository root, but a nested project keeps its own files.
  return (
    picomatch.isMatch(path, glob, { dot: true }) ||
    picomatch.isMatch(path, `**/${glob}`, { dot: true })
  );
}

export class RepoTestMatcher implements ToolMatcher {
  constructor(private readonly tools: ToolDefinition[] = REPO_TEST_TOOLS) {}

  matchHost(host: string): string | undefined {
    const h = host.toLowerCase().replace(/\.$/, '');
    return this.tools.find((t) =>
      (t.rules.domains ?? []).some((d) => h === d || h.endsWith(`.${d}`)),
    )?.id;
  }

  matchPackage(ecosystem: Ecosystem, name: string): string | undefined {
    return this.tools.find((t) => (t.rules.packages?.[ecosystem] ?? []).includes(name))?.id;
  }

  matchPath(path: string): ToolMatch[] {
    const out: ToolMatch[] = [];
    for (const t of this.tools) {
      const rule = (t.rules.paths ?? []).find((g) => segmentsMatch(path, g));
      if (rule) out.push({ toolId: t.id, signal: 'config-file', rule });
    }
    return out;
  }

  matchCommit(commit: CommitFacts): ToolMatch[] {
    const out: ToolMatch[] = [];
    const trailers = [...commit.message.matchAll(/^co-authored-by:\s*(.*?)\s*<([^>]+)>\s*$/gim)];
    for (const t of this.tools) {
      const ids = t.rules.commitIdentities ?? [];
      const hit = (email: string, login?: string) =>
        ids.some(
          (r) =>
            (r.email && r.email === email.toLowerCase()) ||
            (r.emailPattern && new RegExp(r.emailPattern).test(email.toLowerCase())) ||
            (r.login && login && r.login === login.toLowerCase()),
        );
      if (hit(commit.authorEmail, commit.authorLogin) || hit(commit.committerEmail)) {
        out.push({ toolId: t.id, signal: 'bot-author', rule: 'identity' });
        continue;
      }
      if (trailers.some((m) => hit(m[2]))) {
        out.push({ toolId: t.id, signal: 'commit-trailer', rule: 'co-author' });
        continue;
      }
      const marker = (t.rules.messageMarkers ?? []).find((m) => commit.message.includes(m));
      if (marker) {
        out.push({ toolId: t.id, signal: 'commit-trailer', rule: marker });
        continue;
      }
      const suffix = (t.rules.committerNameSuffixes ?? []).find(
        (s) => commit.committerName.endsWith(s) || commit.authorName.endsWith(s),
      );
      if (suffix) out.push({ toolId: t.id, signal: 'commit-trailer', rule: suffix });
    }
    return out;
  }

  matchUserAgent(): string | undefined {
    return undefined;
  }

  matchIdeExtension(id: string): string | undefined {
    const l = id.toLowerCase();
    return this.tools.find((t) => (t.rules.ideExtensions ?? []).some((e) => e.toLowerCase() === l))
      ?.id;
  }

  matchGithubApp(slug: string): string | undefined {
    return this.tools.find((t) => (t.rules.githubApps ?? []).includes(slug.toLowerCase()))?.id;
  }

  matchWorkflowAction(uses: string): string | undefined {
    const ref = uses.split('@')[0].toLowerCase();
    return this.tools.find((t) =>
      (t.rules.workflowActions ?? []).some((a) => ref === a || ref.startsWith(`${a}/`)),
    )?.id;
  }

  matchName(text: string): string | undefined {
    const l = text.toLowerCase().trim();
    return this.tools.find((t) => t.name.toLowerCase() === l || (t.aliases ?? []).includes(l))?.id;
  }
}
