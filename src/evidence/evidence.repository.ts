import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Repository } from 'typeorm';
import { EvidenceEntity } from './entities/evidence.entity';
import type {
  EvidenceInput,
  EvidenceRecord,
  EvidenceRelation,
  EvidenceSummaryRow,
} from './evidence.types';
import { MonthPartitions, type PurgeCount } from '../database/month-partitions';

export interface EvidenceFilter {
  toolId?: string;
  signal?: string;
  repository?: string;
  identityValue?: string;
  limit: number;
  offset: number;
}

// Any constant: the first key of the advisory locks evidence writers take per fingerprint bucket.
const EVIDENCE_LOCK = 917_201;
const PARTITIONS = new MonthPartitions('evidence');

@Injectable()
export class EvidenceRepository {
  constructor(
    @InjectRepository(EvidenceEntity) private readonly repo: Repository<EvidenceEntity>,
  ) {}

  /**
   * One transaction per batch. An unchanged row is not touched at all, so re-running a scan or
   * re-ingesting a file changes nothing; a changed one widens its seen-window.
   */
  async upsert(rows: EvidenceInput[]): Promise<{ inserted: number; updated: number }> {
    if (rows.length === 0) return { inserted: 0, updated: 0 };
    const col = <T>(f: (r: EvidenceInput) => T) => rows.map(f);
    const fingerprints = col((r) => r.fingerprint);
    // Evidence is partitioned by the month a trace was first recorded (created_at), so the unique
    // key is (fingerprint, created_at): a known fingerprint is written back under its own
    // created_at, and the bucket locks keep two writers from recording one new fingerprint twice.
    return this.repo.manager.transaction(async (m) => {
      await m.query(
        `SELECT pg_advisory_xact_lock(${EVIDENCE_LOCK}, b)
           FROM (SELECT DISTINCT abs(hashtext(f)) % 16 AS b FROM unnest($1::text[]) f ORDER BY 1) s`,
        [fingerprints],
      );
      const known = new Map<string, string>(
        (
          (await m.query(
            `SELECT fingerprint, created_at::text AS at FROM evidence WHERE fingerprint = ANY($1::text[])`,
            [fingerprints],
          )) as { fingerprint: string; at: string }[]
        ).map((k) => [k.fingerprint, k.at]),
      );
      // (PostgreSQL cannot return xmax from a partitioned table: inserted rows are the unknown ones.)
      const written: { fingerprint: string }[] = await m.query(
        `INSERT INTO evidence AS e (fingerprint, tool_id, signal, source_run_id, repository, identity_kind,
                identity_value, confidence, first_seen, last_seen, count, bytes, detail, created_at)
         SELECT f, t, sig, run, repo, kind, val, conf, fs, ls, n, b, d, COALESCE(at, now())
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::real[], $9::timestamptz[], $10::timestamptz[], $11::bigint[], $12::bigint[], $13::jsonb[],
                $14::timestamptz[]) AS i(f, t, sig, run, repo, kind, val, conf, fs, ls, n, b, d, at)
         ON CONFLICT (fingerprint, created_at) DO UPDATE SET
           first_seen = LEAST(e.first_seen, excluded.first_seen),
           last_seen = GREATEST(e.last_seen, excluded.last_seen),
           count = excluded.count, bytes = excluded.bytes, confidence = excluded.confidence,
           detail = excluded.detail, source_run_id = excluded.source_run_id, updated_at = now()
         WHERE (e.first_seen, e.last_seen, e.count, e.bytes, e.confidence, e.detail)
               IS DISTINCT FROM (LEAST(e.first_seen, excluded.first_seen), GREATEST(e.last_seen, excluded.last_seen),
                                 excluded.count, excluded.bytes, excluded.confidence, excluded.detail)
         RETURNING fingerprint`,
        [
          fingerprints,
          col((r) => r.toolId),
          col((r) => r.signal),
          col((r) => r.sourceRunId ?? null),
          col((r) => r.repository ?? null),
          col((r) => r.identityKind ?? null),
          col((r) => r.identityValue ?? null),
          col((r) => r.confidence ?? 1),
          col((r) => r.firstSeen.toISOString()),
          col((r) => r.lastSeen.toISOString()),
          col((r) => r.count ?? 1),
          col((r) => r.bytes ?? 0),
          col((r) => JSON.stringify(r.detail)),
          col((r) => known.get(r.fingerprint) ?? null),
        ],
      );
      const inserted = written.filter((w) => !known.has(w.fingerprint)).length;
      return { inserted, updated: written.length - inserted };
    });
  }

  find(f: EvidenceFilter): Promise<EvidenceRecord[]> {
    const where: FindOptionsWhere<EvidenceEntity> = {};
    if (f.toolId) where.toolId = f.toolId;
    if (f.signal) where.signal = f.signal;
    if (f.repository) where.repository = f.repository;
    if (f.identityValue) where.identityValue = f.identityValue;
    return this.repo.find({ where, order: { id: 'ASC' }, take: f.limit, skip: f.offset });
  }

  /** See EvidenceRelation: the one place other modules' SQL learns where evidence is kept. */
  relation(): EvidenceRelation {
    return {
      sql: `(SELECT fingerprint, tool_id, signal, repository, identity_kind, identity_value, confidence,
                    first_seen, last_seen, count, bytes, detail FROM evidence)`,
    };
  }

  /**
   * Up to `perGroup` most recent rows per group, one query for all groups; `keys[i]` names the
   * group of `fingerprints[i]`.
   */
  latestPerGroup(
    keys: string[],
    fingerprints: string[],
    perGroup: number,
  ): Promise<EvidenceSummaryRow[]> {
    return this.repo.query(
      `SELECT key, signal, fingerprint, repository, detail, confidence, first_seen AS "firstSeen",
              last_seen AS "lastSeen"
         FROM (SELECT g.key, e.signal, e.fingerprint, e.repository, e.detail, e.confidence,
                      e.first_seen, e.last_seen,
                      row_number() OVER (PARTITION BY g.key
                                         ORDER BY e.last_seen DESC, e.fingerprint) AS rank
                 FROM unnest($1::text[], $2::text[]) AS g(key, fingerprint)
                 JOIN evidence e ON e.fingerprint = g.fingerprint) ranked
        WHERE rank <= $3
        ORDER BY key, rank`,
      [keys, fingerprints, perGroup],
    );
  }

  /** Days of recorded use by vendor (vendor-usage evidence) from `since` on, one row per person and day. */
  usageDays(since: Date): Promise<{ toolId: string; kind: string; value: string; day: string }[]> {
    return this.repo.query(
      `SELECT DISTINCT tool_id AS "toolId", identity_kind AS kind, identity_value AS value,
              to_char(first_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
         FROM evidence
        WHERE signal = 'vendor-usage' AND first_seen >= $1
          AND identity_kind IS NOT NULL AND identity_value IS NOT NULL
        ORDER BY 1, 4`,
      [since],
    );
  }

  /** Each (identity kind, value) evidence names, with the span it was seen over. */
  distinctIdentities(): Promise<{ kind: string; value: string; from: Date; to: Date }[]> {
    return this.repo.query(
      `SELECT identity_kind AS kind, identity_value AS value, min(first_seen) AS "from", max(last_seen) AS "to"
         FROM evidence WHERE identity_kind IS NOT NULL AND identity_value IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 2`,
    );
  }

  /** Rows recorded under the person's id, or under one of the given identities (any case). */
  forPerson(
    personId: string,
    identities: { kind: string; value: string }[],
  ): Promise<EvidenceRecord[]> {
    return this.repo
      .createQueryBuilder('e')
      .where(`e.identity_kind = 'person' AND e.identity_value = :personId`, { personId })
      .orWhere(
        `(e.identity_kind, lower(e.identity_value)) IN (SELECT k, lower(v) FROM unnest(CAST(:kinds AS text[]), CAST(:values AS text[])) AS i(k, v))`,
        { kinds: identities.map((i) => i.kind), values: identities.map((i) => i.value) },
      )
      .orderBy('e.first_seen', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }

  countBySignal(): Promise<{ signal: string; rows: number }[]> {
    return this.repo.query(
      `SELECT signal, count(*)::int AS rows FROM evidence GROUP BY signal ORDER BY signal`,
    );
  }

  countByTool(): Promise<{ toolId: string; rows: number }[]> {
    return this.repo.query(
      `SELECT tool_id AS "toolId", count(*)::int AS rows FROM evidence GROUP BY tool_id ORDER BY tool_id`,
    );
  }

  /** Retention: the months' partitions, made ahead of the rows that will fall in them. */
  ensurePartitions(months: string[]): Promise<string[]> {
    return PARTITIONS.ensure(this.repo.manager, months);
  }

  /** Retention: rows last seen before the cut-off, a whole month partition where all of it is. */
  purgeSeenBefore(cutoff: Date, dryRun: boolean): Promise<PurgeCount> {
    return PARTITIONS.purge(
      this.repo.manager,
      'last_seen < $1::timestamptz',
      cutoff.toISOString(),
      dryRun,
    );
  }
}
