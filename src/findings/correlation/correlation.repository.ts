import { Injectable } from '@nestjs/common';
import { CONFIDENCE, CORROBORATION_FLOOR } from '../../evidence/confidence';
import { DataSource, QueryRunner } from 'typeorm';
import type { EvidenceRelation } from '../../evidence/evidence.types';
import { returnedRows } from '../returned-rows';
import type { IdentityKind } from '../../people/identity/identity-kinds';
import type { IdentityRef } from './correlation-sources';
import type { SubjectToolAggregate } from './correlation-scorer';
import type { CorrelationState } from './correlation-plan';
import type { MovedIdentity } from './correlation-scope.sql';
import {
  readState,
  saveState,
  scopedAggregates,
  SCOPED_FINDINGS,
  stageDirtyPairs,
  stageScopedEvidence,
  suppressedSignature,
} from './correlation-scope.sql';

/** A scored finding as correlation writes it; fingerprints stay in SQL (see syncFingerprints). */
export interface FindingUpsertRow {
  subject_type: string;
  subject_id: string;
  tool_id: string;
  sanction_status: string;
  shadow: boolean;
  strength: string;
  disclosure: string;
  score: number;
  tier: string;
  factors: unknown;
  signals: string[];
  repositories: string[];
  data_classes: string[];
  evidence_count: number;
  bytes: number;
  first_seen: string;
  last_seen: string;
  correlation_hash: string;
}

const UPSERT_BATCH = 5_000;
/** Enough for the staging sorts of a million evidence rows to stay in memory (one transaction). */
const STAGE_WORK_MEM = '256MB';

/**
 * A grouping key compared bytewise ("C": the sort of a million rows by the database's collation
 * cost a second), handed on in the default collation. Grouping is unchanged, since equal strings
 * are equal under either. The signal and repository lists are sorted bytewise too: the scorer
 * sorts them again, and fingerprints keep the database's order (finding.evidence_fingerprints).
 */
function C(column: string): string {
  return `(${column} COLLATE "C") COLLATE "default"`;
}

/**
 * Milliseconds as the pg driver's own timestamp parser makes them (postgres-date: the fraction
 * times 1000, truncated by Date.UTC), so a finding's dates and hash do not move with the path.
 */
export function epochMs(seconds: number, micros: string): number {
  return seconds * 1000 + Math.trunc(1000 * parseFloat(`0.${micros}`));
}

/**
 * Evidence rows as correlation groups them: suppressed fingerprints out, identities joined to
 * people, and the few detail fields the scorer reads lifted out of the JSON.
 */
function stagedEvidence(evidence: EvidenceRelation, where = 'true'): string {
  return `SELECT e.fingerprint, e.tool_id, e.signal, e.repository, e.first_seen, e.last_seen,
                e.count, e.bytes, e.confidence,
                -- recorded by the identity-provider connectors (signals/vendors)
                (e.signal = 'oauth-grant' AND e.detail->>'sensitiveScopes' = 'true') AS sensitive_oauth,
                CASE WHEN jsonb_typeof(e.detail->'riskFlags') = 'array' AND e.detail->'riskFlags' <> '[]'::jsonb
                     THEN e.detail->'riskFlags' END AS risk_flags,
                -- network usage: {action: {requests, bytesUp}} as the URL paths showed (per-action policy)
                CASE WHEN jsonb_typeof(e.detail->'actions') = 'object' AND e.detail->'actions' <> '{}'::jsonb
                     THEN e.detail->'actions' END AS actions,
                CASE WHEN e.identity_kind = 'person' THEN e.identity_value ELSE fi.person_id END AS person_id
           FROM ${evidence.sql} e
           LEFT JOIN finding_identity fi ON fi.kind = e.identity_kind AND fi.value = lower(e.identity_value)
          WHERE ${where} AND NOT EXISTS (SELECT 1 FROM suppressed_fingerprint s WHERE s.fingerprint = e.fingerprint)`;
}

/**
 * Correlation's SQL. It runs on one connection in one transaction: the aggregate of all evidence
 * is staged once in a temporary table, scored in code, then written back set-wise. Evidence is
 * read through the relation the evidence module publishes, never by its table.
 */
@Injectable()
export class CorrelationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Disclosures people made by answering a clarification request "yes" (the latest answer per
   * finding counts): a finding stays disclosed when correlation runs again.
   */
  clarifiedDisclosures(): Promise<{ personId: string; toolId: string; dataClasses: string[] }[]> {
    return this.dataSource.query(
      `SELECT f.subject_id AS "personId", f.tool_id AS "toolId",
              ARRAY(SELECT jsonb_array_elements_text(c.detail->'dataClasses')) AS "dataClasses"
         FROM (SELECT DISTINCT ON (finding_id) finding_id, detail
                 FROM finding_event WHERE action = 'clarify'
                ORDER BY finding_id, at DESC, id DESC) c
         JOIN finding f ON f.id = c.finding_id
        WHERE f.subject_type = 'person' AND (c.detail->>'uses')::boolean
        ORDER BY 1, 2`,
    );
  }

  /**
   * Identities not yet tied to a person, with the span their evidence covers. IP addresses are
   * asked again each run: who held one depends on when, and their evidence may have grown.
   */
  async unresolvedIdentities(
    evidence: EvidenceRelation,
    /** incremental runs: only identities named by these rows (their spans still over all rows) */
    changed?: EvidenceRelation,
  ): Promise<IdentityRef[]> {
    // Only the changed rows' identities that still need asking: filtered before their evidence is
    // read, else every row of every resolved identity was fetched only to be dropped.
    const only = changed
      ? `AND (e.identity_kind, lower(e.identity_value)) IN
             (SELECT c.kind, c.value
                FROM (SELECT DISTINCT identity_kind AS kind, lower(identity_value) AS value FROM ${changed.sql} c
                       WHERE c.identity_kind IS NOT NULL AND c.identity_kind <> 'person'
                         AND c.identity_value IS NOT NULL) c
                LEFT JOIN finding_identity fi ON fi.kind = c.kind AND fi.value = c.value
               WHERE fi.person_id IS NULL OR c.kind = 'ip')`
      : '';
    // a first run groups every row: at the default work_mem that sort spilled to disk
    const rows: { kind: IdentityKind; value: string; from: Date; to: Date }[] =
      await this.dataSource.transaction(async (m) => {
        await m.query(`SET LOCAL work_mem = '${STAGE_WORK_MEM}'`);
        return m.query(
          `SELECT e.identity_kind AS kind, e.identity_value AS value,
                  min(e.first_seen) AS "from", max(e.last_seen) AS "to"
             FROM ${evidence.sql} e
             LEFT JOIN finding_identity fi ON fi.kind = e.identity_kind AND fi.value = lower(e.identity_value)
            WHERE e.identity_kind IS NOT NULL AND e.identity_kind <> 'person'
              AND e.identity_value IS NOT NULL AND (fi.person_id IS NULL OR e.identity_kind = 'ip') ${only}
            GROUP BY 1, 2
            ORDER BY 1, 2`,
        );
      });
    return rows.map((r) => ({ kind: r.kind, value: r.value, seen: { from: r.from, to: r.to } }));
  }

  /** Returns the identities whose person changed (an incremental run correlates their pairs again). */
  async saveIdentities(
    rows: { kind: string; value: string; personId: string | null }[],
    now: Date,
  ): Promise<MovedIdentity[]> {
    const moved: MovedIdentity[] = [];
    for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
      const batch = rows.slice(i, i + UPSERT_BATCH);
      const changed: MovedIdentity[] = await this.dataSource.query(
        `WITH t AS (SELECT k, lower(v) AS v, p FROM unnest($1::text[], $2::text[], $3::text[]) AS t(k, v, p)),
              old AS (SELECT fi.kind, fi.value, fi.person_id FROM finding_identity fi JOIN t ON fi.kind = t.k AND fi.value = t.v),
              up AS (
                INSERT INTO finding_identity (kind, value, person_id, resolved_at)
                SELECT k, v, p, $4 FROM t
                ON CONFLICT (kind, value) DO UPDATE SET person_id = excluded.person_id, resolved_at = excluded.resolved_at
                WHERE finding_identity.person_id IS DISTINCT FROM excluded.person_id
                RETURNING kind, value, person_id)
         SELECT up.kind, up.value, old.person_id AS "from", up.person_id AS "to"
           FROM up LEFT JOIN old ON old.kind = up.kind AND old.value = up.value
          WHERE old.person_id IS DISTINCT FROM up.person_id`,
        [
          batch.map((r) => r.kind),
          batch.map((r) => r.value),
          batch.map((r) => r.personId),
          now.toISOString(),
        ],
      );
      moved.push(...changed);
    }
    return moved;
  }

  readState(): Promise<CorrelationState | null> {
    return readState(this.dataSource);
  }

  suppressed(): Promise<string> {
    return suppressedSignature(this.dataSource);
  }

  async inTransaction<T>(fn: (tx: CorrelationTx) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const result = await fn(new CorrelationTx(runner));
      await runner.commitTransaction();
      return result;
    } catch (e) {
      await runner.rollbackTransaction();
      throw e;
    } finally {
      await runner.release();
    }
  }
}

export class CorrelationTx {
  constructor(private readonly q: QueryRunner) {}

  /**
   * One pass over evidence: suppressed fingerprints out, identities joined to people, survey
   * answers added as their own signal; grouped per (person, tool) and per (repository, tool).
   */
  async stageAggregates(
    evidence: EvidenceRelation,
    said: { personId: string; toolId: string; confidence?: number }[],
    surveyTime: Date,
    confidence: { survey: number; corroborationFloor: number } = {
      survey: CONFIDENCE.surveySelfReport.confidence,
      corroborationFloor: CORROBORATION_FLOOR,
    },
    /** incremental runs: evidence is corr_ev, and only dirty pairs and these tools are kept */
    scopedTools?: string[],
  ): Promise<number> {
    // The plans behind these settings are in docs/perf-correlation.md: JIT compiled for a second
    // before reading a row, and the sort of a million rows spilled to disk at the default work_mem.
    await this.q.query(`SET LOCAL jit = off`);
    await this.q.query(`SET LOCAL work_mem = '${STAGE_WORK_MEM}'`);
    await this.q.query(`DROP TABLE IF EXISTS corr_agg`);
    // Two statements, each reading evidence once, rather than one whose shared CTE wrote every
    // row to a temporary tuple store before either grouping could start.
    await this.q.query(
      `CREATE TEMP TABLE corr_agg ON COMMIT DROP AS SELECT * FROM (
       WITH said AS (
         SELECT p AS person_id, t AS tool_id, max(c) AS confidence
           FROM unnest($1::text[], $2::text[], $4::float8[]) AS s(p, t, c) GROUP BY p, t
       ),
       person_rows AS (
         SELECT person_id, tool_id, fingerprint, signal, repository, first_seen, last_seen, bytes, confidence, risk_flags,
                sensitive_oauth, actions
           FROM (${stagedEvidence(evidence)}) ev WHERE person_id IS NOT NULL
         UNION ALL
         SELECT person_id, tool_id, 'survey:' || person_id || ':' || tool_id, 'survey', NULL, $3::timestamptz,
                $3::timestamptz, 0, confidence, NULL::jsonb, false, NULL::jsonb
           FROM said
       )
       SELECT 'person'::text AS subject_type, ${C('person_id')} AS subject_id, ${C('tool_id')} AS tool_id,
              array_agg(DISTINCT fingerprint ORDER BY fingerprint) AS fingerprints,
              array_agg(DISTINCT signal COLLATE "C" ORDER BY signal COLLATE "C") AS signals,
              coalesce(array_agg(DISTINCT repository COLLATE "C" ORDER BY repository COLLATE "C") FILTER (WHERE repository IS NOT NULL), '{}') AS repositories,
              -- an answer has no time of use: it dates a finding only when nothing else does
              coalesce(min(first_seen) FILTER (WHERE signal <> 'survey'), min(first_seen)) AS first_seen,
              coalesce(max(last_seen) FILTER (WHERE signal <> 'survey'), max(last_seen)) AS last_seen,
              count(DISTINCT first_seen::date) FILTER (WHERE signal <> 'survey')::int AS active_days,
              sum(bytes)::bigint AS bytes, count(*)::int AS evidence_count, max(confidence)::float8 AS max_confidence,
              coalesce(array_agg(DISTINCT signal COLLATE "C" ORDER BY signal COLLATE "C") FILTER (WHERE confidence >= $5), '{}') AS supporting_signals,
              0 AS people, bool_or(signal IN ('copilot-seat', 'seat')) AS has_org_seat,
              coalesce(jsonb_agg(DISTINCT risk_flags) FILTER (WHERE risk_flags IS NOT NULL), '[]'::jsonb) AS risk_flags,
              bool_or(sensitive_oauth) AS sensitive_oauth,
              coalesce(jsonb_agg(actions) FILTER (WHERE actions IS NOT NULL), '[]'::jsonb) AS actions
         FROM person_rows GROUP BY person_id COLLATE "C", tool_id COLLATE "C"
       ) a ${scopedTools ? `WHERE ${scopedAggregates(6)}` : ''}`,
      [
        said.map((s) => s.personId),
        said.map((s) => s.toolId),
        surveyTime.toISOString(),
        // an answer's own confidence (a misspelt name is lower), never above a self-report's
        said.map((s) => Math.min(s.confidence ?? 1, confidence.survey)),
        confidence.corroborationFloor,
        ...(scopedTools ? [scopedTools] : []),
      ],
    );
    await this.q.query(
      `INSERT INTO corr_agg SELECT * FROM (
       SELECT 'repository'::text AS subject_type, ${C('repository')} AS subject_id, ${C('tool_id')} AS tool_id,
              array_agg(DISTINCT fingerprint ORDER BY fingerprint),
              array_agg(DISTINCT signal COLLATE "C" ORDER BY signal COLLATE "C"),
              ARRAY[${C('repository')}],
              min(first_seen), max(last_seen), count(DISTINCT first_seen::date)::int,
              sum(bytes)::bigint, count(*)::int, max(confidence)::float8,
              coalesce(array_agg(DISTINCT signal COLLATE "C" ORDER BY signal COLLATE "C") FILTER (WHERE confidence >= $1), '{}'),
              count(DISTINCT person_id)::int, NULL::boolean,
              coalesce(jsonb_agg(DISTINCT risk_flags) FILTER (WHERE risk_flags IS NOT NULL), '[]'::jsonb), NULL::boolean,
              coalesce(jsonb_agg(actions) FILTER (WHERE actions IS NOT NULL), '[]'::jsonb)
         FROM (${stagedEvidence(evidence, 'e.repository IS NOT NULL')}) ev GROUP BY repository COLLATE "C", tool_id COLLATE "C"
       ) a ${scopedTools ? `WHERE ${scopedAggregates(2)}` : ''}`,
      [confidence.corroborationFloor, ...(scopedTools ? [scopedTools] : [])],
    );
    await this.q.query(`CREATE INDEX ON corr_agg (subject_type, subject_id, tool_id)`);
    const [{ n }] = (await this.q.query(`SELECT count(*)::int AS n FROM corr_agg`)) as {
      n: number;
    }[];
    return n;
  }

  /** The staged aggregates without their fingerprint lists, which never leave the database. */
  async readAggregates(): Promise<Omit<SubjectToolAggregate, 'fingerprints' | 'dataClasses'>[]> {
    const rows: Record<string, unknown>[] = await this.q.query(
      // whole epoch seconds and the microseconds apart spare the driver's parsing of two
      // timestamps a row (see epochMs)
      `SELECT subject_type, subject_id, tool_id, signals, repositories,
              extract(epoch FROM date_trunc('second', first_seen))::float8 AS first_s, to_char(first_seen, 'US') AS first_us,
              extract(epoch FROM date_trunc('second', last_seen))::float8 AS last_s, to_char(last_seen, 'US') AS last_us,
              active_days,
              bytes::float8 AS bytes, evidence_count, max_confidence, supporting_signals, people, has_org_seat,
              risk_flags,
              sensitive_oauth, actions
         FROM corr_agg ORDER BY subject_type, subject_id, tool_id`,
    );
    return rows.map((r) => ({
      subjectType: r.subject_type as SubjectToolAggregate['subjectType'],
      subjectId: r.subject_id as string,
      toolId: r.tool_id as string,
      signals: r.signals as string[],
      repositories: r.repositories as string[],
      firstSeen: new Date(epochMs(r.first_s as number, r.first_us as string)),
      lastSeen: new Date(epochMs(r.last_s as number, r.last_us as string)),
      activeDays: r.active_days as number,
      bytes: Number(r.bytes),
      evidenceCount: r.evidence_count as number,
      maxConfidence: Number(r.max_confidence),
      supportingSignals: r.supporting_signals as string[],
      people: r.people as number,
      hasOrgSeat: r.has_org_seat as boolean | null,
      sensitiveOAuth: r.sensitive_oauth as boolean | null,
      // evidence detail riskFlags (agents, MCP servers): one array per trace, flattened and sorted
      riskFlags: [...new Set((r.risk_flags as unknown[][]).flat().map(String))].sort(),
      // one {action: totals} object per network evidence row; the action names are what counts
      actions: [
        ...new Set((r.actions as Record<string, unknown>[]).flatMap((o) => Object.keys(o))),
      ].sort(),
    }));
  }

  dirtyPairs(evidence: EvidenceRelation, changed: EvidenceRelation, moved: MovedIdentity[]) {
    return stageDirtyPairs(this.q, evidence, changed, moved);
  }

  scopedEvidence(evidence: EvidenceRelation, dirtyTools: string[]) {
    return stageScopedEvidence(this.q, evidence, dirtyTools);
  }

  saveState(state: CorrelationState) {
    return saveState(this.q, state);
  }

  /** The stored hash of each staged pair's finding, so unchanged rows are never sent back. */
  async storedHashes(): Promise<Map<string, string>> {
    const rows: { k: string; h: string }[] = await this.q.query(
      `SELECT f.subject_type || chr(1) || f.subject_id || chr(1) || f.tool_id AS k,
              CASE WHEN f.present THEN f.correlation_hash ELSE '' END AS h
         FROM finding f JOIN corr_agg c
           ON c.subject_type = f.subject_type AND c.subject_id = f.subject_id AND c.tool_id = f.tool_id`,
    );
    return new Map(rows.map((r) => [r.k, r.h]));
  }

  /** Inserts new findings and rewrites only those whose derived content changed. */
  async upsert(rows: FindingUpsertRow[]): Promise<{ inserted: number; updated: number }> {
    let inserted = 0;
    let updated = 0;
    for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
      const result: { inserted: boolean }[] = await this.q.query(
        `INSERT INTO finding AS f (subject_type, subject_id, tool_id, sanction_status, shadow, strength, disclosure,
                score, tier, factors, signals, repositories, data_classes, evidence_count, bytes, first_seen, last_seen,
                correlation_hash, present, evidence_fingerprints)
         SELECT r.subject_type, r.subject_id, r.tool_id, sanction_status, shadow, strength, disclosure, score, tier,
                factors, r.signals, r.repositories, data_classes, r.evidence_count, r.bytes, r.first_seen, r.last_seen,
                correlation_hash, true, c.fingerprints
           FROM jsonb_to_recordset($1::jsonb) AS r(subject_type text, subject_id text, tool_id text,
                sanction_status text, shadow boolean, strength text, disclosure text, score int, tier text, factors jsonb,
                signals text[], repositories text[], data_classes text[], evidence_count int, bytes bigint,
                first_seen timestamptz, last_seen timestamptz, correlation_hash text)
           -- the fingerprints go in with the row: written apart, every finding was written twice
           LEFT JOIN corr_agg c
             ON c.subject_type = r.subject_type AND c.subject_id = r.subject_id AND c.tool_id = r.tool_id
         ON CONFLICT (subject_type, subject_id, tool_id) DO UPDATE SET
           evidence_fingerprints = coalesce(excluded.evidence_fingerprints, f.evidence_fingerprints),
           sanction_status = excluded.sanction_status, shadow = excluded.shadow, strength = excluded.strength,
           disclosure = excluded.disclosure,
           score = excluded.score, tier = excluded.tier, factors = excluded.factors, signals = excluded.signals,
           repositories = excluded.repositories, data_classes = excluded.data_classes,
           evidence_count = excluded.evidence_count, bytes = excluded.bytes,
           first_seen = LEAST(f.first_seen, excluded.first_seen), last_seen = excluded.last_seen,
           correlation_hash = excluded.correlation_hash, present = true, updated_at = now()
         WHERE f.correlation_hash IS DISTINCT FROM excluded.correlation_hash OR NOT f.present
         RETURNING (xmax = 0) AS inserted`,
        [JSON.stringify(rows.slice(i, i + UPSERT_BATCH))],
      );
      const ins = result.filter((r) => r.inserted).length;
      inserted += ins;
      updated += result.length - ins;
    }
    return { inserted, updated };
  }

  /**
   * The staged pairs whose finding's fingerprint list will change (none yet counts as a change);
   * counted before upsert writes most of them, so the figure stays what one pass would report.
   */
  async fingerprintChanges(): Promise<number> {
    const [{ n }] = (await this.q.query(
      `SELECT count(*)::int AS n FROM corr_agg c
         LEFT JOIN finding f
           ON f.subject_type = c.subject_type AND f.subject_id = c.subject_id AND f.tool_id = c.tool_id
        WHERE f.evidence_fingerprints IS DISTINCT FROM c.fingerprints`,
    )) as { n: number }[];
    return n;
  }

  /** Fingerprint lists of pairs upsert did not rewrite (their derived content was the same). */
  async syncFingerprints(): Promise<number> {
    const rows = returnedRows(
      await this.q.query(
        `UPDATE finding f SET evidence_fingerprints = c.fingerprints
         FROM corr_agg c
        WHERE f.subject_type = c.subject_type AND f.subject_id = c.subject_id AND f.tool_id = c.tool_id
          -- rows upsert wrote in this transaction carry its now() and their fingerprints already
          AND f.updated_at <> now()
          AND f.evidence_fingerprints IS DISTINCT FROM c.fingerprints
       RETURNING f.id`,
      ),
    );
    return rows.length;
  }

  /** A finding whose evidence is gone (or all suppressed) stays, marked absent, with its history. */
  async markAbsent(scopedTools?: string[]): Promise<number> {
    const rows = returnedRows(
      await this.q.query(
        `UPDATE finding f SET present = false, updated_at = now()
        WHERE f.present AND NOT EXISTS (
          SELECT 1 FROM corr_agg c
           WHERE c.subject_type = f.subject_type AND c.subject_id = f.subject_id AND c.tool_id = f.tool_id)
          ${scopedTools ? `AND f.id IN (${SCOPED_FINDINGS})` : ''}
       RETURNING f.id`,
        scopedTools ? [scopedTools] : [],
      ),
    );
    return rows.length;
  }

  /**
   * Accepted risks past their expiry, and remediated findings whose evidence was seen after the
   * remediation, re-open; each gets an event by `system`.
   */
  async autoReopen(now: Date): Promise<{ expired: number; recurred: number }> {
    const run = async (where: string, clear: string, action: string) => {
      const rows: unknown[] = await this.q.query(
        `WITH changed AS (
           UPDATE finding f SET triage_state = 'open', ${clear}, updated_at = now()
            WHERE ${where}
           RETURNING f.id, f.last_seen)
         INSERT INTO finding_event (finding_id, actor, at, action, from_state, to_state, comment, detail)
         SELECT id, 'system', $1, '${action}', '${action === 'acceptance-expired' ? 'accepted' : 'remediated'}', 'open', NULL,
                jsonb_build_object('lastSeen', last_seen)
           FROM changed
         RETURNING id`,
        [now.toISOString()],
      );
      return rows.length;
    };
    const expired = await run(
      `f.triage_state = 'accepted' AND f.accepted_until <= $1`,
      'accepted_until = NULL',
      'acceptance-expired',
    );
    const recurred = await run(
      `f.triage_state = 'remediated' AND f.present AND f.last_seen > f.remediated_at`,
      'remediated_at = NULL',
      'evidence-recurred',
    );
    return { expired, recurred };
  }
}
