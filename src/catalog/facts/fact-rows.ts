import {
  CONTROL_KEYS,
  FACT_PLANS,
  PLAN_FACT_KEYS,
  TOOL_FACT_KEYS,
  type Fact,
  type FactKey,
  type FactOrigin,
  type FactPlan,
  type VendorFacts,
} from './vendor-facts.types';

/** One vendor fact as a page or report prints it: its value, the page it cites, when it was read. */
export interface FactRow {
  fact: FactKey;
  label: string;
  /** null for facts that hold for every plan */
  plan: FactPlan | null;
  /** `unknown` when the catalog holds no such fact */
  value: string;
  source: string | null;
  checked: string | null;
  /** organisation: an override the CoE set; none: no fact recorded */
  origin: FactOrigin | 'none';
  note?: string;
}

export const FACT_LABELS: Record<FactKey, string> = {
  jurisdiction: 'Jurisdiction',
  certifications: 'Certifications',
  dataResidency: 'Data residency options',
  enterpriseControls: 'Enterprise controls',
  trainsOnInputs: 'Trains on inputs by default',
  retention: 'Retention',
  zeroRetention: 'Zero-retention option',
};

function text(key: FactKey, value: unknown): string {
  if (key === 'enterpriseControls' && value && typeof value === 'object') {
    const v = value as Record<string, string>;
    return CONTROL_KEYS.map((k) => `${k}: ${v[k] ?? 'not-stated'}`).join(', ');
  }
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : 'none stated';
  return String(value);
}

function row(key: FactKey, plan: FactPlan | null, f: Fact<unknown> | undefined): FactRow {
  const base = { fact: key, label: FACT_LABELS[key], plan };
  if (!f) return { ...base, value: 'unknown', source: null, checked: null, origin: 'none' };
  return {
    ...base,
    value: text(key, f.value),
    source: f.source,
    checked: f.checked,
    origin: f.origin ?? 'catalog',
    ...(f.note ? { note: f.note } : {}),
  };
}

/**
 * Every fact of a tool, tool-wide facts first, then each plan the vendor offers (and the plan in
 * force, even when the catalog holds nothing for it, so the gap shows).
 */
export function factRows(facts: VendorFacts | undefined, planInForce?: FactPlan): FactRow[] {
  const rows = TOOL_FACT_KEYS.map((k) => row(k, null, facts?.[k] as Fact<unknown> | undefined));
  for (const plan of FACT_PLANS.filter((p) => facts?.plans[p] !== undefined || p === planInForce))
    for (const k of PLAN_FACT_KEYS)
      rows.push(row(k, plan, facts?.plans[plan]?.[k] as Fact<unknown> | undefined));
  return rows;
}
