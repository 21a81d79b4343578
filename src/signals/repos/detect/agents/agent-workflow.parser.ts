import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { isRecord } from './config-text';

/** A CI job that runs an AI coding agent, with what its token may do and the secrets it gets. */
export interface AgentWorkflowJob {
  /** catalog id of the agent */
  client: string;
  path: string;
  job: string;
  line?: number;
  /** the action (`uses`) or command that starts the agent */
  runs: string;
  /** events that start the workflow */
  triggers: string[];
  /** GITHUB_TOKEN permissions in force: explicit scopes, write-all / read-all, or the default */
  permissions: Record<string, string> | 'write-all' | 'read-all' | 'default';
  /** scopes the token may write (["(default token)"] when none are set: write unless the org restricts it) */
  writeScopes: string[];
  /** names of the secrets the job reads (never their values) */
  secrets: string[];
}

// Actions that run a coding agent (the action repository, without @ref).
const AGENT_ACTIONS: [RegExp, string][] = [
  [/^anthropics\/claude-code(-base)?-action$/i, 'claude-code'],
  [/^openai\/codex-action$/i, 'openai-codex'],
  [/^google-github-actions\/run-gemini-cli$/i, 'gemini-cli'],
  [/^(sst|anomalyco)\/opencode\/github$/i, 'opencode'],
  [/^qwenlm\/qwen-code-action$/i, 'qwen-code'],
];

// Commands that start an agent non-interactively in a `run:` step (at the start of a command).
const START = String.raw`(?:^|[\n;&|]\s*|\$\(\s*)`;
const AGENT_COMMANDS: [RegExp, string][] = [
  [
    new RegExp(
      `${START}(?:npx\\s+(?:-y\\s+)?@anthropic-ai/claude-code|claude\\s+(?:-p|--print|--dangerously-skip-permissions)\\b)`,
    ),
    'claude-code',
  ],
  [new RegExp(`${START}(?:npx\\s+(?:-y\\s+)?@openai/codex|codex\\s+exec\\b)`), 'openai-codex'],
  [
    new RegExp(
      `${START}(?:npx\\s+(?:-y\\s+)?@google/gemini-cli|gemini\\s+(?:-p|--prompt|--yolo|-y)\\b)`,
    ),
    'gemini-cli',
  ],
  [new RegExp(`${START}aider\\s+(?:--yes|--yes-always|--message|-m)\\b`), 'aider'],
  [new RegExp(`${START}opencode\\s+run\\b`), 'opencode'],
];

const SECRET = /\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function permissionsOf(v: unknown): AgentWorkflowJob['permissions'] | undefined {
  if (v === undefined || v === null) return undefined;
  if (v === 'write-all' || v === 'read-all') return v;
  if (isRecord(v)) {
    const out: Record<string, string> = {};
    for (const [k, level] of Object.entries(v)) out[k] = String(level);
    return out;
  }
  return undefined;
}

function writeScopes(p: AgentWorkflowJob['permissions']): string[] {
  if (p === 'write-all') return ['(all scopes)'];
  if (p === 'read-all') return [];
  if (p === 'default') return ['(default token)'];
  return Object.entries(p)
    .filter(([, level]) => level === 'write')
    .map(([scope]) => scope)
    .sort();
}

function triggersOf(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((x): x is string => typeof x === 'string');
  if (isRecord(on)) return Object.keys(on);
  return [];
}

function keyLine(
  node: Node | null | undefined,
  key: string,
  lines: LineCounter,
): number | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
      return lines.linePos(pair.key.range[0]).line;
    }
  }
  return undefined;
}

/** Jobs of a workflow that run an AI agent; a workflow that only names one in prose yields none. */
export function parseAgentWorkflow(path: string, content: string): AgentWorkflowJob[] {
  const lines = new LineCounter();
  const doc = parseDocument(content, { lineCounter: lines, uniqueKeys: false });
  if (doc.errors.length > 0) return [];
  const root: unknown = doc.toJS();
  if (!isRecord(root) || !isRecord(root.jobs)) return [];
  // `on` may be read as the boolean true by YAML 1.1 readers; yaml 2 keeps it as a string key
  const triggers = triggersOf(root.on ?? (root as Record<string, unknown>)['true']);
  const topPermissions = permissionsOf(root.permissions);
  const topSecrets = [...JSON.stringify(root.env ?? {}).matchAll(SECRET)].map((m) => m[1]);
  const jobsNode = isMap(doc.contents) ? doc.contents.get('jobs', true) : undefined;
  const out: AgentWorkflowJob[] = [];
  const copilotSetup = /(^|\/)copilot-setup-steps\.ya?ml$/.test(path);

  for (const [jobId, job] of Object.entries(root.jobs)) {
    if (!isRecord(job)) continue;
    const steps = Array.isArray(job.steps) ? job.steps.filter(isRecord) : [];
    let client: string | undefined;
    let runs: string | undefined;
    for (const step of steps) {
      if (typeof step.uses === 'string') {
        const action = step.uses.split('@')[0].trim();
        const hit = AGENT_ACTIONS.find(([re]) => re.test(action));
        if (hit) {
          [client, runs] = [hit[1], step.uses.trim()];
          break;
        }
      }
      if (typeof step.run === 'string') {
        const hit = AGENT_COMMANDS.find(([re]) => re.test(step.run as string));
        if (hit) {
          const m = hit[0].exec(step.run)!;
          [client, runs] = [hit[1], m[0].trim().replace(/^[;&|$(\s]+/, '')];
          break;
        }
      }
    }
    // GitHub's Copilot coding agent runs this job to prepare its environment
    if (!client && copilotSetup && jobId === 'copilot-setup-steps') {
      [client, runs] = ['github-copilot', 'copilot coding agent (copilot-setup-steps)'];
    }
    if (!client || !runs) continue;
    const permissions = permissionsOf(job.permissions) ?? topPermissions ?? 'default';
    const secrets = new Set([
      ...topSecrets,
      ...[...JSON.stringify(job).matchAll(SECRET)].map((m) => m[1]),
    ]);
    out.push({
      client,
      path,
      job: jobId,
      line: keyLine(isMap(jobsNode) ? jobsNode : undefined, jobId, lines),
      runs,
      triggers,
      permissions,
      writeScopes: writeScopes(permissions),
      secrets: [...secrets].sort(),
    });
  }
  return out;
}
