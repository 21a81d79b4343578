import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Not, Repository } from 'typeorm';
import { ERASED_MARK } from '../common/identifier-redaction';
import { AuditEventEntity } from './entities/audit-event.entity';

export interface AuditQuery {
  targetType?: string;
  targetId?: string;
  action?: string;
  /** leave this action out (a finding's page lists what was done to it, not each read of it) */
  exceptAction?: string;
  limit: number;
  /** rows to skip, newest first (paging) */
  offset?: number;
}

@Injectable()
export class AuditRepository {
  constructor(
    @InjectRepository(AuditEventEntity) private readonly repo: Repository<AuditEventEntity>,
  ) {}

  async insert(event: Omit<AuditEventEntity, 'id' | 'at'>): Promise<void> {
    await this.repo.insert(event as Partial<AuditEventEntity> as never);
  }

  find(q: AuditQuery): Promise<AuditEventEntity[]> {
    const where: FindOptionsWhere<AuditEventEntity> = {};
    if (q.targetType) where.targetType = q.targetType;
    if (q.targetId) where.targetId = q.targetId;
    if (q.action) where.action = q.action;
    else if (q.exceptAction) where.action = Not(q.exceptAction);
    return this.repo.find({ where, order: { id: 'DESC' }, take: q.limit, skip: q.offset });
  }

  /** Erasure only: replaces a person's identifiers in details and targets; returns rows changed. */
  async redact(pattern: string): Promise<number> {
    const r = (await this.repo.query(
      `UPDATE audit_event SET detail = regexp_replace(detail::text, $1, $2, 'gi')::jsonb,
              target_id = regexp_replace(target_id, $1, $2, 'gi')
        WHERE detail::text ~* $1 OR target_id ~* $1`,
      [pattern, ERASED_MARK],
    )) as [unknown, number];
    return r[1];
  }

  /** Retention: audit events older than the cut-off; returns how many there were. */
  async purgeBefore(cutoff: Date, dryRun: boolean): Promise<number> {
    const at = cutoff.toISOString();
    if (dryRun) {
      const [{ n }] = (await this.repo.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE at < $1`,
        [at],
      )) as { n: number }[];
      return n;
    }
    const r = (await this.repo.query(`DELETE FROM audit_event WHERE at < $1`, [at])) as [
      unknown,
      number,
    ];
    return r[1];
  }
}
