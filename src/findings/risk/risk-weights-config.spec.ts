import { riskWeightsFromConfig } from './risk-weights-config';
import { DEFAULT_RISK_WEIGHTS } from './risk-weights';

describe(riskWeightsFromConfig.name, () => {
  it('should apply dotted overrides and keep the other defaults', () => {
    const sut = riskWeightsFromConfig({ 'policy.unreviewed': 30, 'tiers.critical': 80 });
    expect(sut.policy).toEqual({ ...DEFAULT_RISK_WEIGHTS.policy, unreviewed: 30 });
    expect(sut.tiers.critical).toBe(80);
    expect(sut.disclosure).toBe(DEFAULT_RISK_WEIGHTS.disclosure);
  });

  it('should name a key that is not a numeric weight', () => {
    expect(() => riskWeightsFromConfig({ 'policy.nope': 1 })).toThrow(
      'RISK_WEIGHTS: "policy.nope"',
    );
    expect(() => riskWeightsFromConfig({ 'breadth.volume': 1 })).toThrow(/breadth.volume/);
  });
});
