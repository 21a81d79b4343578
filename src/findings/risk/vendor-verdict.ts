import {
  NOT_STATED,
  type FactsInForce,
  type VendorFacts,
} from '../../catalog/facts/vendor-facts.types';
import type { RiskWeights } from './risk-weights';

/** Which vendor weight a concern adds to a finding's risk score. */
export type VendorConcernWeight = Exclude<
  keyof RiskWeights['vendor'],
  'longRetentionDays' | 'riskyJurisdictions'
>;

export interface VendorConcern {
  /** the risk factor key, e.g. `vendor.trains-on-inputs` */
  key: string;
  weight: VendorConcernWeight;
  reason: string;
  /** rules a sanction out on its own; the others only add risk */
  blocking: boolean;
  /** an unknown the CoE resolves by adding a sourced fact (catalog or organisation override) */
  resolvable: boolean;
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

const RESOLVE = 'CoE can resolve';

export function hasAnyFact(f: VendorFacts | undefined): boolean {
  if (!f) return false;
  return (
    Object.keys(f.plans).length > 0 ||
    f.jurisdiction !== undefined ||
    f.certifications !== undefined ||
    f.dataResidency !== undefined ||
    f.enterpriseControls !== undefined ||
    f.note !== undefined
  );
}

export function isUnstatedText(v: string | undefined): boolean {
  return v === undefined || /^\s*not[\s-]stated\s*$/i.test(v);
}

/**
 * The one reading of a vendor's terms under the plan in force: the risk score weighs its
 * concerns, the leaders' report uses it to recommend a sanction or a block. A fact the vendor
 * does not state is a named concern the CoE can resolve, never a silent penalty.
 */
export function vendorVerdict(
  f: FactsInForce,
  rules: Pick<RiskWeights['vendor'], 'riskyJurisdictions' | 'longRetentionDays'>,
): VendorVerdict {
  const plan = `(${f.plan} plan)`;
  if (!hasAnyFact(f.facts)) {
    const unknown: VendorConcern = {
      key: 'vendor.unknown',
      weight: 'unknownVendor',
      reason: `the catalog holds no vendor facts for this tool — ${RESOLVE} by adding them`,
      blocking: true,
      resolvable: true,
    };
    return { concerns: [unknown], assurances: [], acceptable: false, summary: unknown.reason };
  }
  const facts = f.facts as VendorFacts;
  const concerns: VendorConcern[] = [];
  const assurances: string[] = [];
  const concern = (
    key: string,
    weight: VendorConcernWeight,
    reason: string,
    blocking: boolean,
    resolvable = false,
  ) => concerns.push({ key, weight, reason, blocking, resolvable });
  // a tool with no plans at all (an open-source library, a local runtime) has no vendor terms
  // to read: the facts entry's note says where the data goes instead
  if (Object.keys(facts.plans).length === 0 && facts.note) {
    return { concerns: [], assurances: [facts.note], acceptable: true, summary: facts.note };
  }
  const unstated = f.planMissing
    ? `vendor states no terms for the ${f.plan} plan`
    : 'vendor does not state';

  const trains = f.planFacts.trainsOnInputs?.value ?? NOT_STATED;
  if (trains === 'yes')
    concern(
      'vendor.trains-on-inputs',
      'trainsOnInputs',
      `vendor trains on inputs by default ${plan}`,
      true,
    );
  else if (trains === NOT_STATED)
    concern(
      'vendor.unstated.trains-on-inputs',
      'trainsOnInputsUnknown',
      f.planMissing
        ? `${unstated}: whether it trains on inputs is unknown — ${RESOLVE}`
        : `vendor does not state whether it trains on inputs ${plan} — ${RESOLVE}`,
      false,
      true,
    );
  else assurances.push(`does not train on inputs ${plan}`);

  const retention = f.planFacts.retention?.value;
  const retentionDays = parseRetentionDays(retention);
  if (isUnstatedText(retention))
    concern(
      'vendor.unstated.retention',
      'retentionUnknown',
      f.planMissing
        ? `${unstated}: how long it keeps prompts is unknown — ${RESOLVE}`
        : `vendor does not state how long it keeps prompts ${plan} — ${RESOLVE}`,
      false,
      true,
    );
  else if (retentionDays !== undefined && retentionDays > rules.longRetentionDays)
    concern('vendor.retention', 'longRetention', `prompts retained ${retention} ${plan}`, false);
  if (f.planFacts.zeroRetention?.value === 'yes') assurances.push(`zero-retention option ${plan}`);

  const controls = facts.enterpriseControls?.value;
  if (controls?.sso === 'no') concern('vendor.no-sso', 'noSso', 'no single sign-on', false);
  if (controls?.sso === 'yes') assurances.push('SSO');

  const certs = facts.certifications?.value;
  if (Array.isArray(certs) && certs.length > 0) assurances.push(certs.join(', '));

  const jurisdiction = facts.jurisdiction?.value;
  const risky = Array.isArray(jurisdiction)
    ? jurisdiction.map((j) => j.toUpperCase()).filter((j) => rules.riskyJurisdictions.includes(j))
    : [];
  if (risky.length > 0)
    concern(
      'vendor.jurisdiction',
      'riskyJurisdiction',
      `data processed under ${risky.join(', ')} jurisdiction`,
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
  if (/(until deleted|until the user deletes|indefinite|forever|unlimited)/.test(t))
    return Number.POSITIVE_INFINITY;
  if (/(zero|none|no retention|not retained|not stored)/.test(t)) return 0;
  const m = /(\d+(?:\.\d+)?)\s*(day|week|month|year)s?/.exec(t);
  if (!m) return undefined;
  const per = { day: 1, week: 7, month: 30, year: 365 }[m[2] as 'day' | 'week' | 'month' | 'year'];
  return Number(m[1]) * per;
}
