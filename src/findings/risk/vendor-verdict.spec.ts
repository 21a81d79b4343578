import { factsInForce } from '../../catalog/facts/plan-in-force';
import type { Stated, VendorFacts } from '../../catalog/facts/vendor-facts.types';
import { DEFAULT_RISK_WEIGHTS } from './risk-weights';
import { parseRetentionDays, vendorVerdict } from './vendor-verdict';

const fact = <T>(value: T) => ({
  value,
  source: 'https://vendor.example/terms',
  checked: '2026-01-01',
});
const controls = (sso: Stated) =>
  fact({ sso, scim: 'not-stated' as const, adminConsole: 'yes' as const, auditLog: 'no' as const });
const rules = DEFAULT_RISK_WEIGHTS.vendor;
const free = (facts: VendorFacts | undefined) =>
  factsInForce(facts, { shadow: true, policyPlan: null, category: 'chat-assistant' });

describe(vendorVerdict.name, () => {
  it('should accept a vendor that does not train on inputs, states retention and offers SSO', () => {
    const sut = vendorVerdict(
      free({
        plans: { free: { trainsOnInputs: fact('no'), retention: fact('30 days') } },
        enterpriseControls: controls('yes'),
        certifications: fact(['SOC 2 Type II']),
      }),
      rules,
    );
    expect(sut).toEqual({
      concerns: [],
      assurances: ['does not train on inputs (free plan)', 'SSO', 'SOC 2 Type II'],
      acceptable: true,
      summary: 'does not train on inputs (free plan), SSO, SOC 2 Type II',
    });
  });

  it('should refuse a vendor for each blocking concern and name them all in the summary', () => {
    const sut = vendorVerdict(
      free({
        plans: { free: { trainsOnInputs: fact('yes'), retention: fact('30 days') } },
        jurisdiction: fact(['cn']),
      }),
      rules,
    );
    expect(sut.acceptable).toBe(false);
    expect(sut.concerns.map((c) => [c.key, c.weight, c.blocking])).toEqual([
      ['vendor.trains-on-inputs', 'trainsOnInputs', true],
      ['vendor.jurisdiction', 'riskyJurisdiction', true],
    ]);
    expect(sut.summary).toBe(
      'vendor trains on inputs by default (free plan); data processed under CN jurisdiction',
    );
  });

  it('should name an unstated fact as a concern the CoE can resolve, per plan', () => {
    const sut = vendorVerdict(
      free({
        plans: { free: { trainsOnInputs: fact('not-stated'), retention: fact('not stated') } },
      }),
      rules,
    );
    expect(sut.concerns).toEqual([
      {
        key: 'vendor.unstated.trains-on-inputs',
        weight: 'trainsOnInputsUnknown',
        reason: 'vendor does not state whether it trains on inputs (free plan) — CoE can resolve',
        blocking: false,
        resolvable: true,
      },
      {
        key: 'vendor.unstated.retention',
        weight: 'retentionUnknown',
        reason: 'vendor does not state how long it keeps prompts (free plan) — CoE can resolve',
        blocking: false,
        resolvable: true,
      },
    ]);
    expect(sut).toMatchObject({
      acceptable: false,
      summary: 'vendor terms unclear: review before use',
    });
  });

  it('should read the terms of the plan in force, not the best plan on offer', () => {
    const facts: VendorFacts = {
      plans: {
        free: { trainsOnInputs: fact('yes'), retention: fact('until deleted') },
        enterprise: { trainsOnInputs: fact('no'), retention: fact('30 days') },
      },
    };
    const enterprise = factsInForce(facts, { shadow: false, policyPlan: 'enterprise' });
    expect(vendorVerdict(enterprise, rules).concerns).toEqual([]);
    expect(vendorVerdict(free(facts), rules).concerns.map((c) => c.key)).toEqual([
      'vendor.trains-on-inputs',
      'vendor.retention',
    ]);
  });

  it('should say the vendor states no terms for a plan the catalog does not hold', () => {
    const sut = vendorVerdict(
      factsInForce(
        { plans: { free: { trainsOnInputs: fact('no') } } },
        { shadow: false, policyPlan: 'team' },
      ),
      rules,
    );
    expect(sut.concerns[0].reason).toBe(
      'vendor states no terms for the team plan: whether it trains on inputs is unknown — CoE can resolve',
    );
  });

  it('should read a tool without plans by its note, with no unknown to resolve', () => {
    const sut = vendorVerdict(
      free({ plans: {}, note: 'open-source library; runs locally' }),
      rules,
    );
    expect(sut).toEqual({
      concerns: [],
      assurances: ['open-source library; runs locally'],
      acceptable: true,
      summary: 'open-source library; runs locally',
    });
  });

  it('should not count a retention within the limit or a jurisdiction outside the list', () => {
    const v = free({
      plans: { free: { trainsOnInputs: fact('no'), retention: fact('30 days') } },
      jurisdiction: fact(['US']),
    });
    expect(vendorVerdict(v, rules).concerns).toEqual([]);
    expect(vendorVerdict(v, { riskyJurisdictions: ['US'], longRetentionDays: 7 }).concerns).toEqual(
      [
        expect.objectContaining({ key: 'vendor.retention', blocking: false }),
        expect.objectContaining({ key: 'vendor.jurisdiction', blocking: true }),
      ],
    );
  });

  it.each([
    ['unknown to the catalog', undefined],
    ['stated as nothing', { plans: {} }],
  ])('should refuse a vendor whose terms are %s, naming it resolvable', (_, v) => {
    const sut = vendorVerdict(free(v), rules);
    expect(sut.concerns).toEqual([
      {
        key: 'vendor.unknown',
        weight: 'unknownVendor',
        reason: 'the catalog holds no vendor facts for this tool — CoE can resolve by adding them',
        blocking: true,
        resolvable: true,
      },
    ]);
    expect(sut.acceptable).toBe(false);
  });
});

describe(parseRetentionDays.name, () => {
  it.each([
    ['30 days', 30],
    ['until the user deletes; 30 days after deletion', Number.POSITIVE_INFINITY],
    ['18 months', 540],
    ['not stored', 0],
    ['as needed', undefined],
  ])('should read "%s" as %s days', (text, days) => {
    expect(parseRetentionDays(text)).toBe(days);
  });
});
