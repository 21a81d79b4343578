import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import { SYSTEM_ACTOR, type Actor } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import { PeopleService } from '../../people/people.service';
import type { FindingRevealEntity } from '../entities/finding-reveal.entity';
import { FindingsRepository } from '../findings.repository';
import { FindingRevealRepository } from './finding-reveal.repository';
import { decideReveal, revealsTo, type RevealDecision, type RevealState } from './reveal-state';
import { TriagePseudonyms } from './triage-pseudonyms';

/**
 * Four eyes on unmasking a pseudonymised finding: a reader asks with a reason, a second person
 * in the privacy role approves or refuses, and the approval shows the person to the requester
 * alone until it expires. Every step is audited, and so is every refusal of one.
 */
@Injectable()
export class RevealService {
  constructor(
    private readonly reveals: FindingRevealRepository,
    private readonly findings: FindingsRepository,
    private readonly people: PeopleService,
    private readonly pseudonyms: TriagePseudonyms,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async request(findingId: string, reason: string, actor: Actor, now = new Date()) {
    this.requireEnabled();
    const finding = await this.findings.findById(findingId);
    if (!finding) throw new DomainError(ErrorCode.NotFound, `No finding with id ${findingId}`);
    if (finding.subjectType !== 'person')
      throw new DomainError(ErrorCode.InvalidInput, 'a repository finding names no one to reveal');
    const reveal = await this.reveals.create({
      findingId,
      state: 'requested',
      reason,
      requestedBy: actor.name,
      requestedByTokenId: actor.tokenId,
      requestedAt: now,
      decidedBy: null,
      decidedByTokenId: null,
      decidedAt: null,
      decisionComment: null,
      expiresAt: null,
      noticeState: null,
    });
    await this.audit.record({
      actor,
      action: 'finding.reveal-request',
      targetType: 'finding',
      targetId: findingId,
      detail: { revealId: reveal.id, reason },
    });
    return reveal;
  }

  async decide(
    revealId: string,
    decision: RevealDecision,
    comment: string | undefined,
    actor: Actor,
    now = new Date(),
  ): Promise<FindingRevealEntity> {
    this.requireEnabled();
    await this.expireDue(now);
    const reveal = await this.reveals.findById(revealId);
    if (!reveal) throw new DomainError(ErrorCode.NotFound, `No reveal request with id ${revealId}`);
    const outcome = decideReveal(reveal, decision, actor, now, this.config.revealTtlMs);
    if (!outcome.ok) {
      await this.audit.record({
        actor,
        action: 'finding.reveal-denied',
        targetType: 'finding',
        targetId: reveal.findingId,
        detail: { revealId, attempted: decision, why: outcome.reason },
      });
      throw new DomainError(
        outcome.refusal === 'forbidden' ? ErrorCode.Forbidden : ErrorCode.Conflict,
        outcome.reason,
      );
    }
    const notice =
      outcome.state === 'approved' && this.config.revealNotifyPerson ? 'pending' : null;
    const change = {
      state: outcome.state,
      decidedBy: actor.name,
      decidedByTokenId: actor.tokenId,
      decidedAt: now,
      decisionComment: comment ?? null,
      expiresAt: outcome.expiresAt,
      noticeState: notice,
    };
    if (!(await this.reveals.decide(revealId, 'requested', change)))
      throw new DomainError(ErrorCode.Conflict, 'the reveal was decided meanwhile');
    await this.audit.record({
      actor,
      action: outcome.state === 'approved' ? 'finding.reveal-approve' : 'finding.reveal-refuse',
      targetType: 'finding',
      targetId: reveal.findingId,
      detail: {
        revealId,
        requestedBy: reveal.requestedBy,
        comment: comment ?? null,
        expiresAt: outcome.expiresAt?.toISOString() ?? null,
        ...(notice ? { personNotice: notice } : {}),
      },
    });
    return { ...reveal, ...change };
  }

  async list(state: RevealState | undefined, actor: Actor, now = new Date()) {
    await this.expireDue(now);
    const rows = await this.reveals.list(state, 200);
    await this.audit.recordRead(actor, 'finding-reveal', null, { state: state ?? null });
    return rows;
  }

  /** The person behind one finding, for the requester of an approval still in force. */
  async person(findingId: string, actor: Actor, now = new Date()) {
    this.requireEnabled();
    await this.expireDue(now);
    const finding = await this.findings.findById(findingId);
    if (!finding) throw new DomainError(ErrorCode.NotFound, `No finding with id ${findingId}`);
    const approved = await this.revealedTo([findingId], actor, now);
    if (!approved.has(findingId)) {
      await this.audit.record({
        actor,
        action: 'finding.reveal-denied',
        targetType: 'finding',
        targetId: findingId,
        detail: { attempted: 'read', why: 'no approval in force for this reader' },
      });
      throw new DomainError(
        ErrorCode.Forbidden,
        'revealing this person needs a request approved by a second person in the privacy role',
      );
    }
    const person = await this.people.getPerson(finding.subjectId);
    await this.audit.recordRead(actor, 'finding-reveal', findingId, {
      revealId: approved.get(findingId),
    });
    return {
      findingId,
      pseudonym: this.pseudonyms.of(finding.subjectId),
      personId: person.id,
      name: person.name,
      email: person.email,
      expiresAt: (await this.reveals.findById(approved.get(findingId) as string))?.expiresAt,
    };
  }

  /** finding id → reveal id, for the findings whose person this reader may see now. */
  async revealedTo(
    findingIds: string[],
    actor: Actor,
    now = new Date(),
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const r of await this.reveals.approvedFor(findingIds))
      if (revealsTo(r, actor, now)) out.set(r.findingId, r.id);
    return out;
  }

  /** Writes down approvals that ran out, each audited as the system's. */
  async expireDue(now = new Date()): Promise<number> {
    let n = 0;
    for (const r of await this.reveals.dueToExpire(now)) {
      if (!(await this.reveals.markExpired(r.id))) continue;
      n++;
      await this.audit.record({
        actor: SYSTEM_ACTOR,
        action: 'finding.reveal-expire',
        targetType: 'finding',
        targetId: r.findingId,
        detail: {
          revealId: r.id,
          requestedBy: r.requestedBy,
          expiredAt: r.expiresAt?.toISOString(),
        },
      });
    }
    return n;
  }

  private requireEnabled(): void {
    if (!this.pseudonyms.enabled)
      throw new DomainError(
        ErrorCode.Conflict,
        'findings are not pseudonymised (PSEUDONYMISED_TRIAGE is off): there is nothing to reveal',
      );
  }
}
