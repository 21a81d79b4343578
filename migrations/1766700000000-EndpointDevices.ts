import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Devices that run the endpoint collector and the last report each sent (signals/endpoints). */
export class EndpointDevices1766700000000 implements MigrationInterface {
  name = 'EndpointDevices1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE endpoint_device (
        device_id uuid PRIMARY KEY,
        hostname text NOT NULL,
        os text NOT NULL,
        report_user text NOT NULL,
        collector_version text NOT NULL,
        report jsonb NOT NULL,
        report_hash text NOT NULL,
        reports integer NOT NULL,
        first_report_at timestamptz NOT NULL,
        last_report_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX endpoint_device_user_idx ON endpoint_device (lower(report_user))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE endpoint_device`);
  }
}
