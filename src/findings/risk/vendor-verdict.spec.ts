import type { VendorRisk } from '../../catalog/catalog.types';
import { DEFAULT_RISK_WEIGHTS } from './risk-weights';
import { parseRetentionDays, vendorVerdict } from './vendor-verdict';

const fact = <T>(value: T) => ({ value, source: 'https://example.test', checked: '2026-01-01' });
const controls = (sso: 'yes' | 'no' | 'unknown', dpa: 'yes' | 'no' | 'unknown') =>
  fact({ sso, dpa, zeroRetention: 'unknown' as const });
const rules = DEFAULT_RISK_WEIGHTS.vendor;

describe(vendorVerdict.name, () => {
  it('should accept a vendor that does not train on inputs and offers a DPA and SSO', () => {
    const sut = vendorVerdict(
      { trainsOnInputsByDefault: fact('no'), enterpriseControls: controls('yes', 'yes') },
      rules,
    );
    expect(sut).toEqual({
      concerns: [],
      assurances: ['does not train on inputs', 'DPA available', 'SSO'],
      acceptable: true,
      summary: 'does not train on inputs, DPA available, SSO',
    });
  });

  it('should refuse a vendor for each blocking concern and name them all in the summary', () => {
    const sut = vendorVerdict(
      {
        trainsOnInputsByDefault: fact('yes'),
        enterpriseControls: controls('yes', 'no'),
        jurisdiction: fact('cn'),
      },
      rules,
    );
    expect(sut.acceptable).toBe(false);
    expect(sut.concerns.map((c) => [c.key, c.weight, c.blocking])).toEqual([
      ['vendor.trains-on-inputs', 'trainsOnInputs', true],
      ['vendor.no-dpa', 'noDpa', true],
      ['vendor.jurisdiction', 'riskyJurisdiction', true],
    ]);
    expect(sut.summary).toBe(
      'vendor trains on inputs by default; no data processing agreement offered; data processed under CN jurisdiction',
    );
  });

  it('should keep minor concerns as risk without ruling out a sanction', () => {
    const sut = vendorVerdict(
      {
        retention: fact('90 days'),
        enterpriseControls: controls('no', 'yes'),
      },
      rules,
    );
    expect(sut.concerns.map((c) => [c.key, c.weight, c.blocking])).toEqual([
      ['vendor.trains-on-inputs', 'trainsOnInputsUnknown', false],
      ['vendor.retention', 'longRetention', false],
      ['vendor.no-sso', 'noSso', false],
    ]);
    expect(sut).toMatchObject({ acceptable: true, summary: 'DPA available' });
  });

  it('should not count a retention within the limit or a jurisdiction outside the list', () => {
    const v: VendorRisk = {
      trainsOnInputsByDefault: fact('no'),
      retention: fact('30 days'),
      jurisdiction: fact('US'),
    };
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
    ['stated as nothing', {}],
  ])('should refuse a vendor whose terms are %s', (_, v: VendorRisk | undefined) => {
    expect(vendorVerdict(v, rules)).toEqual({
      concerns: [
        {
          key: 'vendor.unknown',
          weight: 'unknownVendor',
          reason: 'vendor data handling unknown to the catalog',
          blocking: true,
        },
      ],
      assurances: [],
      acceptable: false,
      summary: 'vendor data handling unknown to the catalog',
    });
  });

  it('should ask for a review when the terms say neither good nor bad', () => {
    const sut = vendorVerdict({ trainsOnInputsByDefault: fact('unknown') }, rules);
    expect(sut).toMatchObject({
      acceptable: false,
      summary: 'vendor terms unclear: review before use',
    });
  });
});

describe(parseRetentionDays.name, () => {
  it.each([
    ['30 days', 30],
    ['up to 2 years', 730],
    ['until deleted by the user', Number.POSITIVE_INFINITY],
    ['zero retention', 0],
    ['see terms', undefined],
  ])('should read %s as %s', (text, days) => {
    expect(parseRetentionDays(text)).toBe(days);
  });
});
