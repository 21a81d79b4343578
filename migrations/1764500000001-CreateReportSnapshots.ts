import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReportSnapshots1764500000001 implements MigrationInterface {
  name = 'CreateReportSnapshots1764500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('baseline', 'inventory', 'findings')),
        created_at timestamptz NOT NULL,
        actor text,
        job_id text,
        model jsonb NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ix_report_snapshot_kind_created ON report_snapshot (kind, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_snapshot`);
  }
}
