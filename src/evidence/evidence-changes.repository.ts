import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TableRevisions } from '../database/table-revisions.service';
import type { EvidenceChangeMark, EvidenceRelation } from './evidence.types';

const STAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?[+-]\d\d(:\d\d)?$/;

/**
 * What changed in evidence since a mark, for readers that keep derived state (correlation).
 * Inserts and upserts stamp `updated_at = now()`, the start of the writing transaction; a
 * trigger counts what a stamp cannot show (deletes, rows moved to another identity or tool).
 */
@Injectable()
export class EvidenceChangesRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly revisions: TableRevisions,
  ) {}

  /**
   * A mark no transaction still running can write below: the earliest start of any open
   * transaction on this database, or now. Every row stamped before it is committed, so a later
   * reader of "changed since the mark" misses nothing; a few rows may be read twice.
   */
  async mark(): Promise<EvidenceChangeMark> {
    const [m] = (await this.ds.query(
      `SELECT least(now(), (SELECT min(xact_start) FROM pg_stat_activity
                              WHERE datname = current_database() AND pid <> pg_backend_pid()
                                AND xact_start IS NOT NULL))::text AS at`,
    )) as { at: string }[];
    const revision = await this.revisions.revision('evidence');
    // rows stamped before the mark only ever disappear: their count tells a dropped partition
    const [c] = (await this.ds.query(
      `SELECT count(*)::text AS n FROM evidence WHERE created_at < $1::timestamptz`,
      [m.at],
    )) as { n: string }[];
    return { at: m.at, revision, before: c.n };
  }

  /** Rows stamped before `at` now: fewer than a mark counted means some were removed. */
  async countBefore(at: string): Promise<string> {
    const [c] = (await this.ds.query(
      `SELECT count(*)::text AS n FROM evidence WHERE created_at < $1::timestamptz`,
      [at],
    )) as { n: string }[];
    return c.n;
  }

  /** Evidence inserted or updated at or after the mark, as a relation for set-based SQL. */
  changedSince(at: string): EvidenceRelation {
    if (!STAMP.test(at)) throw new Error(`not a PostgreSQL timestamp: ${at}`);
    return {
      sql: `(SELECT fingerprint, tool_id, signal, repository, identity_kind, identity_value, confidence,
                    first_seen, last_seen, count, bytes, detail FROM evidence
              WHERE updated_at >= '${at}'::timestamptz)`,
    };
  }
}
