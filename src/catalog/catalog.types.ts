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
  'video-generation',
  'audio-generation',
  'saas-ai-feature',
  'browser-extension',
  'agent-platform',
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
  /** Chrome Web Store extension ids (32 letters a–p), as Chrome, Edge and Brave install them */
  browserExtensions?: string[];
  /** per-action request patterns (see ActionRule) */
  actions?: ActionRule[];
}

/**
 * What a person does with a tool, as far as a proxy log's URL path, method and upload size can
 * tell: a policy may allow one and prohibit another (chat allowed, file upload prohibited).
 */
export const TOOL_ACTIONS = [
  'chat',
  'upload',
  'code-completion',
  'agent',
  'image-generation',
  'voice',
  'translation',
  'document-translation',
  'search',
] as const;
export type ToolAction = (typeof TOOL_ACTIONS)[number];

/** How a finding and the console word an action: "upload to ChatGPT", "prohibited for uploads". */
export const ACTION_WORDING: Readonly<Record<ToolAction, { use: string; plural: string }>> = {
  chat: { use: 'chat with', plural: 'chat' },
  upload: { use: 'upload to', plural: 'uploads' },
  'code-completion': { use: 'code completion from', plural: 'code completion' },
  agent: { use: 'agent mode of', plural: 'agent mode' },
  'image-generation': { use: 'image generation with', plural: 'image generation' },
  voice: { use: 'voice with', plural: 'voice' },
  translation: { use: 'text translation with', plural: 'text translation' },
  'document-translation': { use: 'document translation with', plural: 'document translation' },
  search: { use: 'search with', plural: 'search' },
};

/** A policy's status per action, beside the tool's own (absent: the tool's status applies). */
export type ActionPolicies = Partial<Record<ToolAction, PolicyStatus>>;

/**
 * A request pattern that tells one action of a tool from its other traffic. Matched only where
 * the log carries the URL path (Squid with SSL inspection, Zscaler NSS, Umbrella proxy); the
 * first rule of a tool that matches names the action.
 */
export interface ActionRule {
  action: ToolAction;
  /** a host of the tool (and its subdomains); absent: any host the tool's domains match */
  host?: string;
  /** URL path pattern from the first `/`: `*` is one path segment or part of one, `**` anything */
  path: string;
  /** HTTP method, upper case (POST); absent: any */
  method?: string;
  /** the request must carry at least this many bytes up (a file, not a prompt) */
  minBytesUp?: number;
  /** where the path was read: the vendor's API reference, or a published request capture */
  source: string;
  /** how sure the path is to mean the action: high (vendor-documented) | medium (observed) */
  confidence: 'high' | 'medium';
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

/** A request as a proxy log line gives it, for matching a tool's action rules. */
export interface ToolRequest {
  host: string;
  /** URL path without the query string, from the first `/` */
  path: string;
  method?: string;
  bytesUp?: number;
}

/** The byte ranges of a request read on bytes (a log line's host, path and method). */
export interface RequestBytes {
  hostStart: number;
  hostEnd: number;
  /** the path without its query, from the first `/` */
  pathStart: number;
  pathEnd: number;
  /** an empty range: the line names no method */
  methodStart: number;
  methodEnd: number;
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
  /** a Chrome Web Store extension id */
  matchBrowserExtension?(id: string): string | undefined;
  /** the action a request to a tool is (ActionRule), or undefined when no rule says */
  matchAction?(toolId: string, request: ToolRequest): ToolAction | undefined;
  /**
   * matchAction for a request read on bytes, without its strings; null when only the strings can
   * tell (then ask matchAction)
   */
  matchActionBytes?(
    toolId: string,
    buf: Buffer,
    request: RequestBytes,
    bytesUp: number | undefined,
  ): ToolAction | undefined | null;
  /** a free-text name from a survey answer ("Claude Code", "chat gpt") */
  matchName(text: string): string | undefined;
  /**
   * The tool whose name or alias is exactly `text` (case, spaces and punctuation aside), never a
   * name found inside it. A name that is also an ordinary word ("Continue", "Devin") only counts
   * when it is the whole answer. Matchers without it are read as exact through matchName.
   */
  matchExactName?(text: string, wholeAnswer: boolean): string | undefined;
}
