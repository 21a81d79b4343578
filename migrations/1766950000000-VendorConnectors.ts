import type { MigrationInterface, QueryRunner } from 'typeorm';

// Vendor and identity connectors: settings, sealed credential and cursor per connector, and the
// seats of the organisation's tenants they read.
export class VendorConnectors1766950000000 implements MigrationInterface {
  name = 'VendorConnectors1766950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE connector (
        connector_id text PRIMARY KEY,
        api_url text,
        sealed_credential text,
        credential_key_id text,
        cursor jsonb,
        every_minutes int CHECK (every_minutes IS NULL OR every_minutes >= 5),
        last_run_at timestamptz,
        last_status text CHECK (last_status IN ('completed', 'failed')),
        last_error text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE vendor_seat (
        connector_id text NOT NULL,
        tool_id text NOT NULL,
        email text NOT NULL,
        status text NOT NULL,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        last_active_day date,
        PRIMARY KEY (connector_id, tool_id, email)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE vendor_seat`);
    await q.query(`DROP TABLE connector`);
  }
}
