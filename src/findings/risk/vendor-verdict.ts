import type { VendorRisk } from '../../catalog/catalog.types';
import type { RiskWeights } from './risk-weights';

/** Which vendor weight a concern adds to a finding's risk score. */
export type VendorConcernWeight = Exclude<
  keyof RiskWeights['vendor'],
  'longRetentionDays' | 'riskyJurisdictions'
>;

export interface VendorConcern {
  /** the risk factor key, e.g. `vendor.no-dpa` */
  key: string;
  weight: VendorConcernWeight;
  reason: string;
  /** rules a sanction out on its own; the others only add risk */
  blocking: boolean;
}

export interface VendorVerdict {
  concerns: VendorConcern[];
  /** what speaks for the vendor's terms */
  assurances: string[];
  /** whether the vendor's terms would pass a sanction review */
  acceptable: boolean;
  /** the verdict in one line */
  summary: string;
}

/**
 * The one reading of a vendor's terms: the risk score weighs its concerns, the leaders' report
 * uses it to recommend a sanction or a block.
 */
export function vendorVerdict(
  v: VendorRisk | undefined,
  rules: Pick<RiskWeights['vendor'], 'riskyJurisdictions' | 'longRetentionDays'>,
): VendorVerdict {
  if (!v || Object.keys(v).length === 0) {
    const unknown: VendorConcern = {
      key: 'vendor.unknown',
      weight: 'unknownVendor',
      reason: 'vendor data handling unknown to the catalog',
      blocking: true,
    };
    return { concerns: [unknown], assurances: [], acceptable: false, summary: unknown.reason };
  }
  const concerns: VendorConcern[] = [];
  const assurances: string[] = [];
  const concern = (key: string, weight: VendorConcernWeight, reason: string, blocking: boolean) =>
    concerns.push({ key, weight, reason, blocking });

  const trains = v.trainsOnInputsByDefault?.value ?? 'unknown';
  if (trains === 'yes')
    concern(
      'vendor.trains-on-inputs',
      'trainsOnInputs',
      'vendor trains on inputs by default',
      true,
    );
  else if (trains === 'unknown')
    concern(
      'vendor.trains-on-inputs',
      'trainsOnInputsUnknown',
      'unknown whether the vendor trains on inputs',
      false,
    );
  else assurances.push('does not train on inputs');

  const retentionDays = parseRetentionDays(v.retention?.value);
  if (retentionDays !== undefined && retentionDays > rules.longRetentionDays)
    concern('vendor.retention', 'longRetention', `prompts retained ${v.retention?.value}`, false);

  const controls = v.enterpriseControls?.value;
  if (controls?.sso === 'no') concern('vendor.no-sso', 'noSso', 'no single sign-on', false);
  if (controls?.dpa === 'no')
    concern('vendor.no-dpa', 'noDpa', 'no data processing agreement offered', true);
  if (controls?.dpa === 'yes') assurances.push('DPA available');
  if (controls?.sso === 'yes') assurances.push('SSO');

  const jurisdiction = v.jurisdiction?.value?.toUpperCase();
  if (jurisdiction && rules.riskyJurisdictions.includes(jurisdiction))
    concern(
      'vendor.jurisdiction',
      'riskyJurisdiction',
      `data processed under ${jurisdiction} jurisdiction`,
      true,
    );

  const blocking = concerns.filter((c) => c.blocking).map((c) => c.reason);
  if (blocking.length > 0)
    return { concerns, assurances, acceptable: false, summary: blocking.join('; ') };
  if (assurances.length === 0)
    return {
      concerns,
      assurances,
      acceptable: false,
      summary: 'vendor terms unclear: review before use',
    };
  return { concerns, assurances, acceptable: true, summary: assurances.join(', ') };
}

/** "30 days" → 30, "until deleted"/"indefinite" → Infinity, unparseable → undefined. */
export function parseRetentionDays(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const t = text.toLowerCase();
  if (/(until deleted|indefinite|forever|unlimited)/.test(t)) return Number.POSITIVE_INFINITY;
  if (/(zero|none|no retention|not retained)/.test(t)) return 0;
  const m = /(\d+(?:\.\d+)?)\s*(day|week|month|year)s?/.exec(t);
  if (!m) return undefined;
  const per = { day: 1, week: 7, month: 30, year: 365 }[m[2] as 'day' | 'week' | 'month' | 'year'];
  return Number(m[1]) * per;
}
