import type { DataClass, ToolDefinition } from '../../catalog/catalog.types';
import { DATA_CLASSES } from '../../catalog/catalog.types';
import { pairStrength } from '../../evidence/confidence';
import type { FindingFacts, SubjectType } from '../findings.types';
import type { DisclosureIndex } from '../disclosure/disclosure';
import { classifyDisclosure } from '../disclosure/disclosure';
import { computeRisk } from '../risk/risk-score';
import type { RiskWeights } from '../risk/risk-weights';
import type { SanctionPolicy } from '../sanction/sanction';
import { evaluateSanction } from '../sanction/sanction';

/** One (subject, tool) pair as the correlation query aggregates it from evidence and answers. */
export interface SubjectToolAggregate {
  subjectType: SubjectType;
  subjectId: string;
  toolId: string;
  fingerprints: string[];
  signals: string[];
  repositories: string[];
  dataClasses: string[];
  firstSeen: Date;
  lastSeen: Date;
  activeDays: number;
  bytes: number;
  evidenceCount: number;
  maxConfidence: number;
  /** signals of the evidence at or above the corroboration floor (see evidence/confidence.ts) */
  supportingSignals: string[];
  /** distinct people behind a repository finding */
  people: number;
  /** person subjects of tenant-bound tools: holds an organisation seat */
  hasOrgSeat: boolean | null;
  /** person subjects: an OAuth grant of the tool reaches mail, files or calendar */
  sensitiveOAuth?: boolean | null;
  /** `factor|about` flags the evidence carries (MCP servers, agent permissions) */
  riskFlags?: string[];
}

export interface ScoredFinding extends FindingFacts {
  fingerprints: string[];
  dataClasses: DataClass[];
}

export interface ScoringContext {
  tools: ReadonlyMap<string, ToolDefinition>;
  policies: ReadonlyMap<string, SanctionPolicy>;
  disclosures: DisclosureIndex;
  weights: RiskWeights;
}

/** Pure and deterministic: the same aggregate and context always give the same finding. */
export function scoreAggregate(a: SubjectToolAggregate, ctx: ScoringContext): ScoredFinding {
  const tool = ctx.tools.get(a.toolId);
  const dataClasses = [...new Set(a.dataClasses)]
    .filter((c): c is DataClass => (DATA_CLASSES as readonly string[]).includes(c))
    .sort();
  const policy = ctx.policies.get(a.toolId);
  const sanction = evaluateSanction({
    policy,
    dataClasses,
    hasOrgSeat:
      a.subjectType === 'person' && policy?.tenantBound ? (a.hasOrgSeat ?? false) : undefined,
  });
  const disclosure = classifyDisclosure(ctx.disclosures, a.subjectType, a.subjectId, a.toolId);
  const signals = [...new Set(a.signals)].sort();
  const risk = computeRisk(
    {
      subjectType: a.subjectType,
      toolName: tool?.name ?? a.toolId,
      toolCategory: tool?.category,
      sanction,
      vendorFacts: tool?.vendorFacts,
      policyPlan: policy?.plan ?? null,
      dataClasses,
      repositories: new Set(a.repositories).size,
      people: a.people,
      activeDays: a.activeDays,
      bytes: a.bytes,
      disclosure,
      signals,
      maxConfidence: a.maxConfidence,
      oauthSensitiveScopes: a.sensitiveOAuth === true,
      riskFlags: a.riskFlags,
    },
    ctx.weights,
  );
  return {
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    toolId: a.toolId,
    sanctionStatus: sanction.status,
    shadow: sanction.shadow,
    strength: pairStrength(a.maxConfidence, a.supportingSignals),
    disclosure,
    score: risk.score,
    tier: risk.tier,
    factors: risk.factors,
    fingerprints: [...new Set(a.fingerprints)].sort(),
    signals,
    repositories: [...new Set(a.repositories)].sort(),
    dataClasses,
    firstSeen: a.firstSeen,
    lastSeen: a.lastSeen,
    evidenceCount: a.evidenceCount,
    bytes: a.bytes,
  };
}
