import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Repository } from 'typeorm';
import { AuditEventEntity } from './entities/audit-event.entity';

export interface AuditQuery {
  targetType?: string;
  targetId?: string;
  action?: string;
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
    return this.repo.find({ where, order: { id: 'DESC' }, take: q.limit, skip: q.offset });
  }
}
