import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ToolDefinition } from './catalog.types';
import { CustomToolEntity } from './entities/custom-tool.entity';

@Injectable()
export class CustomToolRepository {
  constructor(
    @InjectRepository(CustomToolEntity) private readonly repo: Repository<CustomToolEntity>,
  ) {}

  findAll(): Promise<CustomToolEntity[]> {
    return this.repo.find({ order: { id: 'ASC' } });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  findById(id: string): Promise<CustomToolEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** A cheap fingerprint of the table, so other processes notice a change and reload. */
  async version(): Promise<string> {
    const rows: { n: string; latest: Date | null }[] = await this.repo.query(
      'SELECT count(*)::text AS n, max(updated_at) AS latest FROM custom_tool',
    );
    return `${rows[0].n}:${rows[0].latest ? new Date(rows[0].latest).toISOString() : '-'}`;
  }

  async insert(definition: ToolDefinition, actorName: string): Promise<void> {
    await this.repo.insert({
      id: definition.id,
      definition,
      createdBy: actorName,
      updatedBy: actorName,
    });
  }

  async replace(definition: ToolDefinition, actorName: string): Promise<boolean> {
    const r = await this.repo.update(
      { id: definition.id },
      { definition, updatedBy: actorName, updatedAt: new Date() },
    );
    return (r.affected ?? 0) > 0;
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.repo.delete({ id });
    return (r.affected ?? 0) > 0;
  }
}
