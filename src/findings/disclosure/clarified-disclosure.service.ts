import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import type { FindingEntity } from '../entities/finding.entity';
import { FindingsRepository } from '../findings.repository';
import type { Disclosure, SubjectType, TriageState } from '../findings.types';
import { TriageService } from '../triage/triage.service';
import type { Strength } from '../../evidence/confidence';

/** A finding as the one asking a person about it needs to see it. */
export interface ClarifiableFinding {
  id: string;
  subjectType: SubjectType;
  subjectId: string;
  toolId: string;
  strength: Strength;
  disclosure: Disclosure;
  triageState: TriageState;
}

/** What the person answered about one finding. */
export interface ClarificationOutcome {
  uses: boolean;
  dataClasses: string[];
  note: string | null;
}

/**
 * A person's own answer about a finding (a clarification request): "yes" makes it disclosed,
 * with the data classes they named, and stays so across correlations; "no" on a lead closes the
 * lead as a false positive. Every answer is an event of the finding.
 */
@Injectable()
export class ClarifiedDisclosureService {
  constructor(
    private readonly repo: FindingsRepository,
    private readonly triage: TriageService,
    private readonly audit: AuditService,
  ) {}

  async clarifiable(id: string): Promise<ClarifiableFinding> {
    const f = await this.repo.findById(id);
    if (!f) throw new DomainError(ErrorCode.NotFound, `No finding with id ${id}`);
    if (f.subjectType !== 'person')
      throw new DomainError(
        ErrorCode.InvalidInput,
        `finding ${id} is about the repository ${f.subjectId}: only a person can be asked`,
      );
    if (!(
      f.strength === 'lead' ||
      f.disclosure === 'undisclosed' ||
      f.disclosure === 'not-surveyed'
    ))
      throw new DomainError(
        ErrorCode.Conflict,
        `finding ${id} is a disclosed claim: there is nothing to clarify (ask about a lead or an undisclosed finding)`,
      );
    return view(f);
  }

  /** Records the answer; returns whether a lead was closed by it. */
  async record(
    findingId: string,
    answer: ClarificationOutcome,
    actor: Actor,
    now: Date = new Date(),
  ): Promise<{ closedLead: boolean; finding: ClarifiableFinding }> {
    const f = await this.repo.findById(findingId);
    if (!f) throw new DomainError(ErrorCode.NotFound, `No finding with id ${findingId}`);
    await this.repo.recordClarification(findingId, {
      actor: actor.name,
      at: now,
      uses: answer.uses,
      dataClasses: answer.dataClasses,
      comment: answer.note,
    });
    await this.audit.record({
      actor,
      action: 'finding.clarify',
      targetType: 'finding',
      targetId: findingId,
      detail: { uses: answer.uses, dataClasses: answer.dataClasses },
    });
    let closedLead = false;
    if (
      !answer.uses &&
      f.strength === 'lead' &&
      (f.triageState === 'open' || f.triageState === 'acknowledged')
    ) {
      await this.triage.triage(
        findingId,
        {
          action: 'mark-false-positive',
          comment: 'closed as not-use: the person answered a clarification request saying no',
        },
        actor,
        now,
      );
      closedLead = true;
    }
    const after = await this.repo.findById(findingId);
    return { closedLead, finding: view(after ?? f) };
  }
}

function view(f: FindingEntity): ClarifiableFinding {
  return {
    id: f.id,
    subjectType: f.subjectType,
    subjectId: f.subjectId,
    toolId: f.toolId,
    strength: f.strength,
    disclosure: f.disclosure,
    triageState: f.triageState,
  };
}
