import type { DataClass, VendorRisk } from '../../catalog/catalog.types';
import { DATA_CLASSES } from '../../catalog/catalog.types';
import type {
  Disclosure,
  RiskAssessment,
  RiskFactor,
  RiskTier,
  SubjectType,
} from '../findings.types';
import type { SanctionResult } from '../sanction/sanction';
import type { RiskWeights } from './risk-weights';
import { DEFAULT_RISK_WEIGHTS } from './risk-weights';

export interface RiskInput {
  subjectType: SubjectType;
  toolName: string;
  sanction: SanctionResult;
  vendorRisk: VendorRisk | undefined;
  dataClasses: DataClass[];
  repositories: number;
  /** distinct people behind a repository finding */
  people: number;
  activeDays: number;
  bytes: number;
  disclosure: Disclosure;
  /** distinct independent signals (config-file, network, survey, …) */
  signals: string[];
  /** highest evidence confidence, 0..1 */
  maxConfidence: number;
}

export function computeRisk(
  input: RiskInput,
  weights: RiskWeights = DEFAULT_RISK_WEIGHTS,
): RiskAssessment {
  const factors: RiskFactor[] = [
    ...policyFactors(input, weights),
    ...vendorFactors(input, weights),
    ...dataClassFactors(input, weights),
    ...breadthFactors(input, weights),
    ...disclosureFactors(input, weights),
    ...confidenceFactors(input, weights),
  ].filter((f) => f.points !== 0);
  const raw = factors.reduce((sum, f) => sum + f.points, 0);
  const score = Math.max(0, Math.min(100, Math.round(raw)));
  return { score, tier: riskTier(score, weights), factors };
}

export function riskTier(score: number, weights: RiskWeights = DEFAULT_RISK_WEIGHTS): RiskTier {
  if (score >= weights.tiers.critical) return 'critical';
  if (score >= weights.tiers.high) return 'high';
  if (score >= weights.tiers.medium) return 'medium';
  return 'low';
}

function policyFactors(input: RiskInput, w: RiskWeights): RiskFactor[] {
  const s = input.sanction;
  const out: RiskFactor[] = [
    {
      key: 'policy',
      points: w.policy[s.policyStatus],
      reason: `${input.toolName} is ${s.policyStatus} by policy`,
    },
  ];
  if (s.dataClassViolations.length > 0) {
    out.push({
      key: 'violation.data-class',
      points: w.violation.dataClass,
      reason: `allowed only for other data, used with ${s.dataClassViolations.join(', ')}`,
    });
  }
  if (s.personalAccount) {
    out.push({
      key: 'violation.personal-account',
      points: w.violation.personalAccount,
      reason: 'used without an organisation seat: a personal account outside the tenant',
    });
  }
  return out;
}

function vendorFactors(input: RiskInput, w: RiskWeights): RiskFactor[] {
  // A tool sanctioned and used within its terms had its vendor reviewed when it was sanctioned.
  if (input.sanction.status === 'sanctioned') return [];
  const v = input.vendorRisk;
  if (!v || Object.keys(v).length === 0) {
    return [
      {
        key: 'vendor.unknown',
        points: w.vendor.unknownVendor,
        reason: 'vendor data handling unknown to the catalog',
      },
    ];
  }
  const out: RiskFactor[] = [];
  const trains = v.trainsOnInputsByDefault?.value ?? 'unknown';
  if (trains === 'yes') {
    out.push({
      key: 'vendor.trains-on-inputs',
      points: w.vendor.trainsOnInputs,
      reason: 'vendor trains on inputs by default',
    });
  } else if (trains === 'unknown') {
    out.push({
      key: 'vendor.trains-on-inputs',
      points: w.vendor.trainsOnInputsUnknown,
      reason: 'unknown whether the vendor trains on inputs',
    });
  }
  const retentionDays = parseRetentionDays(v.retention?.value);
  if (retentionDays !== undefined && retentionDays > w.vendor.longRetentionDays) {
    out.push({
      key: 'vendor.retention',
      points: w.vendor.longRetention,
      reason: `prompts retained ${v.retention?.value}`,
    });
  }
  const controls = v.enterpriseControls?.value;
  if (controls?.sso === 'no')
    out.push({ key: 'vendor.no-sso', points: w.vendor.noSso, reason: 'no single sign-on' });
  if (controls?.dpa === 'no')
    out.push({
      key: 'vendor.no-dpa',
      points: w.vendor.noDpa,
      reason: 'no data processing agreement offered',
    });
  const jurisdiction = v.jurisdiction?.value?.toUpperCase();
  if (jurisdiction && w.vendor.riskyJurisdictions.includes(jurisdiction)) {
    out.push({
      key: 'vendor.jurisdiction',
      points: w.vendor.riskyJurisdiction,
      reason: `data processed under ${jurisdiction} jurisdiction`,
    });
  }
  return out;
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

function dataClassFactors(input: RiskInput, w: RiskWeights): RiskFactor[] {
  // A data-class violation already counts the sensitive data; do not count it twice.
  if (input.sanction.dataClassViolations.length > 0) return [];
  // Order of DATA_CLASSES is by sensitivity only loosely; take the highest weight, ties by name.
  let best: DataClass | undefined;
  for (const c of [...new Set(input.dataClasses)].sort()) {
    if (!DATA_CLASSES.includes(c)) continue;
    if (best === undefined || w.dataClass[c] > w.dataClass[best]) best = c;
  }
  if (!best || w.dataClass[best] === 0) return [];
  const where = input.subjectType === 'repository' ? 'repository' : 'repositories or answers';
  return [{ key: 'data-class', points: w.dataClass[best], reason: `${where} hold ${best} data` }];
}

function breadthFactors(input: RiskInput, w: RiskWeights): RiskFactor[] {
  const out: RiskFactor[] = [];
  if (input.subjectType === 'person' && input.repositories > 0) {
    const points = Math.min(
      w.breadth.maxRepositories,
      input.repositories * w.breadth.perRepository,
    );
    out.push({
      key: 'breadth.repositories',
      points,
      reason: `traced in ${input.repositories} ${plural(input.repositories, 'repository', 'repositories')}`,
    });
  }
  if (input.subjectType === 'repository') {
    const tier = w.breadth.people.find((t) => input.people >= t.minPeople);
    if (tier)
      out.push({
        key: 'breadth.people',
        points: tier.points,
        reason: `${input.people} people committed with it`,
      });
  }
  const volume = w.breadth.volume.find((t) => input.bytes >= t.minBytes);
  if (volume)
    out.push({
      key: 'breadth.volume',
      points: volume.points,
      reason: `${formatBytes(input.bytes)} exchanged with the vendor`,
    });
  const activity = w.breadth.activity.find((t) => input.activeDays >= t.minDays);
  if (activity)
    out.push({
      key: 'breadth.activity',
      points: activity.points,
      reason: `active on ${input.activeDays} days`,
    });
  return out;
}

function disclosureFactors(input: RiskInput, w: RiskWeights): RiskFactor[] {
  const reason = {
    disclosed: 'disclosed in the survey',
    undisclosed: 'surveyed but did not disclose it',
    'not-surveyed': 'not surveyed',
    'not-applicable': '',
  }[input.disclosure];
  return [{ key: 'disclosure', points: w.disclosure[input.disclosure], reason }];
}

function confidenceFactors(input: RiskInput, w: RiskWeights): RiskFactor[] {
  const sources = [...new Set(input.signals)].sort();
  if (input.maxConfidence < w.confidence.lowConfidenceBelow) {
    return [
      {
        key: 'confidence.low',
        points: w.confidence.lowConfidence,
        reason:
          'only weak traces (a .gitignore line, fixtures, examples, vendored or transitive code)',
      },
    ];
  }
  if (sources.length < 2) return [];
  const points = Math.min(
    w.confidence.maxCorroboration,
    (sources.length - 1) * w.confidence.perExtraSource,
  );
  return [
    {
      key: 'confidence.corroborated',
      points,
      reason: `seen by ${sources.length} independent sources (${sources.join(', ')})`,
    },
  ];
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v >= 10 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}
