import { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalog1764100000000 implements MigrationInterface {
  name = 'Catalog1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tool_policy (
        tool_id text PRIMARY KEY,
        status text NOT NULL DEFAULT 'unreviewed'
          CHECK (status IN ('sanctioned', 'tolerated', 'under-review', 'prohibited', 'unreviewed')),
        data_classes text[] NOT NULL DEFAULT '{}'
          CHECK (data_classes <@ ARRAY['public', 'internal', 'confidential', 'pii', 'phi', 'pci']::text[]),
        tenant_bound boolean NOT NULL DEFAULT false,
        note text,
        decided_by text,
        decided_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX tool_policy_status_idx ON tool_policy (status)`);
    await q.query(`
      CREATE TABLE custom_tool (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        definition jsonb NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE custom_tool`);
    await q.query(`DROP TABLE tool_policy`);
  }
}
