import { MigrationInterface, QueryRunner } from 'typeorm';

export class RepoScanning1764300000000 implements MigrationInterface {
  name = 'RepoScanning1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE repository (
        id uuid PRIMARY KEY,
        source text NOT NULL CHECK (source IN ('local', 'github')),
        location_key text NOT NULL UNIQUE,
        name text NOT NULL,
        owner text,
        last_scanned_commit text,
        last_commit_at timestamptz,
        pushed_at timestamptz,
        classification jsonb NOT NULL DEFAULT '{"topics":[],"properties":{},"dataClasses":[]}'::jsonb,
        last_scanned_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX repository_name_idx ON repository (name)`);
    await q.query(`CREATE INDEX repository_owner_idx ON repository (owner)`);
    await q.query(`
      CREATE TABLE repo_scan (
        id uuid PRIMARY KEY,
        job_id text,
        source text NOT NULL CHECK (source IN ('local', 'github')),
        target text NOT NULL,
        state text NOT NULL CHECK (state IN ('running', 'completed', 'failed')),
        repositories integer NOT NULL DEFAULT 0,
        traces integer NOT NULL DEFAULT 0,
        evidence_inserted integer NOT NULL DEFAULT 0,
        requests integer,
        warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
        error text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX repo_scan_target_idx ON repo_scan (source, target, started_at)`);
    await q.query(`
      CREATE TABLE github_owner (
        owner_key text PRIMARY KEY,
        owner text NOT NULL,
        api_url text NOT NULL,
        owner_type text CHECK (owner_type IN ('Organization', 'User')),
        list_etag text,
        org_level_scanned_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE github_owner`);
    await q.query(`DROP TABLE repo_scan`);
    await q.query(`DROP TABLE repository`);
  }
}
