import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims and leads: a finding whose evidence is only weak is a lead (kept for review, never
 * counted as use in leaders' headlines). Existing rows are claims until the next correlation.
 */
export class FindingStrength1765700000000 implements MigrationInterface {
  name = 'FindingStrength1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE finding ADD COLUMN strength text NOT NULL DEFAULT 'claim'
         CHECK (strength IN ('claim', 'lead'))`,
    );
    await q.query(`CREATE INDEX ix_finding_strength ON finding (strength) WHERE present`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_finding_strength`);
    await q.query(`ALTER TABLE finding DROP COLUMN strength`);
  }
}
