import type { QueryRunner } from 'typeorm';
import type { EvidenceRelation } from '../../evidence/evidence.types';
import type { CorrelationState } from './correlation-plan';

/** An identity whose person changed in this run's resolution (values as finding_identity keeps them). */
export interface MovedIdentity {
  kind: string;
  value: string;
  from: string | null;
  to: string | null;
}

/**
 * The (subject, tool) pairs an incremental run correlates again, into `corr_dirty`: the pairs of
 * evidence changed since the mark, and every pair of evidence under an identity that moved to
 * another person (both people's, and the repositories' whose people count changes).
 */
export async function stageDirtyPairs(
  q: QueryRunner,
  evidence: EvidenceRelation,
  changed: EvidenceRelation,
  moved: MovedIdentity[],
): Promise<number> {
  await q.query(`DROP TABLE IF EXISTS corr_dirty`);
  await q.query(
    `CREATE TEMP TABLE corr_dirty ON COMMIT DROP AS
     WITH ch AS (
       SELECT e.tool_id, e.repository,
              CASE WHEN e.identity_kind = 'person' THEN e.identity_value ELSE fi.person_id END AS person_id
         FROM ${changed.sql} e
         LEFT JOIN finding_identity fi ON fi.kind = e.identity_kind AND fi.value = lower(e.identity_value)
     ),
     mv AS (
       SELECT e.tool_id, e.repository, m.p_from, m.p_to
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS m(kind, value, p_from, p_to)
         JOIN ${evidence.sql} e ON e.identity_kind = m.kind AND lower(e.identity_value) = m.value
     )
     SELECT 'person'::text AS subject_type, person_id AS subject_id, tool_id FROM ch WHERE person_id IS NOT NULL
     UNION SELECT 'repository', repository, tool_id FROM ch WHERE repository IS NOT NULL
     UNION SELECT 'person', p_from, tool_id FROM mv WHERE p_from IS NOT NULL
     UNION SELECT 'person', p_to, tool_id FROM mv WHERE p_to IS NOT NULL
     UNION SELECT 'repository', repository, tool_id FROM mv WHERE repository IS NOT NULL`,
    [
      moved.map((m) => m.kind),
      moved.map((m) => m.value),
      moved.map((m) => m.from),
      moved.map((m) => m.to),
    ],
  );
  // markAbsent and the staging filter probe it once per finding: without an index, 1% new
  // evidence spent 4 s of its 8.5 s there (bench, BENCH_QUICK)
  await q.query(`CREATE INDEX ON corr_dirty (subject_type, subject_id, tool_id)`);
  await q.query(`ANALYZE corr_dirty`);
  const [{ n }] = (await q.query(`SELECT count(*)::int AS n FROM corr_dirty`)) as { n: number }[];
  return n;
}

/**
 * Every evidence row of the dirty pairs and of the dirty tools, into `corr_ev` (the relation the
 * staging query then reads instead of all evidence): a person's rows through each identity
 * resolved to them, a repository's by its name. Each lookup is an index scan.
 */
export async function stageScopedEvidence(
  q: QueryRunner,
  evidence: EvidenceRelation,
  dirtyTools: string[],
): Promise<EvidenceRelation> {
  await q.query(`DROP TABLE IF EXISTS corr_ev`);
  await q.query(
    `CREATE TEMP TABLE corr_ev ON COMMIT DROP AS
     SELECT DISTINCT ON (fingerprint) * FROM (
       SELECT e.* FROM corr_dirty d
         JOIN finding_identity fi ON d.subject_type = 'person' AND fi.person_id = d.subject_id
         -- one index probe per identity and tool: joined plainly, the planner hashed all evidence
         -- (a million rows read for 10,000 dirty pairs; docs/perf-correlation.md). OFFSET 0 keeps
         -- the subquery from being flattened back into that join.
         CROSS JOIN LATERAL (
           SELECT e.* FROM ${evidence.sql} e
            WHERE e.identity_kind = fi.kind AND lower(e.identity_value) = fi.value AND e.tool_id = d.tool_id
           OFFSET 0) e
       UNION ALL
       SELECT e.* FROM corr_dirty d
         JOIN ${evidence.sql} e ON d.subject_type = 'person' AND e.identity_kind = 'person'
          AND lower(e.identity_value) = lower(d.subject_id) AND e.identity_value = d.subject_id AND e.tool_id = d.tool_id
       UNION ALL
       SELECT e.* FROM corr_dirty d
         JOIN ${evidence.sql} e ON d.subject_type = 'repository' AND e.repository = d.subject_id AND e.tool_id = d.tool_id
       UNION ALL
       SELECT e.* FROM ${evidence.sql} e WHERE e.tool_id = ANY($1::text[])
     ) s ORDER BY fingerprint`,
    [dirtyTools],
  );
  return { sql: 'corr_ev' };
}

/**
 * Keeps only the aggregates of dirty pairs and tools (the scope also reaches other pairs' rows);
 * `param` is the number of the statement's parameter holding the dirty tools.
 */
export function scopedAggregates(param: number): string {
  return `
  EXISTS (SELECT 1 FROM corr_dirty d
           WHERE d.subject_type = a.subject_type AND d.subject_id = a.subject_id AND d.tool_id = a.tool_id)
  OR a.tool_id = ANY($${param}::text[])`;
}

/**
 * Ids of the findings an incremental run may mark absent: those in its scope, looked up from the
 * dirty pairs (probing the dirty pairs once per finding read every finding).
 */
export const SCOPED_FINDINGS = `
  SELECT s.id FROM corr_dirty d
    JOIN finding s ON s.subject_type = d.subject_type AND s.subject_id = d.subject_id AND s.tool_id = d.tool_id
  UNION
  SELECT s.id FROM finding s WHERE s.tool_id = ANY($1::text[])`;

/** A connection or the transaction's runner: the state is read before a run and saved inside it. */
export interface Sql {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export async function readState(q: Sql): Promise<CorrelationState | null> {
  const rows = (await q.query(
    `SELECT evidence_mark::text AS "evidenceMark", evidence_before_mark::text AS "evidenceBeforeMark",
            evidence_revision::text AS "evidenceRevision", suppressed, inputs_hash AS "inputsHash",
            tool_hashes AS "toolHashes"
       FROM correlation_state WHERE id = 1`,
  )) as CorrelationState[];
  return rows[0] ?? null;
}

export async function saveState(q: Sql, s: CorrelationState): Promise<void> {
  await q.query(
    `INSERT INTO correlation_state (id, evidence_mark, evidence_before_mark, evidence_revision, suppressed,
            inputs_hash, tool_hashes, updated_at)
     VALUES (1, $1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (id) DO UPDATE SET evidence_mark = excluded.evidence_mark,
       evidence_before_mark = excluded.evidence_before_mark, evidence_revision = excluded.evidence_revision,
       suppressed = excluded.suppressed, inputs_hash = excluded.inputs_hash, tool_hashes = excluded.tool_hashes,
       updated_at = now()`,
    [
      s.evidenceMark,
      s.evidenceBeforeMark,
      s.evidenceRevision,
      s.suppressed,
      s.inputsHash,
      JSON.stringify(s.toolHashes),
    ],
  );
}

/** Suppressions as a signature: a change to them makes the next run full. */
export async function suppressedSignature(q: Sql): Promise<string> {
  const [r] = (await q.query(
    `SELECT count(*) || ':' || coalesce(max(created_at)::text, '') || ':' ||
            coalesce(md5(string_agg(fingerprint, ',' ORDER BY fingerprint)), '') AS s
       FROM suppressed_fingerprint`,
  )) as { s: string }[];
  return r.s;
}
