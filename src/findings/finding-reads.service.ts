import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import type { Actor } from '../auth/role';
import { complianceReference, findingReferenceIds } from '../catalog/compliance-references';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { ListFindingsDto } from './dto/findings.dto';
import { FindingsRepository } from './findings.repository';
import { FindingsService } from './findings.service';
import { FindingMasksService } from './reveal/finding-masks.service';
import {
  CORRELATION_SOURCES,
  isInTeam,
  type CorrelationSources,
} from './correlation/correlation-sources';

/** Who or what a finding is about, as person-level views show it. */
export interface FindingSubjectView {
  label: string;
  team: string | null;
}

/** Person-level findings as security and the CoE browse them; every read audited as the reader's. */
@Injectable()
export class FindingReadsService {
  constructor(
    private readonly repo: FindingsRepository,
    private readonly findings: FindingsService,
    private readonly audit: AuditService,
    private readonly masks: FindingMasksService,
    @Inject(CORRELATION_SOURCES) private readonly sources: CorrelationSources,
  ) {}

  async list(q: ListFindingsDto, actor: Actor) {
    const { team, ...filter } = q;
    const subjectIds = team === undefined ? undefined : await this.subjectsOfTeam(team);
    const [items, total] = await this.repo.list({ ...filter, subjectIds });
    await this.audit.recordRead(actor, 'finding', null, {
      filter: { ...q },
      returned: items.length,
    });
    // PSEUDONYMISED_TRIAGE: people appear under pseudonyms unless a reveal is in force
    return { total, items: await this.masks.list(items, actor) };
  }

  async get(id: string, actor: Actor) {
    const finding = await this.repo.findById(id);
    if (!finding) throw new DomainError(ErrorCode.NotFound, `No finding with id ${id}`);
    const [rawEvents, rawEvidence] = await Promise.all([
      this.repo.eventsOf(id),
      this.findings.evidenceFor([id], 50),
    ]);
    await this.audit.recordRead(actor, 'finding', id);
    const complianceReferences = findingReferenceIds(finding).map(complianceReference);
    const masked = await this.masks.detail(finding, rawEvents, rawEvidence, actor);
    return {
      ...masked.finding,
      events: masked.events,
      evidence: masked.evidence,
      complianceReferences,
    };
  }

  /** The teams findings can be filtered by: those of the directory and of repository owners. */
  async teams(): Promise<string[]> {
    const [people, repos] = await Promise.all([
      this.sources.peopleTeams(),
      this.sources.repositories(),
    ]);
    const teams = new Set(people);
    for (const r of repos) if (r.team) teams.add(r.team);
    return [...teams].sort();
  }

  /**
   * Names and teams of findings' subjects, for the person-level views that list them (the caller
   * has read the findings, which is audited). Repositories are named by themselves. Only the
   * people named are read, not the directory.
   */
  async subjects(
    findings: { subjectType: string; subjectId: string }[],
  ): Promise<Map<string, FindingSubjectView>> {
    const personIds = findings.filter((f) => f.subjectType === 'person').map((f) => f.subjectId);
    const [people, repos] = await Promise.all([
      personIds.length > 0 ? this.sources.peopleWithIds([...new Set(personIds)]) : [],
      findings.some((f) => f.subjectType === 'repository') ? this.sources.repositories() : [],
    ]);
    const person = new Map(people.map((p) => [p.id, p]));
    const repo = new Map(repos.map((r) => [r.repository, r]));
    const out = new Map<string, FindingSubjectView>();
    for (const f of findings) {
      const p = f.subjectType === 'person' ? person.get(f.subjectId) : undefined;
      const r = f.subjectType === 'repository' ? repo.get(f.subjectId) : undefined;
      out.set(f.subjectId, {
        label: p?.label ?? f.subjectId,
        team: p?.team ?? r?.team ?? null,
      });
    }
    return out;
  }

  /** The people and repositories of a team and of the teams under it (`eng` holds `eng/web`). */
  private async subjectsOfTeam(team: string): Promise<string[]> {
    const [people, repos] = await Promise.all([
      this.sources.peopleOfTeam(team),
      this.sources.repositories(),
    ]);
    return [...people, ...repos.filter((r) => isInTeam(r.team, team)).map((r) => r.repository)];
  }
}
