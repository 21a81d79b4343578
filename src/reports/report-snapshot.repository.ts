import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ReportSnapshotEntity } from './entities/report-snapshot.entity';
import type { ReportKind, ReportModel } from './model/report.types';

@Injectable()
export class ReportSnapshotRepository {
  constructor(
    @InjectRepository(ReportSnapshotEntity) private readonly repo: Repository<ReportSnapshotEntity>,
  ) {}

  save(s: {
    kind: ReportKind;
    createdAt: Date;
    actor: string | null;
    jobId: string | null;
    model: ReportModel;
  }): Promise<ReportSnapshotEntity> {
    return this.repo.save(this.repo.create(s));
  }

  findById(id: string): Promise<ReportSnapshotEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  latest(kind: ReportKind): Promise<ReportSnapshotEntity | null> {
    return this.repo.findOne({ where: { kind }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** Listing without the (large) models. */
  list(
    kinds: ReportKind[],
    limit: number,
  ): Promise<Pick<ReportSnapshotEntity, 'id' | 'kind' | 'createdAt' | 'actor' | 'jobId'>[]> {
    return this.repo.find({
      select: { id: true, kind: true, createdAt: true, actor: true, jobId: true },
      where: { kind: In(kinds) },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }
}
