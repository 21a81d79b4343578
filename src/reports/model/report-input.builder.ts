import type { ToolDefinition } from '../../catalog/catalog.types';
import type { DirectoryPerson } from '../../findings/correlation/correlation-sources';
import type { SurveyDisclosure } from '../../findings/disclosure/disclosure';
import type { SanctionPolicy } from '../../findings/sanction/sanction';
import type { FindingRecord } from '../../findings/findings.types';
import type { EvidenceSummaryRow } from '../../evidence/evidence.types';
import type { ReportEvidence, ReportFinding, ReportInput } from './report.types';

/** What the reports read from the modules below them, before it becomes a report's input. */
export interface ReportSources {
  organisation: string;
  k: number;
  now: Date;
  people: DirectoryPerson[];
  tools: ToolDefinition[];
  policies: Map<string, SanctionPolicy>;
  survey: {
    /** who answered a linkable survey (not everyone invited: the response rate counts answers) */
    respondentPersonIds: string[];
    disclosures: Pick<SurveyDisclosure, 'personId' | 'toolId'>[];
  };
  repositories: { repository: string; team: string | null; guardrails?: string[] }[];
  findings: FindingRecord[];
  /** the latest evidence per finding, keyed by finding id (the security report only) */
  evidence: EvidenceSummaryRow[];
}

/** Joins findings with people, teams, tools, answers and evidence as the report builders read them. */
export function buildReportInput(s: ReportSources): Omit<ReportInput, 'previous'> {
  const personById = new Map(s.people.map((p) => [p.id, p]));
  const repoTeam = new Map(s.repositories.map((r) => [r.repository, r.team]));
  const teamSizes = new Map<string, number>();
  for (const p of s.people) if (p.team) teamSizes.set(p.team, (teamSizes.get(p.team) ?? 0) + 1);
  const evidence = new Map<string, ReportEvidence[]>();
  for (const e of s.evidence) {
    const list = evidence.get(e.key) ?? [];
    list.push({
      signal: e.signal,
      fingerprint: e.fingerprint,
      repository: e.repository,
      summary: summariseEvidence(e.detail, e.repository),
      lastSeen: new Date(e.lastSeen).toISOString(),
    });
    evidence.set(e.key, list);
  }
  const teamOf = (personId: string) => personById.get(personId)?.team ?? null;
  const findings: ReportFinding[] = s.findings.map((f) => {
    const person = f.subjectType === 'person' ? personById.get(f.subjectId) : undefined;
    return {
      id: f.id,
      subjectType: f.subjectType,
      subjectId: f.subjectId,
      subjectLabel: person?.label ?? f.subjectId,
      team: person ? person.team : (repoTeam.get(f.subjectId) ?? null),
      toolId: f.toolId,
      sanctionStatus: f.sanctionStatus,
      shadow: f.shadow,
      strength: f.strength,
      disclosure: f.disclosure,
      score: f.score,
      tier: f.tier,
      factors: f.factors,
      triageState: f.triageState,
      signals: f.signals,
      evidenceCount: f.evidenceCount,
      repositories: f.repositories,
      bytes: f.bytes,
      firstSeen: new Date(f.firstSeen).toISOString(),
      lastSeen: new Date(f.lastSeen).toISOString(),
      evidence: evidence.get(f.id),
    };
  });
  const toolIds = new Set(s.findings.map((f) => f.toolId));
  const saidToolIds = new Set(s.survey.disclosures.map((d) => d.toolId));
  return {
    generatedAt: s.now,
    organisation: s.organisation,
    k: s.k,
    people: {
      total: s.people.length,
      byTeam: [...teamSizes]
        .map(([team, headcount]) => ({ team, headcount }))
        .sort((a, b) => a.team.localeCompare(b.team)),
    },
    repositories: { total: s.repositories.length },
    survey: {
      respondents: s.survey.respondentPersonIds.map((id) => ({ personId: id, team: teamOf(id) })),
      selfReported: s.survey.disclosures.map((d) => ({
        personId: d.personId,
        team: teamOf(d.personId),
        toolId: d.toolId,
      })),
    },
    tools: s.tools
      .filter((t) => toolIds.has(t.id) || saidToolIds.has(t.id))
      .map((t) => ({
        id: t.id,
        name: t.name,
        vendor: t.vendor,
        category: t.category,
        policyStatus: s.policies.get(t.id)?.status ?? 'unreviewed',
        policyPlan: s.policies.get(t.id)?.plan ?? null,
        vendorFacts: t.vendorFacts,
        generic: t.generic,
      })),
    findings,
    repositoryGuardrails: s.repositories
      .filter((r) => (r.guardrails ?? []).length > 0)
      .map((r) => ({ repository: r.repository, guardrails: r.guardrails ?? [] })),
  };
}

/** One line per evidence row: where it was seen and what was seen. */
export function summariseEvidence(
  detail: Record<string, unknown>,
  repository: string | null,
): string {
  const parts: string[] = [];
  if (repository) parts.push(repository);
  for (const key of [
    'path',
    'line',
    'commit',
    'package',
    'version',
    'domain',
    'host',
    'rule',
    'day',
  ]) {
    const v = detail[key];
    if (v !== undefined && v !== null && v !== '')
      parts.push(key === 'commit' ? String(v).slice(0, 10) : String(v));
  }
  return parts.join(' · ') || JSON.stringify(detail).slice(0, 120);
}
