import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PrivacyNoticeVersionEntity } from './entities/privacy-notice-version.entity';
import type { ProcessingFacts } from './processing-facts';

export interface PrivacyNoticeVersionSummary {
  version: number;
  hash: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  sourcesOn: string[];
}

/** The versions of the transparency page, oldest first. */
@Injectable()
export class PrivacyNoticeRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Keeps a new version once; a version shown again gets its last-seen time moved. */
  async record(hash: string, html: string, facts: ProcessingFacts, at: Date): Promise<void> {
    await this.ds.query(
      `INSERT INTO privacy_notice_version (hash, html, facts, first_seen_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (hash) DO UPDATE SET last_seen_at = GREATEST(privacy_notice_version.last_seen_at, $4)`,
      [hash, html, JSON.stringify(facts), at.toISOString()],
    );
  }

  async list(): Promise<PrivacyNoticeVersionSummary[]> {
    const rows: {
      version: string;
      hash: string;
      firstSeenAt: Date;
      lastSeenAt: Date;
      sourcesOn: string[] | null;
    }[] = await this.ds.query(
      `SELECT row_number() OVER (ORDER BY first_seen_at, hash) AS version, hash,
              first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt",
              ARRAY(SELECT s->>'id' FROM jsonb_array_elements(facts->'sources') s
                     WHERE (s->>'enabled')::boolean) AS "sourcesOn"
         FROM privacy_notice_version ORDER BY first_seen_at, hash`,
    );
    return rows.map((r) => ({ ...r, version: Number(r.version), sourcesOn: r.sourcesOn ?? [] }));
  }

  findByHash(hash: string): Promise<PrivacyNoticeVersionEntity | null> {
    return this.ds.getRepository(PrivacyNoticeVersionEntity).findOne({ where: { hash } });
  }
}
