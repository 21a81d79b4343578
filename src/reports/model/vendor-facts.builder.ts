import { factRows } from '../../catalog/facts/fact-rows';
import { factsInForce } from '../../catalog/facts/plan-in-force';
import { DEFAULT_RISK_WEIGHTS } from '../../findings/risk/risk-weights';
import { vendorVerdict } from '../../findings/risk/vendor-verdict';
import type { ReportTool, ReportToolFacts } from './report.types';

/**
 * Each fact of a tool in use with its source and date, per plan, the plan in force for the
 * organisation's use marked, and every unknown named so the CoE can resolve it. The plan in
 * force follows the policy: its plan for sanctioned or tolerated tools, the consumer plan for
 * everything else (use outside policy runs on personal accounts).
 */
export function buildToolFacts(tool: ReportTool): ReportToolFacts {
  const shadow = tool.policyStatus !== 'sanctioned' && tool.policyStatus !== 'tolerated';
  const inForce = factsInForce(tool.vendorFacts, {
    shadow,
    policyPlan: tool.policyPlan ?? null,
    category: tool.category,
  });
  const verdict = vendorVerdict(inForce, DEFAULT_RISK_WEIGHTS.vendor);
  return {
    toolId: tool.id,
    name: tool.name,
    planInForce: inForce.plan,
    planWhy: inForce.why,
    ...(tool.vendorFacts?.note ? { note: tool.vendorFacts.note } : {}),
    facts: factRows(tool.vendorFacts, inForce.plan),
    unknowns: verdict.concerns.filter((c) => c.resolvable).map((c) => c.reason),
    verdict: verdict.summary,
  };
}
