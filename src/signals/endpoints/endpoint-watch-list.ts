// What the endpoint collector looks for beyond the catalog's IDE and browser extension ids: AI
// command-line tools by the name they install on PATH. A value of null keeps the item as
// inventory without claiming a catalog tool.

/**
 * Command name → catalog tool. Names that are ordinary words (`q`, `vibe`, `code`) are left out,
 * and so is `goose`: pressly/goose, a SQL migration tool, installs a command of the same name.
 */
export const AI_EXECUTABLES: Readonly<Record<string, string | null>> = {
  claude: 'claude-code',
  codex: 'openai-codex',
  gemini: 'gemini-cli',
  aider: 'aider',
  'cursor-agent': 'cursor',
  cursor: 'cursor',
  windsurf: 'windsurf',
  opencode: 'opencode',
  amp: 'amp',
  crush: 'crush',
  qwen: 'qwen-code',
  copilot: 'github-copilot',
  auggie: 'augment-code',
  'kiro-cli': 'kiro',
  kiro: 'kiro',
  trae: 'trae',
  droid: 'factory-droid',
  cline: 'cline',
  kimi: 'kimi-cli',
  openhands: 'openhands',
  plandex: 'plandex',
  ollama: 'ollama',
  lms: 'lm-studio',
  'llama-server': 'llama-cpp',
  'llama-cli': 'llama-cpp',
  llamafile: 'llamafile',
  ramalama: 'ramalama',
  vllm: 'vllm',
  'open-webui': 'open-webui',
  // Simon Willison's `llm` and shell-gpt: AI command-line tools the catalog does not list
  llm: null,
  sgpt: null,
};

/**
 * Commands another product also installs under the same name: they count only when the npm
 * package behind them is the AI tool's (AWS Copilot's `copilot`, a Go binary, has none).
 */
export const EXECUTABLE_PACKAGES: Readonly<Record<string, string>> = {
  copilot: '@github/copilot',
  amp: '@sourcegraph/amp',
};

/** The MCP client a configuration file belongs to → the catalog tool that client is. */
export const MCP_CLIENT_TOOLS: Readonly<Record<string, string | null>> = {
  'claude-desktop': 'claude',
  'claude-code': 'claude-code',
  cursor: 'cursor',
  windsurf: 'windsurf',
  cline: 'cline',
  'gemini-cli': 'gemini-cli',
  codex: 'openai-codex',
  opencode: 'opencode',
  zed: 'zed-ai',
  'lm-studio': 'lm-studio',
  'amazon-q': 'amazon-q-developer',
  // VS Code's own mcp.json serves whichever agent runs in it
  vscode: null,
};

/** Local runtimes as the collector names them → catalog tools (same ids today). */
export const RUNTIME_TOOLS: Readonly<Record<string, string>> = {
  ollama: 'ollama',
  'lm-studio': 'lm-studio',
  'llama-cpp': 'llama-cpp',
  gpt4all: 'gpt4all',
  jan: 'jan',
};

/** The body of GET /api/endpoints/catalog: what the collector should look for. */
export interface CollectorWatchList {
  ideExtensions: string[];
  browserExtensions: string[];
  executables: string[];
}

export function collectorWatchList(
  ideExtensionIds: Iterable<string>,
  browserExtensionIds: Iterable<string>,
): CollectorWatchList {
  const lower = (ids: Iterable<string>) =>
    [...new Set([...ids].map((id) => id.toLowerCase()))].sort();
  return {
    ideExtensions: lower(ideExtensionIds),
    // the catalog's browserExtensions rules (Chrome Web Store ids)
    browserExtensions: lower(browserExtensionIds),
    executables: Object.keys(AI_EXECUTABLES).sort(),
  };
}
