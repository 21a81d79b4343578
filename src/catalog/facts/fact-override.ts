import {
  PLAN_FACT_KEYS,
  TOOL_FACT_KEYS,
  type Fact,
  type FactKey,
  type FactPlan,
  type PlanFactKey,
  type ToolFactKey,
  type VendorFacts,
} from './vendor-facts.types';

/** A fact the organisation added or corrected, with its own source and date. */
export interface FactOverride {
  toolId: string;
  /** the plan of a per-plan fact (trainsOnInputs, retention, zeroRetention); null otherwise */
  plan: FactPlan | null;
  fact: FactKey;
  value: unknown;
  source: string;
  checked: string;
  note: string | null;
  setBy: string | null;
  setAt: Date | null;
}

export function isPlanFact(key: FactKey): key is PlanFactKey {
  return (PLAN_FACT_KEYS as readonly string[]).includes(key);
}

export function isFactKey(key: string): key is FactKey {
  return (
    (PLAN_FACT_KEYS as readonly string[]).includes(key) ||
    (TOOL_FACT_KEYS as readonly string[]).includes(key)
  );
}

/** The overrides a policy file's `facts:` block (same shape as a facts file entry) stands for. */
export function overridesFromBlock(toolId: string, block: VendorFacts): FactOverride[] {
  const out: FactOverride[] = [];
  const push = (plan: FactPlan | null, fact: FactKey, f: Fact<unknown>) =>
    out.push({
      toolId,
      plan,
      fact,
      value: f.value,
      source: f.source,
      checked: f.checked,
      note: f.note ?? null,
      setBy: null,
      setAt: null,
    });
  for (const key of TOOL_FACT_KEYS) {
    const f = block[key] as Fact<unknown> | undefined;
    if (f) push(null, key, f);
  }
  for (const [plan, facts] of Object.entries(block.plans) as [
    FactPlan,
    Record<string, Fact<unknown>>,
  ][])
    for (const [key, f] of Object.entries(facts)) push(plan, key as FactKey, f);
  return out;
}

/** The `facts:` block a policy export writes for a tool's overrides. */
export function overridesToBlock(overrides: readonly FactOverride[]): Record<string, unknown> {
  const block: Record<string, unknown> = {};
  const plans: Record<string, Record<string, unknown>> = {};
  for (const o of overrides) {
    const fact = {
      value: o.value,
      source: o.source,
      checked: o.checked,
      ...(o.note ? { note: o.note } : {}),
    };
    if (o.plan) (plans[o.plan] ??= {})[o.fact] = fact;
    else block[o.fact] = fact;
  }
  if (Object.keys(plans).length > 0) block.plans = plans;
  return block;
}

/** The catalog's facts with the organisation's overrides laid over them, each marked as such. */
export function applyOverrides(
  facts: VendorFacts | undefined,
  overrides: readonly FactOverride[],
): VendorFacts | undefined {
  if (overrides.length === 0) return facts;
  const out: VendorFacts = { ...(facts ?? {}), plans: { ...(facts?.plans ?? {}) } };
  for (const o of overrides) {
    const fact: Fact<unknown> = {
      value: o.value,
      source: o.source,
      checked: o.checked,
      ...(o.note ? { note: o.note } : {}),
      origin: 'organisation',
      ...(o.setBy ? { setBy: o.setBy } : {}),
    };
    if (o.plan && isPlanFact(o.fact)) {
      out.plans[o.plan] = { ...(out.plans[o.plan] ?? {}), [o.fact]: fact };
    } else if (!isPlanFact(o.fact)) {
      (out as unknown as Record<ToolFactKey, unknown>)[o.fact] = fact;
    }
  }
  return out;
}
