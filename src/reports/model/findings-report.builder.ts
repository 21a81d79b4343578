import { complianceReference, findingReferenceIds } from '../../catalog/compliance-references';
import type { FindingsReportModel, ReportInput } from './report.types';
import { tierRank } from './report-helpers';

/** Security's report: every open shadow or risky finding, person-level, with its evidence and why. */
export function buildFindingsReport(input: ReportInput): FindingsReportModel {
  const names = new Map(input.tools.map((t) => [t.id, t.name]));
  const rows = input.findings
    .filter((f) => f.triageState !== 'false-positive')
    .sort(
      (a, b) =>
        tierRank(a.tier) - tierRank(b.tier) || b.score - a.score || a.id.localeCompare(b.id),
    )
    .map((f) => ({
      id: f.id,
      subjectType: f.subjectType,
      subject: f.subjectLabel,
      team: f.team,
      toolId: f.toolId,
      toolName: names.get(f.toolId) ?? f.toolId,
      sanctionStatus: f.sanctionStatus,
      strength: f.strength,
      disclosure: f.disclosure,
      score: f.score,
      tier: f.tier,
      triageState: f.triageState,
      why: f.factors
        .filter((x) => x.points !== 0)
        .map((x) => `${x.points > 0 ? '+' : ''}${x.points} ${x.reason}`),
      signals: f.signals,
      repositories: f.repositories,
      firstSeen: f.firstSeen,
      lastSeen: f.lastSeen,
      evidence: f.evidence ?? [],
      references: findingReferenceIds(f).map(citation),
    }));
  const byTier = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const r of rows) byTier[r.tier]++;
  return {
    kind: 'findings',
    version: 1,
    generatedAt: input.generatedAt.toISOString(),
    organisation: input.organisation,
    byTier,
    findings: rows,
  };
}

const FRAMEWORK_NAMES = {
  'eu-ai-act': 'EU AI Act',
  'iso-iec-42001': 'ISO/IEC 42001',
  'nist-ai-rmf': 'NIST AI RMF',
};

/** "ISO/IEC 42001 Annex A.9.2", as a reader looks it up in the framework's text. */
function citation(id: string): string {
  const r = complianceReference(id);
  return `${FRAMEWORK_NAMES[r.framework]} ${r.ref}`;
}
