import { Injectable } from '@nestjs/common';
import { AuditQuery, AuditRepository } from './audit.repository';
import { AuditEventEntity } from './entities/audit-event.entity';
import type { Actor } from './role';

export interface AuditRecord {
  actor: Actor;
  /** verb.noun, e.g. token.create, policy.update, people.read */
  action: string;
  targetType: string;
  targetId?: string | null;
  detail?: Record<string, unknown>;
}

/** Who changed what, and who read person-level data. Other modules call it; nothing edits it. */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  async record(event: AuditRecord): Promise<void> {
    await this.repo.insert({
      actorTokenId: event.actor.tokenId,
      actorName: event.actor.name,
      actorRole: event.actor.role,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId ?? null,
      detail: event.detail ?? {},
    });
  }

  /** A read of person-level data; the action is `<targetType>.read`. */
  recordRead(
    actor: Actor,
    targetType: string,
    targetId: string | null,
    detail?: Record<string, unknown>,
  ) {
    return this.record({ actor, action: `${targetType}.read`, targetType, targetId, detail });
  }

  /** The log names people; reading it is itself audited. */
  async read(q: AuditQuery, reader: Actor): Promise<AuditEventEntity[]> {
    await this.recordRead(reader, 'audit', null, { filter: { ...q } });
    return this.repo.find(q);
  }

  /**
   * The one edit the log allows: an erasure replaces the erased person's identifiers (the
   * pattern of common/identifier-redaction) with a mark, so the log keeps who did what, to whom
   * no longer. The erasure is itself recorded, without the identifiers.
   */
  redactIdentifiers(pattern: string): Promise<number> {
    return this.repo.redact(pattern);
  }

  /** Retention (RETENTION_AUDIT_DAYS): events older than the cut-off go. */
  purgeBefore(cutoff: Date, dryRun: boolean): Promise<number> {
    return this.repo.purgeBefore(cutoff, dryRun);
  }
}
