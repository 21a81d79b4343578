import { MigrationInterface, QueryRunner } from 'typeorm';

export class NetworkUsage1764400000000 implements MigrationInterface {
  name = 'NetworkUsage1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE network_usage_daily (
        id bigserial PRIMARY KEY,
        identity_kind text NOT NULL CHECK (identity_kind IN ('username', 'email', 'ip')),
        identity_value text NOT NULL,
        tool_id text NOT NULL,
        day date NOT NULL,
        requests bigint NOT NULL DEFAULT 0,
        bytes_up bigint NOT NULL DEFAULT 0,
        bytes_down bigint NOT NULL DEFAULT 0,
        blocked bigint NOT NULL DEFAULT 0,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT network_usage_daily_key UNIQUE (identity_kind, identity_value, tool_id, day)
      )`);
    await q.query(
      `CREATE INDEX network_usage_daily_tool_day_idx ON network_usage_daily (tool_id, day)`,
    );
    await q.query(`
      CREATE TABLE log_ingest (
        id uuid PRIMARY KEY,
        fingerprint text NOT NULL UNIQUE,
        file_name text NOT NULL,
        file_size bigint NOT NULL,
        format text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
        committed_offset bigint NOT NULL DEFAULT 0,
        line_number bigint NOT NULL DEFAULT 0,
        lines bigint NOT NULL DEFAULT 0,
        parsed bigint NOT NULL DEFAULT 0,
        malformed bigint NOT NULL DEFAULT 0,
        matched bigint NOT NULL DEFAULT 0,
        malformed_sample jsonb NOT NULL DEFAULT '[]'::jsonb,
        tools jsonb NOT NULL DEFAULT '{}'::jsonb,
        options jsonb NOT NULL DEFAULT '{}'::jsonb,
        job_id text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX log_ingest_created_idx ON log_ingest (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE log_ingest`);
    await q.query(`DROP TABLE network_usage_daily`);
  }
}
