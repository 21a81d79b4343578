import { isMap, LineCounter, parseDocument, stringify, type Node } from 'yaml';
import { DATA_CLASSES, POLICY_STATUSES, type DataClass, type PolicyStatus } from './catalog.types';
import { overridesFromBlock, overridesToBlock, type FactOverride } from './facts/fact-override';
import { FACT_PLANS, type FactPlan } from './facts/vendor-facts.types';
import { checkFactsBlock } from './facts/vendor-facts.validator';

/** What the organisation decided about one tool. */
export interface ToolPolicy {
  toolId: string;
  status: PolicyStatus;
  dataClasses: DataClass[];
  /** sanctioned only through the organisation's own tenant (e.g. Copilot through org seats) */
  tenantBound: boolean;
  note: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** who answers for the tool's use (a team or role, not a person's name), for the AI register */
  owner?: string | null;
  /** what the organisation uses the tool for */
  purpose?: string | null;
  /** the date (YYYY-MM-DD) the decision is due for review */
  nextReview?: string | null;
  /** the plan the organisation holds: its vendor facts govern sanctioned and tolerated use */
  plan?: FactPlan | null;
}

/** The register fields a change may carry; left out (undefined) they keep their stored value. */
export const STEWARDSHIP_FIELDS = ['owner', 'purpose', 'nextReview'] as const;

/** A policy as set by a person or a file: who and when are filled in by the service. */
export type PolicyChange = Pick<
  ToolPolicy,
  'toolId' | 'status' | 'dataClasses' | 'tenantBound' | 'note'
> &
  Partial<Pick<ToolPolicy, (typeof STEWARDSHIP_FIELDS)[number] | 'plan'>>;

export interface PolicyFileProblem {
  line: number | null;
  field: string;
  message: string;
}

export const POLICY_FILE_VERSION = 1;
const POLICY_KEYS = new Set([
  'status',
  'dataClasses',
  'tenantBound',
  'note',
  'decidedBy',
  'decidedAt',
  'plan',
  'facts',
  ...STEWARDSHIP_FIELDS,
]);

/** The policy file kept in git: unreviewed tools are left out, tools in id order. */
export function policiesToYaml(
  policies: readonly ToolPolicy[],
  overrides: readonly FactOverride[] = [],
): string {
  const body: Record<string, unknown> = {};
  const overridden = new Map<string, FactOverride[]>();
  for (const o of overrides) overridden.set(o.toolId, [...(overridden.get(o.toolId) ?? []), o]);
  for (const p of [...policies].sort((a, b) => a.toolId.localeCompare(b.toolId))) {
    const facts = overridden.get(p.toolId);
    if (
      p.status === 'unreviewed' &&
      !p.note &&
      p.dataClasses.length === 0 &&
      !p.tenantBound &&
      !p.plan &&
      !facts
    )
      continue;
    body[p.toolId] = {
      status: p.status,
      dataClasses: p.dataClasses,
      tenantBound: p.tenantBound,
      ...(p.note ? { note: p.note } : {}),
      ...(p.owner ? { owner: p.owner } : {}),
      ...(p.purpose ? { purpose: p.purpose } : {}),
      ...(p.nextReview ? { nextReview: p.nextReview } : {}),
      ...(p.plan ? { plan: p.plan } : {}),
      ...(p.decidedBy ? { decidedBy: p.decidedBy } : {}),
      ...(p.decidedAt ? { decidedAt: p.decidedAt.toISOString() } : {}),
      ...(facts ? { facts: overridesToBlock(facts) } : {}),
    };
  }
  const header =
    '# AI Census tool policy. status: sanctioned | tolerated | under-review | prohibited | unreviewed\n' +
    `# dataClasses: ${DATA_CLASSES.join(', ')}\n` +
    `# plan: the plan the organisation holds (${FACT_PLANS.join(' | ')})\n` +
    '# facts: organisation overrides of vendor facts, each with an https source and the date checked\n';
  return header + stringify({ version: POLICY_FILE_VERSION, policies: body }, { lineWidth: 0 });
}

/**
 * Reads a policy file. Every problem is returned with its line, so the whole file can be fixed
 * in one pass; nothing is applied unless there are none. decidedBy/decidedAt in the file are
 * informational: whoever imports the file becomes the decider.
 */
export function parsePolicyYaml(
  text: string,
  knownToolIds: ReadonlySet<string>,
  now = new Date(),
): { changes: PolicyChange[]; overrides: FactOverride[]; problems: PolicyFileProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problems: PolicyFileProblem[] = [];
  const lineOf = (node: unknown): number | null => {
    const range = (node as Node | undefined)?.range;
    return range ? lines.linePos(range[0]).line : null;
  };
  if (doc.errors.length > 0) {
    return {
      changes: [],
      overrides: [],
      problems: doc.errors.map((e) => ({
        line: e.linePos?.[0].line ?? null,
        field: '(yaml)',
        message: e.message.split('\n')[0],
      })),
    };
  }
  const root = doc.contents;
  if (!isMap(root)) {
    return {
      changes: [],
      overrides: [],
      problems: [
        { line: 1, field: '(file)', message: 'must be a mapping with version and policies' },
      ],
    };
  }
  const version = doc.get('version');
  if (version !== POLICY_FILE_VERSION) {
    problems.push({
      line: lineOf(doc.get('version', true)) ?? 1,
      field: 'version',
      message: `must be ${POLICY_FILE_VERSION}`,
    });
  }
  const policies = doc.get('policies', true);
  if (!isMap(policies)) {
    problems.push({
      line: lineOf(policies) ?? 1,
      field: 'policies',
      message: 'must be a mapping of tool id to policy',
    });
    return { changes: [], overrides: [], problems };
  }
  const changes: PolicyChange[] = [];
  const overrides: FactOverride[] = [];
  for (const pair of policies.items) {
    const toolId = String((pair.key as { value?: unknown })?.value ?? pair.key);
    const line = lineOf(pair.key);
    const fail = (field: string, message: string, node?: unknown) =>
      problems.push({ line: lineOf(node) ?? line, field: `policies.${toolId}${field}`, message });
    if (!knownToolIds.has(toolId)) {
      fail('', 'is not a tool in the catalog');
      continue;
    }
    if (!isMap(pair.value)) {
      fail('', 'must be a mapping with status, dataClasses, tenantBound and note');
      continue;
    }
    const entry = pair.value;
    const raw = entry.toJSON() as Record<string, unknown>;
    for (const key of Object.keys(raw)) {
      if (!POLICY_KEYS.has(key)) fail(`.${key}`, 'is not a known field', entry.get(key, true));
    }
    const status = raw.status;
    if (!POLICY_STATUSES.includes(status as PolicyStatus)) {
      fail('.status', `must be one of ${POLICY_STATUSES.join(', ')}`, entry.get('status', true));
    }
    const dataClasses = raw.dataClasses ?? [];
    if (
      !Array.isArray(dataClasses) ||
      dataClasses.some((c) => !DATA_CLASSES.includes(c as DataClass))
    ) {
      fail(
        '.dataClasses',
        `must be a list of ${DATA_CLASSES.join(', ')}`,
        entry.get('dataClasses', true),
      );
    }
    const tenantBound = raw.tenantBound ?? false;
    if (typeof tenantBound !== 'boolean')
      fail('.tenantBound', 'must be true or false', entry.get('tenantBound', true));
    const note = raw.note ?? null;
    if (note !== null && typeof note !== 'string')
      fail('.note', 'must be text', entry.get('note', true));
    const stewardship: Partial<Record<(typeof STEWARDSHIP_FIELDS)[number], string | null>> = {};
    for (const field of STEWARDSHIP_FIELDS) {
      if (!(field in raw)) continue;
      const value = stewardshipValue(field, raw[field]);
      if (typeof value === 'object' && value !== null) {
        fail(`.${field}`, value.problem, entry.get(field, true));
      } else stewardship[field] = value;
    }
    const plan = raw.plan;
    if (plan !== undefined && plan !== null && !FACT_PLANS.includes(plan as FactPlan))
      fail('.plan', `must be one of ${FACT_PLANS.join(', ')}`, entry.get('plan', true));
    if (raw.facts !== undefined) {
      const block = checkFactsBlock(
        raw.facts,
        now,
        (field, message) => fail(`.facts.${field}`, message, entry.get('facts', true)),
        { entry: false },
      );
      if (block) overrides.push(...overridesFromBlock(toolId, block));
    }
    changes.push({
      toolId,
      status: status as PolicyStatus,
      dataClasses: Array.isArray(dataClasses) ? [...new Set(dataClasses as DataClass[])] : [],
      tenantBound: tenantBound === true,
      note: typeof note === 'string' ? note : null,
      ...stewardship,
      ...(plan !== undefined ? { plan: (plan as FactPlan | null) ?? null } : {}),
    });
  }
  return problems.length > 0
    ? { changes: [], overrides: [], problems }
    : { changes, overrides, problems };
}

/**
 * A register field as a file or request gives it: text (null clears it); nextReview a real
 * calendar date written YYYY-MM-DD (YAML reads an unquoted date as text here, so both forms work).
 */
export function stewardshipValue(
  field: (typeof STEWARDSHIP_FIELDS)[number],
  value: unknown,
): string | null | { problem: string } {
  if (value === null) return null;
  if (field === 'nextReview' && value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return { problem: 'must be text' };
  const text = value.trim();
  if (text.length > 500) return { problem: 'must be at most 500 characters' };
  if (field !== 'nextReview') return text === '' ? null : text;
  if (!isCalendarDate(text)) return { problem: 'must be a date written YYYY-MM-DD' };
  return text;
}

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
