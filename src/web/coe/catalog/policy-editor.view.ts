import type { CatalogToolView } from '../../../catalog/catalog.service';
import {
  DATA_CLASSES,
  ECOSYSTEMS,
  POLICY_STATUSES,
  type DataClass,
  type PolicyStatus,
  type ToolRules,
} from '../../../catalog/catalog.types';
import { factRows, type FactRow } from '../../../catalog/facts/fact-rows';
import { factsInForce } from '../../../catalog/facts/plan-in-force';
import { FACT_PLAN_LABELS, FACT_PLANS } from '../../../catalog/facts/vendor-facts.types';
import type { PolicyChange } from '../../../catalog/policy-yaml';
import {
  enumLabel,
  formChoice,
  formFlag,
  formList,
  formText,
  type CoeFieldError,
  type CoeFormBody,
} from '../coe-form';

export const POLICY_NOTE_MAX = 2000;

export interface CoeCheckOption {
  value: string;
  label: string;
  checked: boolean;
}

/** An audit record of a policy change, as the audit service returns it. */
export interface PolicyHistoryEvent {
  at: Date;
  actorName: string;
  detail: Record<string, unknown>;
}

export interface PolicyEditorView {
  tool: {
    id: string;
    name: string;
    vendor: string;
    category: string;
    homepage: string | null;
    custom: boolean;
    overridesBuiltin: boolean;
    signals: string;
  };
  statuses: CoeCheckOption[];
  dataClasses: CoeCheckOption[];
  tenantBound: boolean;
  /** the plan the organisation holds; the empty choice is "not stated" */
  plans: CoeCheckOption[];
  note: string;
  decided: string | null;
  errors: CoeFieldError[];
  rules: { label: string; values: string }[];
  vendorFacts: (FactRow & { planLabel: string; inForce: boolean; override: boolean })[];
  /** which plan's terms govern the organisation's use, and why */
  planInForce: string;
  history: { at: string; actor: string; change: string; via: string }[];
}

/** The editor for one tool: its current policy, or what was posted when it had errors. */
export function policyEditorView(
  tool: CatalogToolView,
  history: readonly PolicyHistoryEvent[],
  posted?: { change: PolicyChange; errors: CoeFieldError[] },
): PolicyEditorView {
  const current = posted?.change ?? { ...tool.policy, toolId: tool.id };
  return {
    tool: {
      id: tool.id,
      name: tool.name,
      vendor: tool.vendor,
      category: enumLabel(tool.category),
      homepage: tool.homepage ?? null,
      custom: tool.origin === 'custom',
      overridesBuiltin: tool.overridesBuiltin,
      signals: tool.signals.join(', ') || '—',
    },
    statuses: POLICY_STATUSES.map((s) => ({
      value: s,
      label: enumLabel(s),
      checked: s === current.status,
    })),
    dataClasses: DATA_CLASSES.map((c) => ({
      value: c,
      label: enumLabel(c),
      checked: current.dataClasses.includes(c),
    })),
    tenantBound: current.tenantBound,
    plans: [
      { value: '', label: 'Not stated (consumer terms assumed)', checked: !current.plan },
      ...FACT_PLANS.map((p) => ({
        value: p,
        label: FACT_PLAN_LABELS[p],
        checked: p === current.plan,
      })),
    ],
    note: current.note ?? '',
    decided:
      tool.policy.decidedBy && tool.policy.decidedAt
        ? `${tool.policy.decidedBy}, ${new Date(tool.policy.decidedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`
        : null,
    errors: posted?.errors ?? [],
    rules: rulesSummary(tool.rules),
    ...vendorFacts(tool),
    history: history.map((e) => ({
      at: `${e.at.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      actor: e.actorName,
      change: describePolicyChange(e.detail.before, e.detail.after),
      via: typeof e.detail.via === 'string' ? e.detail.via : '',
    })),
  };
}

/** The posted editor form as a policy change, with every problem named by its field. */
export function parsePolicyForm(
  body: CoeFormBody,
  toolId: string,
): { change: PolicyChange; errors: CoeFieldError[] } {
  const errors: CoeFieldError[] = [];
  const status = formChoice(body, 'status', POLICY_STATUSES);
  if (!status)
    errors.push({
      field: 'status',
      message: `Status: choose one of ${POLICY_STATUSES.join(', ')}`,
    });
  const classes = formList(body, 'dataClasses');
  const unknown = classes.filter((c) => !(DATA_CLASSES as readonly string[]).includes(c));
  if (unknown.length > 0)
    errors.push({
      field: 'dataClasses',
      message: `Data classes: ${unknown.join(', ')} is not one of ${DATA_CLASSES.join(', ')}`,
    });
  const planText = formText(body, 'plan');
  const plan = formChoice(body, 'plan', FACT_PLANS) ?? null;
  if (planText !== '' && !plan)
    errors.push({ field: 'plan', message: `Plan: choose one of ${FACT_PLANS.join(', ')}` });
  const note = formText(body, 'note');
  if (note.length > POLICY_NOTE_MAX)
    errors.push({ field: 'note', message: `Note: at most ${POLICY_NOTE_MAX} characters` });
  return {
    change: {
      toolId,
      status: status ?? 'unreviewed',
      dataClasses: [...new Set(classes.filter((c): c is DataClass => !unknown.includes(c)))],
      tenantBound: formFlag(body, 'tenantBound'),
      plan,
      note: note === '' ? null : note.slice(0, POLICY_NOTE_MAX),
    },
    errors,
  };
}

interface PolicySummary {
  status?: PolicyStatus;
  dataClasses?: string[];
  tenantBound?: boolean;
  note?: string | null;
  plan?: string | null;
}

/** "Unreviewed → Sanctioned; data classes: none → Internal, PII" from an audit record's detail. */
export function describePolicyChange(before: unknown, after: unknown): string {
  const from = (before ?? {}) as PolicySummary;
  const to = (after ?? {}) as PolicySummary;
  const parts: string[] = [];
  if (from.status !== to.status)
    parts.push(`${enumLabel(from.status ?? 'unreviewed')} → ${enumLabel(to.status ?? '?')}`);
  const classes = (c: string[] | undefined) => (c?.length ? c.map(enumLabel).join(', ') : 'none');
  if (classes(from.dataClasses) !== classes(to.dataClasses))
    parts.push(`data classes: ${classes(from.dataClasses)} → ${classes(to.dataClasses)}`);
  if (Boolean(from.tenantBound) !== Boolean(to.tenantBound))
    parts.push(to.tenantBound ? 'now tenant-bound' : 'no longer tenant-bound');
  if ((from.note ?? null) !== (to.note ?? null)) parts.push('note changed');
  if ((from.plan ?? null) !== (to.plan ?? null))
    parts.push(`plan: ${from.plan ?? 'not stated'} → ${to.plan ?? 'not stated'}`);
  return parts.join('; ') || 'no visible change';
}

function rulesSummary(rules: ToolRules): { label: string; values: string }[] {
  const out: { label: string; values: string }[] = [];
  const add = (label: string, values: readonly string[] | undefined) => {
    if (values?.length) out.push({ label, values: values.join(', ') });
  };
  add('Domains', rules.domains);
  for (const eco of ECOSYSTEMS) add(`Packages (${eco})`, rules.packages?.[eco]);
  add('Repository paths', rules.paths);
  add(
    'Commit identities',
    rules.commitIdentities?.map((c) => c.email ?? c.login ?? c.emailPattern ?? ''),
  );
  add('Commit message markers', rules.messageMarkers);
  add('User agents', rules.userAgents);
  add('IDE extensions', rules.ideExtensions);
  add('GitHub Apps', rules.githubApps);
  add('Workflow actions', rules.workflowActions);
  add('Models', rules.models);
  return out;
}

/** Every fact with its source, the rows of the plan in force for sanctioned use marked. */
function vendorFacts(tool: CatalogToolView): Pick<PolicyEditorView, 'vendorFacts' | 'planInForce'> {
  const inForce = factsInForce(tool.vendorFacts, {
    shadow: false,
    policyPlan: tool.policy.plan ?? null,
    category: tool.category,
  });
  return {
    planInForce: inForce.why,
    vendorFacts: factRows(tool.vendorFacts, inForce.plan).map((r) => ({
      ...r,
      planLabel: r.plan ?? 'all plans',
      inForce: r.plan === inForce.plan,
      override: r.origin === 'organisation',
    })),
  };
}
