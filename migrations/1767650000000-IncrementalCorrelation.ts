import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What incremental correlation needs to know what changed since its last run.
 *
 * - `table_revision`: a counter per table, bumped by statement triggers on the changes that a
 *   watermark on `updated_at` cannot see: evidence deleted or moved to another identity, tool or
 *   repository (erasure), and any change to the people directory that resolution reads.
 * - `correlation_state`: the watermark, revisions and input hashes the last run used.
 * - Indexes found missing with EXPLAIN: evidence changed since a time, evidence of one identity
 *   and tool (a person's pairs), identities of one person.
 */
export class IncrementalCorrelation1767650000000 implements MigrationInterface {
  name = 'IncrementalCorrelation1767650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE table_revision (name text PRIMARY KEY, revision bigint NOT NULL DEFAULT 0)`,
    );
    await q.query(`
      CREATE FUNCTION table_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO table_revision (name, revision) VALUES (TG_TABLE_NAME, 1)
        ON CONFLICT (name) DO UPDATE SET revision = table_revision.revision + 1;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER evidence_revision
        AFTER DELETE OR TRUNCATE OR UPDATE OF fingerprint, tool_id, signal, repository, identity_kind, identity_value
        ON evidence FOR EACH STATEMENT EXECUTE FUNCTION table_revision_bump()`);
    for (const t of DIRECTORY_TABLES) {
      await q.query(`
        CREATE TRIGGER ${t}_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
          ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION table_revision_bump()`);
    }
    await q.query(`
      CREATE TABLE correlation_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        evidence_mark timestamptz NOT NULL,
        evidence_before_mark bigint NOT NULL,
        evidence_revision bigint NOT NULL,
        suppressed text NOT NULL,
        inputs_hash text NOT NULL,
        tool_hashes jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evidence_updated_at_idx ON evidence (updated_at)`);
    await q.query(
      `CREATE INDEX evidence_identity_tool_idx ON evidence (identity_kind, lower(identity_value), tool_id)`,
    );
    await q.query(`CREATE INDEX evidence_repository_tool_idx ON evidence (repository, tool_id)`);
    await q.query(`CREATE INDEX finding_identity_person_idx ON finding_identity (person_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX finding_identity_person_idx`);
    await q.query(`DROP INDEX evidence_repository_tool_idx`);
    await q.query(`DROP INDEX evidence_identity_tool_idx`);
    await q.query(`DROP INDEX evidence_updated_at_idx`);
    await q.query(`DROP TABLE correlation_state`);
    for (const t of DIRECTORY_TABLES) await q.query(`DROP TRIGGER ${t}_revision ON ${t}`);
    await q.query(`DROP TRIGGER evidence_revision ON evidence`);
    await q.query(`DROP FUNCTION table_revision_bump()`);
    await q.query(`DROP TABLE table_revision`);
  }
}

/** What identity resolution reads (people module): a change there may move evidence to someone. */
const DIRECTORY_TABLES = ['person', 'person_identity', 'ip_lease', 'erased_identity'];
