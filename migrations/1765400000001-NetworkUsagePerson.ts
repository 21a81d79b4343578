import { MigrationInterface, QueryRunner } from 'typeorm';

/** Network: a line whose address was leased to a person at its time is rolled up under that person. */
export class NetworkUsagePerson1765400000001 implements MigrationInterface {
  name = 'NetworkUsagePerson1765400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE network_usage_daily DROP CONSTRAINT network_usage_daily_identity_kind_check`,
    );
    await q.query(`
      ALTER TABLE network_usage_daily ADD CONSTRAINT network_usage_daily_identity_kind_check
        CHECK (identity_kind IN ('username', 'email', 'ip', 'person'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The older schema cannot say "person": those roll-ups go (re-ingesting the logs restores them).
    await q.query(`DELETE FROM network_usage_daily WHERE identity_kind = 'person'`);
    await q.query(
      `ALTER TABLE network_usage_daily DROP CONSTRAINT network_usage_daily_identity_kind_check`,
    );
    await q.query(`
      ALTER TABLE network_usage_daily ADD CONSTRAINT network_usage_daily_identity_kind_check
        CHECK (identity_kind IN ('username', 'email', 'ip'))`);
  }
}
