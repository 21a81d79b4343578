import type { ToolCategory } from '../catalog.types';
import type { FactPlan, FactsInForce, VendorFacts } from './vendor-facts.types';

/** The plan a person reaches on their own: an API key for an API, the free/consumer plan otherwise. */
export function consumerPlan(facts: VendorFacts | undefined, category?: ToolCategory): FactPlan {
  if (facts?.plans.free) return 'free';
  if (category === 'llm-api' || (facts?.plans.api && !facts.plans.free)) return 'api';
  return 'free';
}

export interface PlanUse {
  /** use outside policy: unreviewed, under review, prohibited, or a violation of its terms */
  shadow: boolean;
  /** the plan the organisation holds, from the policy; null when the policy names none */
  policyPlan: FactPlan | null;
  category?: ToolCategory;
}

/**
 * Which plan's terms govern a use. Sanctioned or tolerated use within policy goes through the
 * organisation's own tenant, so the plan the policy names applies. Shadow use does not: a person
 * outside policy (or without an organisation seat) signs up alone, and what governs their data is
 * the consumer plan's terms, whatever contract the organisation holds.
 */
export function factsInForce(facts: VendorFacts | undefined, use: PlanUse): FactsInForce {
  let plan: FactPlan;
  let why: string;
  if (use.shadow) {
    plan = consumerPlan(facts, use.category);
    why = `${plan} plan: use outside policy runs on a personal account`;
  } else if (use.policyPlan) {
    plan = use.policyPlan;
    why = `${plan} plan: the plan the organisation holds, per policy`;
  } else {
    plan = consumerPlan(facts, use.category);
    why = `${plan} plan: the policy names no plan, so consumer terms are assumed`;
  }
  const planFacts = facts?.plans[plan];
  return { plan, why, planMissing: planFacts === undefined, planFacts: planFacts ?? {}, facts };
}
