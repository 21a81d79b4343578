import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { ApiTokenEntity } from './entities/api-token.entity';

@Injectable()
export class TokenRepository {
  constructor(
    @InjectRepository(ApiTokenEntity) private readonly repo: Repository<ApiTokenEntity>,
  ) {}

  async insert(
    token: Omit<ApiTokenEntity, 'createdAt' | 'lastUsedAt' | 'revokedAt'>,
  ): Promise<ApiTokenEntity> {
    await this.repo.insert(token);
    return this.repo.findOneByOrFail({ id: token.id });
  }

  /** neither revoked nor expired */
  findActiveByHash(tokenHash: string): Promise<ApiTokenEntity | null> {
    return this.repo.findOne({
      where: [
        { tokenHash, revokedAt: IsNull(), expiresAt: IsNull() },
        { tokenHash, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      ],
    });
  }

  /** neither revoked nor expired */
  findActiveById(id: string): Promise<ApiTokenEntity | null> {
    return this.repo.findOne({
      where: [
        { id, revokedAt: IsNull(), expiresAt: IsNull() },
        { id, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      ],
    });
  }

  list(): Promise<ApiTokenEntity[]> {
    return this.repo.find({ order: { createdAt: 'ASC' } });
  }

  findById(id: string): Promise<ApiTokenEntity | null> {
    return this.repo.findOneBy({ id });
  }

  countActive(): Promise<number> {
    return this.repo.count({
      where: [
        { revokedAt: IsNull(), expiresAt: IsNull() },
        { revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      ],
    });
  }

  async revoke(id: string): Promise<boolean> {
    const r = await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (r.affected ?? 0) > 0;
  }

  async touch(id: string, at: Date): Promise<void> {
    // At most once a minute per token: a busy client must not turn every read into a write.
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: at })
      .where('id = :id AND (last_used_at IS NULL OR last_used_at < :cutoff)', {
        id,
        cutoff: new Date(at.getTime() - 60_000),
      })
      .execute();
  }
}
