import { frontMatter, isRecord, lineOfKey, parseConfigText, stringList } from './config-text';

/** What an agent definition or a permission file lets a coding agent do, in short. */
export interface AgentPermission {
  /** catalog id of the agent (claude-code, gemini-cli, github-copilot, …) */
  client: string;
  kind: 'settings' | 'sub-agent' | 'skill' | 'command' | 'custom-agent' | 'chat-mode' | 'prompt';
  name: string;
  path: string;
  line?: number;
  /** may run any shell command without asking */
  unrestrictedShell: boolean;
  /** shell access: none, some commands allowed, asks first, or any */
  shell: 'none' | 'scoped' | 'ask' | 'any';
  /** may fetch from the network without asking */
  network: boolean;
  /** file writes allowed without asking */
  write: 'none' | 'scoped' | 'any';
  /** every permission prompt skipped (bypassPermissions, approval never, full access) */
  bypass: boolean;
  /** tools or permission rules granted, as written (tokens masked) */
  allowed: string[];
  denied: string[];
  /** hook events that run commands */
  hooks: string[];
}

// A secret pasted into a rule ("Bash(curl -H 'Authorization: Bearer …')") is masked.
function mask(rule: string): string {
  const m = rule.replace(/[A-Za-z0-9_\-+/=]{24,}/g, '…');
  return m.length > 120 ? `${m.slice(0, 117)}…` : m;
}

function blank(
  client: string,
  kind: AgentPermission['kind'],
  name: string,
  path: string,
): AgentPermission {
  return {
    client,
    kind,
    name,
    path,
    unrestrictedShell: false,
    shell: 'none',
    network: false,
    write: 'none',
    bypass: false,
    allowed: [],
    denied: [],
    hooks: [],
  };
}

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** Claude Code permission rules: `Tool` or `Tool(specifier)`. */
function claudeRules(p: AgentPermission, allow: string[], deny: string[]): void {
  const tool = (r: string) => /^([A-Za-z]+)(?:\((.*)\))?$/.exec(r.trim());
  const bareDenied = (t: string) => deny.some((r) => r.trim() === t || r.trim() === `${t}(*)`);
  for (const r of allow) {
    const m = tool(r);
    if (!m) continue;
    const [, name, spec] = m;
    const any = spec === undefined || /^(\*|\*:\*|:\*|\*\*|\/\*\*|\.\/\*\*)$/.test(spec.trim());
    if (name === 'Bash' && !bareDenied('Bash')) {
      if (any) p.unrestrictedShell = true;
      if (p.shell !== 'any') p.shell = any ? 'any' : 'scoped';
      if (!any && /^(curl|wget|http|nc|ssh|scp)\b/.test(spec)) p.network = true;
    }
    if ((name === 'WebFetch' || name === 'WebSearch') && !bareDenied(name)) p.network = true;
    if (['Edit', 'Write', 'MultiEdit', 'NotebookEdit'].includes(name) && !bareDenied(name)) {
      p.write = any ? 'any' : p.write === 'any' ? 'any' : 'scoped';
    }
  }
}

function readClaudeSettings(path: string, text: string): AgentPermission[] {
  const parsed = parseConfigText(text, 'json');
  if ('error' in parsed || !isRecord(parsed.value)) return [];
  const root = parsed.value;
  const perms = isRecord(root.permissions) ? root.permissions : {};
  const allow = stringList(perms.allow);
  const deny = stringList(perms.deny);
  const hooks = isRecord(root.hooks) ? Object.keys(root.hooks).sort() : [];
  const mode = typeof perms.defaultMode === 'string' ? perms.defaultMode : undefined;
  if (allow.length === 0 && deny.length === 0 && hooks.length === 0 && !mode) return [];
  const p = blank('claude-code', 'settings', base(path), path);
  p.line = lineOfKey(text, 'permissions') ?? lineOfKey(text, 'hooks');
  p.allowed = allow.map(mask);
  p.denied = deny.map(mask);
  p.hooks = hooks;
  claudeRules(p, allow, deny);
  if (mode === 'bypassPermissions') {
    Object.assign(p, {
      bypass: true,
      unrestrictedShell: true,
      shell: 'any',
      network: true,
      write: 'any',
    });
  } else if (mode === 'acceptEdits') p.write = 'any';
  if (p.shell === 'none' && allow.length === 0) p.shell = 'ask';
  return [p];
}

/** Tools of a Markdown agent: a list, or a comma-separated string. */
function toolList(v: unknown): string[] | undefined {
  if (typeof v === 'string')
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(v)) return stringList(v);
  return undefined;
}

function readMarkdownAgent(
  path: string,
  text: string,
  client: string,
  kind: AgentPermission['kind'],
  toolsKey: string[],
  shellTools: RegExp,
  netTools: RegExp,
  writeTools: RegExp,
): AgentPermission[] {
  const fm = frontMatter(text);
  if (!fm) return [];
  const tools = toolsKey.map((k) => toolList(fm[k])).find((t) => t !== undefined);
  // a definition without a name or tools is some other Markdown file with front matter
  if (typeof fm.name !== 'string' && typeof fm.description !== 'string' && !tools) return [];
  const name =
    typeof fm.name === 'string'
      ? fm.name
      : base(path).replace(/(\.agent|\.chatmode|\.prompt)?\.md$/i, '');
  const p = blank(client, kind, name, path);
  p.line = 1;
  if (tools === undefined) {
    // no list: the agent inherits every tool of the session, and its prompts
    p.allowed = ['(inherits all tools)'];
    p.shell = 'ask';
    return [p];
  }
  p.allowed = tools.map(mask);
  if (tools.some((t) => t === '*' || shellTools.test(t))) p.shell = 'ask';
  if (tools.some((t) => t === '*' || netTools.test(t))) p.network = true;
  if (tools.some((t) => t === '*' || writeTools.test(t))) p.write = 'any';
  return [p];
}

function readGeminiSettings(path: string, text: string): AgentPermission[] {
  const parsed = parseConfigText(text, 'json');
  if ('error' in parsed || !isRecord(parsed.value)) return [];
  const root = parsed.value;
  const tools = isRecord(root.tools) ? root.tools : {};
  const general = isRecord(root.general) ? root.general : {};
  const core = stringList(tools.core ?? root.coreTools);
  const exclude = stringList(tools.exclude ?? root.excludeTools);
  const allowed = stringList(tools.allowed ?? root.allowedTools);
  const autoAccept = tools.autoAccept === true || root.autoAccept === true;
  const mode =
    typeof general.defaultApprovalMode === 'string' ? general.defaultApprovalMode : undefined;
  if (!core.length && !exclude.length && !allowed.length && !autoAccept && !mode) return [];
  const p = blank('gemini-cli', 'settings', 'settings.json', path);
  p.line = lineOfKey(text, 'tools') ?? lineOfKey(text, 'coreTools') ?? lineOfKey(text, 'general');
  p.allowed = [...core, ...allowed].map(mask);
  p.denied = exclude.map(mask);
  const shellExcluded = exclude.some((t) => /^(run_shell_command|ShellTool)$/.test(t));
  // tools.allowed skips the confirmation: a bare shell tool there runs any command
  for (const t of allowed) {
    const m = /^(run_shell_command|ShellTool)(?:\((.*)\))?$/.exec(t);
    if (m && !shellExcluded) {
      p.shell = m[2] === undefined ? 'any' : p.shell === 'any' ? 'any' : 'scoped';
      if (m[2] === undefined) p.unrestrictedShell = true;
    }
    if (/^(web_fetch|WebFetchTool|google_web_search)$/.test(t)) p.network = true;
    if (/^(write_file|replace|WriteFileTool|EditTool)$/.test(t)) p.write = 'any';
  }
  if (p.shell === 'none' && !shellExcluded) p.shell = 'ask';
  if (mode === 'auto_edit') p.write = 'any';
  return [p];
}

function readCodexConfig(path: string, text: string): AgentPermission[] {
  const parsed = parseConfigText(text, 'toml');
  if ('error' in parsed || !isRecord(parsed.value)) return [];
  const root = parsed.value;
  const approval = typeof root.approval_policy === 'string' ? root.approval_policy : undefined;
  const sandbox = typeof root.sandbox_mode === 'string' ? root.sandbox_mode : undefined;
  const ww = isRecord(root.sandbox_workspace_write) ? root.sandbox_workspace_write : {};
  if (!approval && !sandbox) return [];
  const p = blank('openai-codex', 'settings', 'config.toml', path);
  p.line = lineOfKey(text, approval ? 'approval_policy' : 'sandbox_mode');
  p.allowed = [
    ...(approval ? [`approval_policy=${approval}`] : []),
    ...(sandbox ? [`sandbox_mode=${sandbox}`] : []),
  ];
  p.shell = approval === 'never' ? 'any' : 'ask';
  if (sandbox === 'danger-full-access') {
    Object.assign(p, { network: true, write: 'any' });
    if (approval === 'never') Object.assign(p, { bypass: true, unrestrictedShell: true });
  } else if (sandbox === 'workspace-write') {
    p.write = 'scoped';
    p.network = ww.network_access === true;
  }
  return [p];
}

function readCursorCli(path: string, text: string): AgentPermission[] {
  const parsed = parseConfigText(text, 'json');
  if ('error' in parsed || !isRecord(parsed.value) || !isRecord(parsed.value.permissions))
    return [];
  const allow = stringList(parsed.value.permissions.allow);
  const deny = stringList(parsed.value.permissions.deny);
  if (!allow.length && !deny.length) return [];
  const p = blank('cursor', 'settings', base(path), path);
  p.line = lineOfKey(text, 'permissions');
  p.allowed = allow.map(mask);
  p.denied = deny.map(mask);
  for (const r of allow) {
    const m = /^(Shell|Write|Read)\((.*)\)$/.exec(r.trim());
    if (!m) continue;
    const any = /^(\*|\*\*|\*\*\/\*)$/.test(m[2].trim());
    if (m[1] === 'Shell') {
      p.shell = any ? 'any' : p.shell === 'any' ? 'any' : 'scoped';
      if (any) p.unrestrictedShell = true;
    }
    if (m[1] === 'Write') p.write = any ? 'any' : p.write === 'any' ? 'any' : 'scoped';
  }
  return [p];
}

function readAmazonQAgent(path: string, text: string): AgentPermission[] {
  const parsed = parseConfigText(text, 'json');
  if ('error' in parsed || !isRecord(parsed.value)) return [];
  const root = parsed.value;
  const tools = stringList(root.tools);
  const allowed = stringList(root.allowedTools);
  if (!tools.length && !allowed.length) return [];
  const p = blank(
    'amazon-q-developer',
    'custom-agent',
    typeof root.name === 'string' ? root.name : base(path),
    path,
  );
  p.line = lineOfKey(text, 'allowedTools') ?? lineOfKey(text, 'tools');
  p.allowed = [...tools, ...allowed.map((t) => `${t} (no prompt)`)].map(mask);
  const trusted = (re: RegExp) => allowed.some((t) => t === '*' || re.test(t));
  if (trusted(/^(@builtin\/)?execute_(bash|cmd)$/))
    Object.assign(p, { shell: 'any', unrestrictedShell: true });
  else if (tools.some((t) => t === '*' || /execute_(bash|cmd)/.test(t))) p.shell = 'ask';
  if (trusted(/^(@builtin\/)?fs_write$/)) p.write = 'any';
  if (trusted(/^(@builtin\/)?(web_fetch|use_aws)$/)) p.network = true;
  return [p];
}

// Copilot agent and chat-mode tool names (VS Code and the coding agent)
const COPILOT_SHELL = /^(shell|runCommands|runInTerminal|terminal|execute|run_in_terminal)$/i;
const COPILOT_NET = /^(fetch|web|web\/fetch|openSimpleBrowser)$/i;
const COPILOT_WRITE = /^(edit|editFiles|write|new|createFile)$/i;
const CLAUDE_SHELL = /^Bash/;
const CLAUDE_NET = /^(WebFetch|WebSearch)/;
const CLAUDE_WRITE = /^(Edit|Write|MultiEdit|NotebookEdit)/;

interface PermissionFormat {
  /** where the format is documented */
  doc: string;
  matches(path: string): boolean;
  read(path: string, text: string): AgentPermission[];
}

export const PERMISSION_FORMATS: PermissionFormat[] = [
  {
    doc: 'https://docs.anthropic.com/en/docs/claude-code/settings',
    matches: (p) => /(^|\/)\.claude\/settings(\.local)?\.json$/.test(p),
    read: readClaudeSettings,
  },
  {
    doc: 'https://docs.anthropic.com/en/docs/claude-code/sub-agents',
    matches: (p) => /(^|\/)\.claude\/agents\/[^/]+\.md$/.test(p),
    read: (p, t) =>
      readMarkdownAgent(
        p,
        t,
        'claude-code',
        'sub-agent',
        ['tools'],
        CLAUDE_SHELL,
        CLAUDE_NET,
        CLAUDE_WRITE,
      ),
  },
  {
    doc: 'https://docs.anthropic.com/en/docs/claude-code/skills',
    matches: (p) => /(^|\/)\.claude\/skills\/[^/]+\/SKILL\.md$/.test(p),
    read: (p, t) =>
      readMarkdownAgent(
        p,
        t,
        'claude-code',
        'skill',
        ['allowed-tools'],
        CLAUDE_SHELL,
        CLAUDE_NET,
        CLAUDE_WRITE,
      ),
  },
  {
    doc: 'https://docs.anthropic.com/en/docs/claude-code/slash-commands',
    matches: (p) => /(^|\/)\.claude\/commands\/.+\.md$/.test(p),
    read: (p, t) =>
      frontMatter(t)?.['allowed-tools'] === undefined
        ? []
        : readMarkdownAgent(
            p,
            t,
            'claude-code',
            'command',
            ['allowed-tools'],
            CLAUDE_SHELL,
            CLAUDE_NET,
            CLAUDE_WRITE,
          ),
  },
  {
    doc: 'https://docs.github.com/en/copilot/how-tos/use-copilot-agents/coding-agent/create-custom-agents',
    matches: (p) => /^\.github\/agents\/[^/]+\.md$/.test(p),
    read: (p, t) =>
      readMarkdownAgent(
        p,
        t,
        'github-copilot',
        'custom-agent',
        ['tools'],
        COPILOT_SHELL,
        COPILOT_NET,
        COPILOT_WRITE,
      ),
  },
  {
    doc: 'https://code.visualstudio.com/docs/copilot/customization/custom-chat-modes',
    matches: (p) => /^\.github\/chatmodes\/[^/]+\.chatmode\.md$/.test(p),
    read: (p, t) =>
      readMarkdownAgent(
        p,
        t,
        'github-copilot',
        'chat-mode',
        ['tools'],
        COPILOT_SHELL,
        COPILOT_NET,
        COPILOT_WRITE,
      ),
  },
  {
    doc: 'https://code.visualstudio.com/docs/copilot/customization/prompt-files',
    matches: (p) => /^\.github\/prompts\/[^/]+\.prompt\.md$/.test(p),
    read: (p, t) =>
      frontMatter(t)?.tools === undefined
        ? []
        : readMarkdownAgent(
            p,
            t,
            'github-copilot',
            'prompt',
            ['tools'],
            COPILOT_SHELL,
            COPILOT_NET,
            COPILOT_WRITE,
          ),
  },
  {
    doc: 'https://github.com/google-gemini/gemini-cli/blob/main/docs/reference/configuration.md',
    matches: (p) => /(^|\/)\.gemini\/settings\.json$/.test(p),
    read: readGeminiSettings,
  },
  {
    doc: 'https://github.com/openai/codex/blob/main/docs/config.md',
    matches: (p) => /(^|\/)\.codex\/config\.toml$/.test(p),
    read: readCodexConfig,
  },
  {
    doc: 'https://docs.cursor.com/en/cli/reference/permissions',
    matches: (p) => /(^|\/)\.cursor\/cli\.json$/.test(p),
    read: readCursorCli,
  },
  {
    doc: 'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/command-line-custom-agents.html',
    matches: (p) => /(^|\/)\.amazonq\/(cli-)?agents\/[^/]+\.json$/.test(p),
    read: readAmazonQAgent,
  },
];

export function isPermissionPath(path: string): boolean {
  return PERMISSION_FORMATS.some((f) => f.matches(path));
}

/** The agent definitions and permission settings in one file (none for a lookalike). */
export function parseAgentPermissions(path: string, text: string): AgentPermission[] {
  const f = PERMISSION_FORMATS.find((x) => x.matches(path));
  return f ? f.read(path, text) : [];
}
