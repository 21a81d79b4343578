import type { MigrationInterface, QueryRunner } from 'typeorm';

// Per-action policy (issue #15): a tool may be allowed for chat and prohibited for file upload.
// Network roll-ups keep the action a proxy log's URL path showed ('' where none did), so the key
// gains it; a policy holds a status per action beside the tool's own. Existing rows keep ''
// and '{}', which mean what they meant before.
export class PerActionPolicy1767500000000 implements MigrationInterface {
  name = 'PerActionPolicy1767500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE network_usage_daily ADD COLUMN action text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE network_usage_daily DROP CONSTRAINT network_usage_daily_key`);
    await q.query(
      `ALTER TABLE network_usage_daily ADD CONSTRAINT network_usage_daily_key
         UNIQUE (identity_kind, identity_value, tool_id, action, day)`,
    );
    await q.query(`ALTER TABLE tool_policy ADD COLUMN actions jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tool_policy DROP COLUMN actions`);
    // the actions of a (identity, tool, day) fold back into one row
    await q.query(`
      CREATE TEMP TABLE nud_fold ON COMMIT DROP AS
      SELECT identity_kind, identity_value, tool_id, day, sum(requests) AS requests,
             sum(bytes_up) AS bytes_up, sum(bytes_down) AS bytes_down, sum(blocked) AS blocked,
             min(first_seen) AS first_seen, max(last_seen) AS last_seen, max(updated_at) AS updated_at
        FROM network_usage_daily GROUP BY 1, 2, 3, 4`);
    await q.query(`DELETE FROM network_usage_daily`);
    await q.query(`ALTER TABLE network_usage_daily DROP CONSTRAINT network_usage_daily_key`);
    await q.query(`ALTER TABLE network_usage_daily DROP COLUMN action`);
    await q.query(`
      INSERT INTO network_usage_daily (identity_kind, identity_value, tool_id, day, requests, bytes_up,
                                       bytes_down, blocked, first_seen, last_seen, updated_at)
      SELECT * FROM nud_fold`);
    await q.query(
      `ALTER TABLE network_usage_daily ADD CONSTRAINT network_usage_daily_key
         UNIQUE (identity_kind, identity_value, tool_id, day)`,
    );
  }
}
