// AI disclosure trailers as projects write them now: `Assisted-by: AGENT:MODEL` (the Linux
// kernel's form), `Generated-by:`, `AI-assisted:` / `AI-Assisted-By:`, `Made-with:`, and
// `Co-developed-by:` when its address is an AI's. The value maps to a tool by exact name or
// alias, else by a model only that tool serves, else (a model shared by many tools) to the
// generic assistant. A person named in one of them ("Cursor Smith", a human's address) is not AI.

const TRAILER =
  /^[ \t>]*(assisted-by|generated-by|ai-assisted-by|ai-assisted|made-with|co-developed-by)[ \t]*:[ \t]*(.+?)[ \t]*$/gim;
const EMAIL = /<([^<>\s]+@[^<>\s]+)>/;
const YES = /^(yes|true|y|1|partially|partly|partial)\b/i;

export interface TrailerResolvers {
  /** the tool a whole name or alias is (never a phrase inside a longer text) */
  byName(text: string): string | undefined;
  byModel(text: string): string | undefined;
  byEmail(email: string): string | undefined;
  /** the "AI assistant (unspecified)" tool, when the catalog has it */
  genericId?: string;
}

export interface TrailerMatch {
  toolId: string;
  rule: string;
}

export function matchDisclosureTrailers(message: string, r: TrailerResolvers): TrailerMatch[] {
  const out: TrailerMatch[] = [];
  for (const m of message.matchAll(TRAILER)) {
    const key = canonicalKey(m[1]);
    const toolId = resolveValue(key, m[2], r);
    if (toolId) out.push({ toolId, rule: `trailer:${key}` });
  }
  return out;
}

const KEYS: Record<string, string> = {
  'assisted-by': 'Assisted-by',
  'generated-by': 'Generated-by',
  'ai-assisted-by': 'AI-Assisted-By',
  'ai-assisted': 'AI-assisted',
  'made-with': 'Made-with',
  'co-developed-by': 'Co-developed-by',
};

function canonicalKey(raw: string): string {
  return KEYS[raw.toLowerCase()] ?? raw;
}

function resolveValue(key: string, raw: string, r: TrailerResolvers): string | undefined {
  const email = EMAIL.exec(raw)?.[1];
  // an address decides alone: a human's address is a human whatever the name says
  if (email) return r.byEmail(email);
  if (key === 'Co-developed-by') return undefined;
  const unlinked = raw
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^["'`]|["'`]$/g, '')
    .trim();
  if (!unlinked || /^[a-z][a-z0-9+.-]*:\/\//i.test(unlinked)) return undefined;
  // `Claude Opus 4.8 [claude-code]`: bracketed names list the tools that ran the model
  const bracketed = [...unlinked.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1].trim());
  const value = unlinked.replace(/\s*\[[^\]]*\]/g, '').trim();
  const { agent, model } = splitAgentModel(value);
  const named =
    r.byName(agent) ??
    (model ? r.byName(model) : undefined) ??
    bracketed.map((b) => r.byName(b)).find((t) => t !== undefined);
  if (named) return named;
  const modelTool = (model && r.byModel(model)) ?? r.byModel(agent);
  if (modelTool) return modelTool;
  // `AI-assisted: yes` declares AI help without naming it
  if ((key === 'AI-assisted' || key === 'AI-Assisted-By') && YES.test(value)) return r.genericId;
  return undefined;
}

/** `Claude:claude-3-opus coccinelle`, `Cursor (Claude Sonnet 4.5)`, or a bare name or model. */
function splitAgentModel(value: string): { agent: string; model?: string } {
  const kernel = /^([^\s:]+):(?!\/\/)(\S+)/.exec(value);
  if (kernel) return { agent: kernel[1], model: kernel[2] };
  const paren = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(value);
  if (paren && paren[1]) return { agent: paren[1], model: paren[2] };
  return { agent: value };
}
