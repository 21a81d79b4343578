import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { ConsoleSessionEntity } from './console-session.entity';

@Injectable()
export class ConsoleSessionRepository {
  constructor(
    @InjectRepository(ConsoleSessionEntity)
    private readonly repo: Repository<ConsoleSessionEntity>,
  ) {}

  async insert(row: ConsoleSessionEntity): Promise<void> {
    await this.repo.insert(row);
  }

  findByHash(idHash: string): Promise<ConsoleSessionEntity | null> {
    return this.repo.findOneBy({ idHash });
  }

  async touch(idHash: string, at: Date): Promise<void> {
    await this.repo.update({ idHash }, { lastSeenAt: at });
  }

  async setFlash(idHash: string, flash: string | null): Promise<void> {
    await this.repo.update({ idHash }, { flash });
  }

  async delete(idHash: string): Promise<void> {
    await this.repo.delete({ idHash });
  }

  async deleteExpired(now: Date, idleCutoff: Date): Promise<void> {
    await this.repo.delete({ expiresAt: LessThan(now) });
    await this.repo.delete({ lastSeenAt: LessThan(idleCutoff) });
  }
}
