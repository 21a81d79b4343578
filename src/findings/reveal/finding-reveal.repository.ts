import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThanOrEqual, Repository } from 'typeorm';
import { FindingRevealEntity } from '../entities/finding-reveal.entity';
import type { RevealState } from './reveal-state';

@Injectable()
export class FindingRevealRepository {
  constructor(
    @InjectRepository(FindingRevealEntity) private readonly repo: Repository<FindingRevealEntity>,
  ) {}

  create(row: Omit<FindingRevealEntity, 'id'>): Promise<FindingRevealEntity> {
    return this.repo.save(this.repo.create(row));
  }

  findById(id: string): Promise<FindingRevealEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  list(state: RevealState | undefined, limit: number): Promise<FindingRevealEntity[]> {
    return this.repo.find({
      where: state ? { state } : {},
      order: { requestedAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  /** Approvals of these findings, whoever asked: the caller checks requester and time. */
  approvedFor(findingIds: string[]): Promise<FindingRevealEntity[]> {
    if (findingIds.length === 0) return Promise.resolve([]);
    return this.repo.find({ where: { findingId: In(findingIds), state: 'approved' } });
  }

  /** Guarded against a concurrent decision: false when the row had left `from` meanwhile. */
  async decide(
    id: string,
    from: RevealState,
    change: Pick<
      FindingRevealEntity,
      'state' | 'decidedBy' | 'decidedByTokenId' | 'decidedAt' | 'decisionComment' | 'expiresAt'
    > & { noticeState?: string | null },
  ): Promise<boolean> {
    const r = await this.repo.update({ id, state: from }, change);
    return (r.affected ?? 0) > 0;
  }

  /** Approvals past their time, to be written down as expired. */
  dueToExpire(now: Date): Promise<FindingRevealEntity[]> {
    return this.repo.find({ where: { state: 'approved', expiresAt: LessThanOrEqual(now) } });
  }

  async markExpired(id: string): Promise<boolean> {
    const r = await this.repo.update({ id, state: 'approved' }, { state: 'expired' });
    return (r.affected ?? 0) > 0;
  }
}
