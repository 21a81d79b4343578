import type { DataClass, PolicyStatus } from '../../catalog/catalog.types';
import { CLAIM_THRESHOLD } from '../../evidence/confidence';
import type { Disclosure, RiskTier } from '../findings.types';

/** Every number the risk score uses. Defaults below; an organisation overrides any part via config JSON. */
export interface RiskWeights {
  policy: Record<PolicyStatus, number>;
  violation: { dataClass: number; personalAccount: number };
  vendor: {
    trainsOnInputs: number;
    /** the vendor does not state whether it trains on inputs under the plan in force */
    trainsOnInputsUnknown: number;
    /** the vendor does not state how long it keeps prompts under the plan in force */
    retentionUnknown: number;
    /** retention beyond `longRetentionDays` or "until deleted" */
    longRetention: number;
    longRetentionDays: number;
    noSso: number;
    riskyJurisdiction: number;
    riskyJurisdictions: string[];
    /** a tool for which the catalog holds no vendor fact at all */
    unknownVendor: number;
  };
  /** the most sensitive data class involved counts */
  dataClass: Record<DataClass, number>;
  breadth: {
    perRepository: number;
    maxRepositories: number;
    /** bytes thresholds, highest first */
    volume: { minBytes: number; points: number }[];
    /** distinct active days thresholds, highest first */
    activity: { minDays: number; points: number }[];
    /** people behind a repository finding, highest first */
    people: { minPeople: number; points: number }[];
  };
  disclosure: Record<Disclosure, number>;
  confidence: {
    /** each independent signal beyond the first */
    perExtraSource: number;
    maxCorroboration: number;
    /** all evidence below `lowConfidenceBelow`: likely a fixture, example or vendored copy */
    lowConfidence: number;
    lowConfidenceBelow: number;
  };
  /** where the model runs: a local runtime keeps prompts and data on the machine (negative) */
  deployment: { localRuntime: number };
  /** an AI app holding mail, drive or calendar scopes on the work account (identity provider) */
  oauth: { sensitiveScopes: number };
  /** agents and MCP servers found in repositories (evidence risk flags) */
  agents: {
    /** an agent may run any shell command in a repository holding pii or phi */
    unrestrictedShellSensitiveData: number;
    /** an MCP server that can write to mail, a code host or a cloud account */
    mcpWriteSensitive: number;
    /** an MCP package the catalog does not know */
    mcpUnknownPackage: number;
    /** an MCP package run without an exact version */
    mcpUnpinned: number;
    /** a remote MCP server whose host the catalog does not know */
    mcpRemoteUnknown: number;
  };
  /** lowest score of each tier; below `medium` is low */
  tiers: Record<Exclude<RiskTier, 'low'>, number>;
}

export const DEFAULT_RISK_WEIGHTS: RiskWeights = {
  policy: { sanctioned: 0, tolerated: 6, 'under-review': 15, unreviewed: 22, prohibited: 40 },
  violation: { dataClass: 25, personalAccount: 18 },
  vendor: {
    trainsOnInputs: 12,
    trainsOnInputsUnknown: 4,
    retentionUnknown: 2,
    longRetention: 4,
    longRetentionDays: 30,
    noSso: 3,
    riskyJurisdiction: 10,
    riskyJurisdictions: ['CN', 'RU', 'IR', 'KP'],
    unknownVendor: 6,
  },
  dataClass: { public: 0, internal: 2, confidential: 6, pii: 12, phi: 15, pci: 12 },
  breadth: {
    perRepository: 2,
    maxRepositories: 8,
    volume: [
      { minBytes: 1_000_000_000, points: 8 },
      { minBytes: 100_000_000, points: 5 },
      { minBytes: 1_000_000, points: 2 },
    ],
    activity: [
      { minDays: 20, points: 5 },
      { minDays: 5, points: 2 },
    ],
    people: [
      { minPeople: 10, points: 6 },
      { minPeople: 3, points: 3 },
    ],
  },
  disclosure: { disclosed: 0, undisclosed: 10, 'not-surveyed': 3, 'not-applicable': 0 },
  confidence: {
    perExtraSource: 3,
    maxCorroboration: 6,
    lowConfidence: -12,
    // the line between claims and leads (evidence/confidence.ts)
    lowConfidenceBelow: CLAIM_THRESHOLD,
  },
  deployment: { localRuntime: -10 },
  oauth: { sensitiveScopes: 15 },
  agents: {
    unrestrictedShellSensitiveData: 15,
    mcpWriteSensitive: 8,
    mcpUnknownPackage: 8,
    mcpUnpinned: 3,
    mcpRemoteUnknown: 8,
  },
  tiers: { critical: 70, high: 45, medium: 20 },
};

export type RiskWeightsOverride = {
  [K in keyof RiskWeights]?: RiskWeights[K] extends unknown[]
    ? RiskWeights[K]
    : Partial<RiskWeights[K]>;
};

/** Deep-merges an override (one level of nesting, arrays replaced whole) onto the defaults. */
export function resolveRiskWeights(
  override: RiskWeightsOverride | undefined,
  base: RiskWeights = DEFAULT_RISK_WEIGHTS,
): RiskWeights {
  if (!override) return base;
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(override)) {
    if (!(key in base)) throw new Error(`risk weights: unknown section "${key}"`);
    if (value === undefined) continue;
    const current = (base as unknown as Record<string, unknown>)[key];
    out[key] =
      typeof value === 'object' && !Array.isArray(value) && typeof current === 'object'
        ? { ...(current as object), ...value }
        : value;
  }
  const merged = out as unknown as RiskWeights;
  const { critical, high, medium } = merged.tiers;
  if (!(critical > high && high > medium && medium > 0)) {
    throw new Error('risk weights: tiers must satisfy critical > high > medium > 0');
  }
  return merged;
}
