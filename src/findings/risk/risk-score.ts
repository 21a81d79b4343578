import type { DataClass, ToolCategory } from '../../catalog/catalog.types';
import { factsInForce } from '../../catalog/facts/plan-in-force';
import type { FactPlan, VendorFacts } from '../../catalog/facts/vendor-facts.types';
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
import { vendorVerdict } from './vendor-verdict';

export interface RiskInput {
  subjectType: SubjectType;
  toolName: string;
  /** the catalog category; a `local-runtime` runs the model on the machine */
  toolCategory?: ToolCategory;
  sanction: SanctionResult;
  vendorFacts: VendorFacts | undefined;
  /** the plan the organisation holds per policy; null when the policy names none */
  policyPlan?: FactPlan | null;
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
  /** an OAuth grant of the tool's app reaches the person's mail, files or calendar */
  oauthSensitiveScopes?: boolean;
  /** `factor|about` flags from the evidence (agents and MCP servers in repositories) */
  riskFlags?: string[];
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
    ...deploymentFactors(input, weights),
    ...oauthFactors(input, weights),
    ...agentFactors(input, weights),
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
  const inForce = factsInForce(input.vendorFacts, {
    shadow: input.sanction.shadow,
    policyPlan: input.policyPlan ?? null,
    category: input.toolCategory,
  });
  return vendorVerdict(inForce, w.vendor).concerns.map((c) => ({
    key: c.key,
    points: w.vendor[c.weight],
    reason: c.reason,
    ...(c.resolvable ? { resolvable: true } : {}),
  }));
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

function deploymentFactors(input: RiskInput, w: RiskWeights): RiskFactor[] {
  if (input.toolCategory !== 'local-runtime') return [];
  return [
    {
      key: 'deployment.local-runtime',
      points: w.deployment.localRuntime,
      reason: `${input.toolName} runs models locally: prompts and data stay on the machine`,
    },
  ];
}

function oauthFactors(input: RiskInput, w: RiskWeights): RiskFactor[] {
  if (!input.oauthSensitiveScopes) return [];
  return [
    {
      key: 'oauth.sensitive-scopes',
      points: w.oauth.sensitiveScopes,
      reason: `${input.toolName} was granted access to mail, files or calendar of the work account (scopes in the evidence)`,
    },
  ];
}

// Flag prefix → factor key, weight and how the reason begins.
const AGENT_FACTORS: Record<
  string,
  { key: string; weight: keyof RiskWeights['agents']; says: string }
> = {
  'agent.unrestricted-shell': {
    key: 'agent.unrestricted-shell',
    weight: 'unrestrictedShellSensitiveData',
    says: 'an agent may run any shell command where the repository holds',
  },
  'mcp.write-sensitive': {
    key: 'mcp.write-sensitive',
    weight: 'mcpWriteSensitive',
    says: 'an MCP server can write to mail, code or cloud',
  },
  'mcp.unknown-package': {
    key: 'mcp.unknown-package',
    weight: 'mcpUnknownPackage',
    says: 'an MCP package outside the catalog',
  },
  'mcp.unpinned': {
    key: 'mcp.unpinned',
    weight: 'mcpUnpinned',
    says: 'an MCP package without an exact version',
  },
  'mcp.remote-unknown': {
    key: 'mcp.remote-unknown',
    weight: 'mcpRemoteUnknown',
    says: 'a remote MCP server outside the catalog',
  },
};

/** One factor per kind of flag, naming what it is about (at most three, then a count). */
function agentFactors(input: RiskInput, w: RiskWeights): RiskFactor[] {
  const about = new Map<string, string[]>();
  for (const flag of input.riskFlags ?? []) {
    const bar = flag.indexOf('|');
    const kind = bar < 0 ? flag : flag.slice(0, bar);
    if (!AGENT_FACTORS[kind]) continue;
    about.set(kind, [...(about.get(kind) ?? []), bar < 0 ? '' : flag.slice(bar + 1)]);
  }
  const sensitive = input.dataClasses.filter((c) => c === 'pii' || c === 'phi').sort();
  const out: RiskFactor[] = [];
  for (const [kind, def] of Object.entries(AGENT_FACTORS)) {
    const items = (about.get(kind) ?? []).filter((x) => x !== '').sort();
    if (!about.has(kind)) continue;
    // unrestricted shell counts only where the repository holds personal or health data
    if (kind === 'agent.unrestricted-shell' && sensitive.length === 0) continue;
    const list =
      items.length > 3
        ? `${items.slice(0, 3).join('; ')} and ${items.length - 3} more`
        : items.join('; ');
    const says =
      kind === 'agent.unrestricted-shell' ? `${def.says} ${sensitive.join(', ')} data` : def.says;
    out.push({
      key: def.key,
      points: w.agents[def.weight],
      reason: list ? `${says}: ${list}` : says,
    });
  }
  return out;
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
