import { consumerPlan, factsInForce } from './plan-in-force';
import type { VendorFacts } from './vendor-facts.types';

const f = (value: 'yes' | 'no') => ({
  value,
  source: 'https://v.example/terms',
  checked: '2026-11-01',
});
const facts: VendorFacts = {
  plans: { free: { trainsOnInputs: f('yes') }, enterprise: { trainsOnInputs: f('no') } },
};

describe(factsInForce.name, () => {
  it('should take the policy plan for sanctioned or tolerated use', () => {
    const sut = factsInForce(facts, { shadow: false, policyPlan: 'enterprise' });
    expect(sut).toMatchObject({ plan: 'enterprise', planMissing: false });
    expect(sut.planFacts.trainsOnInputs?.value).toBe('no');
    expect(sut.why).toMatch(/plan the organisation holds/);
  });

  it('should take the consumer plan for shadow use whatever the organisation holds', () => {
    const sut = factsInForce(facts, { shadow: true, policyPlan: 'enterprise' });
    expect(sut).toMatchObject({ plan: 'free', planMissing: false });
    expect(sut.why).toMatch(/personal account/);
  });

  it('should assume consumer terms when the policy names no plan', () => {
    expect(factsInForce(facts, { shadow: false, policyPlan: null }).why).toMatch(/names no plan/);
  });

  it('should mark a policy plan the vendor states nothing for', () => {
    expect(factsInForce(facts, { shadow: false, policyPlan: 'team' })).toMatchObject({
      plan: 'team',
      planMissing: true,
      planFacts: {},
    });
  });

  it('should read an API key as the consumer plan of an API', () => {
    expect(consumerPlan({ plans: { api: {} } })).toBe('api');
    expect(consumerPlan(undefined, 'llm-api')).toBe('api');
    expect(consumerPlan(undefined, 'chat-assistant')).toBe('free');
  });
});
