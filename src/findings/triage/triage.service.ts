import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import type { FindingEntity } from '../entities/finding.entity';
import { FindingsRepository } from '../findings.repository';
import type { TriageAction } from './triage-state-machine';
import { applyTriage } from './triage-state-machine';

export interface TriageRequest {
  action: TriageAction;
  acceptedUntil?: Date;
  assignee?: string | null;
  comment?: string;
}

/** Moves a finding through its workflow; every change is an event and an audit record. */
@Injectable()
export class TriageService {
  constructor(
    private readonly repo: FindingsRepository,
    private readonly audit: AuditService,
  ) {}

  async triage(
    id: string,
    req: TriageRequest,
    actor: Actor,
    now: Date = new Date(),
  ): Promise<FindingEntity> {
    const finding = await this.get(id);
    const outcome = applyTriage(
      {
        state: finding.triageState,
        acceptedUntil: finding.acceptedUntil,
        remediatedAt: finding.remediatedAt,
      },
      { action: req.action, acceptedUntil: req.acceptedUntil },
      now,
    );
    if (!outcome.ok) throw new DomainError(ErrorCode.Conflict, `finding ${id}: ${outcome.reason}`);
    const written = await this.repo.applyTriage({
      id,
      expectedState: finding.triageState,
      state: outcome.next.state,
      acceptedUntil: outcome.next.acceptedUntil,
      remediatedAt: outcome.next.remediatedAt,
      assignee: req.assignee,
      event: { actor: actor.name, at: now, action: req.action, comment: req.comment ?? null },
      suppress: outcome.next.state === 'false-positive',
      unsuppress: finding.triageState === 'false-positive',
    });
    if (!written)
      throw new DomainError(
        ErrorCode.Conflict,
        `finding ${id} changed meanwhile; reload and retry`,
      );
    await this.audit.record({
      actor,
      action: `finding.${req.action}`,
      targetType: 'finding',
      targetId: id,
      detail: {
        from: finding.triageState,
        to: outcome.next.state,
        acceptedUntil: outcome.next.acceptedUntil?.toISOString() ?? null,
      },
    });
    return this.get(id);
  }

  async assign(
    id: string,
    assignee: string | null,
    comment: string | undefined,
    actor: Actor,
  ): Promise<FindingEntity> {
    await this.get(id);
    await this.repo.assign(id, assignee, {
      actor: actor.name,
      at: new Date(),
      comment: comment ?? null,
    });
    await this.audit.record({
      actor,
      action: 'finding.assign',
      targetType: 'finding',
      targetId: id,
      detail: { assignee },
    });
    return this.get(id);
  }

  async comment(id: string, text: string, actor: Actor): Promise<void> {
    await this.get(id);
    await this.repo.comment(id, { actor: actor.name, at: new Date(), comment: text });
    await this.audit.record({
      actor,
      action: 'finding.comment',
      targetType: 'finding',
      targetId: id,
    });
  }

  private async get(id: string): Promise<FindingEntity> {
    const f = await this.repo.findById(id);
    if (!f) throw new DomainError(ErrorCode.NotFound, `No finding with id ${id}`);
    return f;
  }
}
