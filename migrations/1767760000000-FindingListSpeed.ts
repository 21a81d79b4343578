import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The findings list under load (issue #14, bench/api-load): found with EXPLAIN ANALYZE at 100k
 * findings.
 *
 * - Pages are ordered by score: without an index every page sorted all present findings (a
 *   parallel sequential scan and a top-N sort for the first page). Two partial indexes give the
 *   order directly, for all findings and for one risk tier (the console's usual filter).
 * - The total the list returns counted every matching finding on each request. A change counter
 *   on `finding` (the statement trigger of migration IncrementalCorrelation) lets the list keep a
 *   total until a statement changes the table.
 */
export class FindingListSpeed1767760000000 implements MigrationInterface {
  name = 'FindingListSpeed1767760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_finding_present_score ON finding (score DESC, id) WHERE present`,
    );
    await q.query(
      `CREATE INDEX ix_finding_tier_score ON finding (tier, score DESC, id) WHERE present`,
    );
    await q.query(`
      CREATE TRIGGER finding_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
        ON finding FOR EACH STATEMENT EXECUTE FUNCTION table_revision_bump()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER finding_revision ON finding`);
    await q.query(`DROP INDEX ix_finding_tier_score`);
    await q.query(`DROP INDEX ix_finding_present_score`);
  }
}
