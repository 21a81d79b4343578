import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #15: the policy names the plan the organisation holds (its vendor facts govern sanctioned
// use), and the CoE can add or correct a vendor fact with its own source and date. An override
// is keyed by tool, plan ('' for facts that hold for every plan) and fact, so setting it again
// replaces it; nullable plan would break the key's uniqueness.
export class VendorFactsPolicyPlan1767300000000 implements MigrationInterface {
  name = 'VendorFactsPolicyPlan1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE tool_policy ADD COLUMN plan text
         CHECK (plan IN ('free', 'team', 'enterprise', 'api'))`,
    );
    await q.query(`
      CREATE TABLE vendor_fact_override (
        tool_id    text NOT NULL,
        plan       text NOT NULL DEFAULT '' CHECK (plan IN ('', 'free', 'team', 'enterprise', 'api')),
        fact       text NOT NULL,
        value      jsonb NOT NULL,
        source     text NOT NULL CHECK (source LIKE 'https://%'),
        checked    date NOT NULL,
        note       text,
        set_by     text NOT NULL,
        set_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tool_id, plan, fact)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE vendor_fact_override`);
    await q.query(`ALTER TABLE tool_policy DROP COLUMN plan`);
  }
}
