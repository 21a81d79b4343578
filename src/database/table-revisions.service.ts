import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { TableRevisionEntity } from './entities/table-revision.entity';

/**
 * The change counters the triggers keep per table (migration IncrementalCorrelation). A module
 * asks for its own tables' counters here rather than naming the shared table in its SQL.
 */
@Injectable()
export class TableRevisions {
  constructor(
    @InjectRepository(TableRevisionEntity) private readonly repo: Repository<TableRevisionEntity>,
  ) {}

  /** "name:revision" of each named table that has changed at least once, in name order. */
  async of(names: string[]): Promise<string> {
    const rows = await this.repo.find({ where: { name: In(names) }, order: { name: 'ASC' } });
    return rows.map((r) => `${r.name}:${r.revision}`).join(',');
  }

  /** The counter of one table; 0 before its first change. */
  async revision(name: string): Promise<string> {
    const row = await this.repo.findOne({ where: { name } });
    return row ? String(row.revision) : '0';
  }
}
