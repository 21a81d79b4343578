import { Inject, Injectable } from '@nestjs/common';
import { EvidenceService } from '../evidence/evidence.service';
import type { ReportEvidence, ReportFinding, ReportInput } from '../reports/model/report.types';
import type { CorrelationSources } from './correlation/correlation-sources';
import { CORRELATION_SOURCES } from './correlation/correlation-sources';
import { FindingsRepository } from './findings.repository';

export interface ReportInputOptions {
  organisation: string;
  k: number;
  now: Date;
  /** attach evidence to each finding (the security report) */
  evidencePerFinding?: number;
}

/** What the reports module reads: findings joined with people, teams, tools and answers. */
@Injectable()
export class FindingsService {
  constructor(
    private readonly repo: FindingsRepository,
    private readonly evidenceService: EvidenceService,
    @Inject(CORRELATION_SOURCES) private readonly sources: CorrelationSources,
  ) {}

  /** The most recent evidence rows of each finding, read through the evidence module. */
  evidenceFor(findingIds: string[], perFinding: number) {
    return this.repo.evidenceFor(this.evidenceService.relation(), findingIds, perFinding);
  }

  async reportInput(o: ReportInputOptions): Promise<Omit<ReportInput, 'previous'>> {
    const [people, tools, policies, survey, repositories, findings] = await Promise.all([
      this.sources.people(),
      this.sources.tools(),
      this.sources.policies(),
      this.sources.disclosures(),
      this.sources.repositories(),
      this.repo.allPresent(),
    ]);
    const personById = new Map(people.map((p) => [p.id, p]));
    const repoTeam = new Map(repositories.map((r) => [r.repository, r.team]));
    const teamSizes = new Map<string, number>();
    for (const p of people) if (p.team) teamSizes.set(p.team, (teamSizes.get(p.team) ?? 0) + 1);

    const evidence = new Map<string, ReportEvidence[]>();
    if (o.evidencePerFinding) {
      for (const e of await this.evidenceFor(
        findings.map((f) => f.id),
        o.evidencePerFinding,
      )) {
        const list = evidence.get(e.findingId) ?? [];
        list.push({
          signal: e.signal,
          fingerprint: e.fingerprint,
          repository: e.repository,
          summary: summarise(e.detail, e.repository),
          lastSeen: new Date(e.lastSeen).toISOString(),
        });
        evidence.set(e.findingId, list);
      }
    }
    const toolIds = new Set(findings.map((f) => f.toolId));
    const reportFindings: ReportFinding[] = findings.map((f) => {
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
        firstSeen: f.firstSeen.toISOString(),
        lastSeen: f.lastSeen.toISOString(),
        evidence: evidence.get(f.id),
      };
    });
    return {
      generatedAt: o.now,
      organisation: o.organisation,
      k: o.k,
      people: {
        total: people.length,
        byTeam: [...teamSizes]
          .map(([team, headcount]) => ({ team, headcount }))
          .sort((a, b) => a.team.localeCompare(b.team)),
      },
      repositories: { total: repositories.length },
      survey: {
        respondents: survey.surveyedPersonIds.map((id) => ({
          personId: id,
          team: personById.get(id)?.team ?? null,
        })),
        selfReported: survey.disclosures.map((d) => ({
          personId: d.personId,
          team: personById.get(d.personId)?.team ?? null,
          toolId: d.toolId,
        })),
      },
      tools: tools
        .filter((t) => toolIds.has(t.id) || survey.disclosures.some((d) => d.toolId === t.id))
        .map((t) => ({
          id: t.id,
          name: t.name,
          vendor: t.vendor,
          category: t.category,
          policyStatus: policies.get(t.id)?.status ?? 'unreviewed',
          vendorRisk: t.vendorRisk,
          generic: t.generic,
        })),
      findings: reportFindings,
    };
  }
}

function summarise(detail: Record<string, unknown>, repository: string | null): string {
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
