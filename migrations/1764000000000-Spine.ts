import { MigrationInterface, QueryRunner } from 'typeorm';

export class Spine1764000000000 implements MigrationInterface {
  name = 'Spine1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'coe', 'security', 'leader')),
        token_hash text NOT NULL UNIQUE,
        prefix text NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_token_id uuid,
        actor_name text NOT NULL,
        actor_role text,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX audit_event_target_idx ON audit_event (target_type, target_id)`);
    await q.query(`CREATE INDEX audit_event_at_idx ON audit_event (at)`);
    await q.query(`
      CREATE TABLE job (
        id text PRIMARY KEY,
        queue text NOT NULL,
        name text NOT NULL,
        state text NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'failed')),
        progress smallint NOT NULL DEFAULT 0,
        counts jsonb NOT NULL DEFAULT '{}'::jsonb,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        result jsonb,
        error text,
        attempts integer NOT NULL DEFAULT 0,
        worker text,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX job_state_idx ON job (state, queue)`);
    await q.query(`
      CREATE TABLE evidence (
        id bigserial PRIMARY KEY,
        fingerprint text NOT NULL UNIQUE,
        tool_id text NOT NULL,
        signal text NOT NULL,
        source_run_id text,
        repository text,
        identity_kind text,
        identity_value text,
        confidence real NOT NULL DEFAULT 1 CHECK (confidence >= 0 AND confidence <= 1),
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        count bigint NOT NULL DEFAULT 1,
        bytes bigint NOT NULL DEFAULT 0,
        detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evidence_tool_idx ON evidence (tool_id)`);
    await q.query(`CREATE INDEX evidence_identity_idx ON evidence (identity_kind, identity_value)`);
    await q.query(`CREATE INDEX evidence_repository_idx ON evidence (repository)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evidence`);
    await q.query(`DROP TABLE job`);
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP TABLE api_token`);
  }
}
