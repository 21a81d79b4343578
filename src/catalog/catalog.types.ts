// The shape of a catalog tool, shared by the loader, the matcher and every signal module.
import type { VendorFacts } from './facts/vendor-facts.types';

export const TOOL_CATEGORIES = [
  'coding-assistant',
  'coding-agent',
  'chat-assistant',
  'llm-api',
  'ml-platform',
  'agent-framework',
  'local-runtime',
  'meeting-assistant',
  'writing-assistant',
  'image-generation',
  'other',
] as const;
export type ToolCategory = (typeof TOOL_CATEGORIES)[number];

export const SIGNALS = [
  'config-file',
  'commit-trailer',
  'bot-author',
  'dependency',
  'workflow',
  'ide-extension',
  'network',
  'survey',
  'copilot-seat',
  'app-installation',
  'seat',
  'vendor-usage',
  'oauth-grant',
  'sso-signin',
  'endpoint',
  'mcp-server',
  'agent-permission',
  'agent-workflow',
] as const;
export type Signal = (typeof SIGNALS)[number];

export const ECOSYSTEMS = [
  'npm',
  'pypi',
  'go',
  'maven',
  'nuget',
  'cargo',
  'rubygems',
  'packagist',
] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

export const POLICY_STATUSES = [
  'sanctioned',
  'tolerated',
  'under-review',
  'prohibited',
  'unreviewed',
] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const DATA_CLASSES = ['public', 'internal', 'confidential', 'pii', 'phi', 'pci'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/** An identity an AI tool commits or co-authors under. Matched on e-mail or login, never on a display name alone. */
export interface CommitIdentityRule {
  /** exact e-mail, lower case (e.g. cursoragent@cursor.com) */
  email?: string;
  /** regular expression over the lower-cased e-mail (e.g. ^\d+\+copilot@users\.noreply\.github\.com$) */
  emailPattern?: string;
  /** a GitHub login such as copilot-swe-agent[bot] */
  login?: string;
}

export interface ToolRules {
  /** registrable domains or exact hosts; a rule matches the host and its subdomains */
  domains?: string[];
  packages?: Partial<Record<Ecosystem, string[]>>;
  /**
   * another tool's packages that integrate this one (Spring AI's OpenAI starter for the OpenAI
   * API): a dependency on them is evidence of this tool as well as of the framework
   */
  integrationPackages?: Partial<Record<Ecosystem, string[]>>;
  /**
   * model names only this tool serves, as lower-case prefixes (`gpt-5-codex`); a disclosure
   * trailer naming such a model maps to the tool. Shared model families belong to the generic
   * "AI assistant (unspecified)" tool.
   */
  models?: string[];
  /** repository paths or picomatch globs, relative to the repository root (e.g. .cursor/rules/**) */
  paths?: string[];
  /** identities that mark a commit as made by or with the tool (author, committer or co-author trailer) */
  commitIdentities?: CommitIdentityRule[];
  /** literal substrings of a commit message that only the tool writes (e.g. "Generated with [Claude Code]") */
  messageMarkers?: string[];
  /** suffixes a tool appends to the committer or author name (aider's " (aider)") */
  committerNameSuffixes?: string[];
  /** regular expressions over an HTTP User-Agent */
  userAgents?: string[];
  /** IDE extension / plugin ids (VS Code marketplace ids, JetBrains plugin ids) */
  ideExtensions?: string[];
  /** GitHub App slugs */
  githubApps?: string[];
  /** GitHub Actions `uses:` references without the @ref (e.g. anthropics/claude-code-action) */
  workflowActions?: string[];
}

export interface ToolDefinition {
  id: string;
  name: string;
  vendor: string;
  category: ToolCategory;
  homepage?: string;
  /** other names people use for it in survey answers and free text */
  aliases?: string[];
  /** true for tools that stand for "some AI agent" (AGENTS.md) rather than a product */
  generic?: boolean;
  rules: ToolRules;
  /**
   * what the vendor states per plan, each fact sourced (src/catalog/data/vendor-facts/), with
   * the organisation's overrides applied; never part of a tool file or a custom tool definition
   */
  vendorFacts?: VendorFacts;
  /** built-in or added by the organisation */
  origin?: 'builtin' | 'custom';
}

/** A reference to something a tool left, as the matcher reports it. */
export interface ToolMatch {
  toolId: string;
  signal: Signal;
  /** which rule matched, for the evidence detail */
  rule: string;
}

export interface CommitFacts {
  authorName: string;
  authorEmail: string;
  committerName: string;
  committerEmail: string;
  message: string;
  authorLogin?: string;
}

/** What the signal modules ask the catalog. Implemented by the catalog module's matcher. */
export interface ToolMatcher {
  matchHost(host: string): string | undefined;
  matchPackage(ecosystem: Ecosystem, name: string): string | undefined;
  /** the tool a framework's integration package is for (langchain4j-open-ai → openai-api) */
  matchIntegration?(ecosystem: Ecosystem, name: string): string | undefined;
  matchPath(path: string): ToolMatch[];
  matchCommit(commit: CommitFacts): ToolMatch[];
  matchUserAgent(userAgent: string): string | undefined;
  matchIdeExtension(id: string): string | undefined;
  matchGithubApp(slug: string): string | undefined;
  matchWorkflowAction(uses: string): string | undefined;
  /** a free-text name from a survey answer ("Claude Code", "chat gpt") */
  matchName(text: string): string | undefined;
  /**
   * The tool whose name or alias is exactly `text` (case, spaces and punctuation aside), never a
   * name found inside it. A name that is also an ordinary word ("Continue", "Devin") only counts
   * when it is the whole answer. Matchers without it are read as exact through matchName.
   */
  matchExactName?(text: string, wholeAnswer: boolean): string | undefined;
}
