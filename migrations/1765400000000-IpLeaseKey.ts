import { MigrationInterface, QueryRunner } from 'typeorm';

/** People: one row per lease, so importing a lease file or the directory again adds nothing. */
export class IpLeaseKey1765400000000 implements MigrationInterface {
  name = 'IpLeaseKey1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM ip_lease a USING ip_lease b
       WHERE a.ip = b.ip AND a.person_id = b.person_id AND a.valid_from = b.valid_from
         AND a.valid_to IS NOT DISTINCT FROM b.valid_to AND a.id > b.id`);
    await q.query(
      `CREATE UNIQUE INDEX ip_lease_key ON ip_lease (ip, person_id, valid_from, valid_to) NULLS NOT DISTINCT`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ip_lease_key`);
  }
}
