import type { RiskWeights, RiskWeightsOverride } from './risk-weights';
import { DEFAULT_RISK_WEIGHTS, resolveRiskWeights } from './risk-weights';

/**
 * RISK_WEIGHTS is a flat JSON object of dotted factor names, e.g.
 * {"policy.unreviewed": 30, "disclosure.undisclosed": 15, "tiers.critical": 75}.
 */
export function riskWeightsFromConfig(flat: Record<string, number>): RiskWeights {
  const override: Record<string, Record<string, number>> = {};
  for (const [key, value] of Object.entries(flat)) {
    const [section, field, ...rest] = key.split('.');
    const current = (DEFAULT_RISK_WEIGHTS as unknown as Record<string, Record<string, unknown>>)[
      section
    ];
    if (!current || !field || rest.length > 0 || typeof current[field] !== 'number') {
      throw new Error(`RISK_WEIGHTS: "${key}" is not a numeric weight (e.g. "policy.unreviewed")`);
    }
    (override[section] ??= {})[field] = value;
  }
  return resolveRiskWeights(override as RiskWeightsOverride);
}
