import type { MigrationInterface, QueryRunner } from 'typeorm';

// The organisation-level days of the GitHub Copilot usage-metrics report (aggregates only, column
// names as the report's own fields), read by the github-copilot connector for the baseline.
export class CopilotOrgMetrics1767700000000 implements MigrationInterface {
  name = 'CopilotOrgMetrics1767700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE copilot_org_daily_metrics (
        org text NOT NULL,
        day date NOT NULL,
        daily_active_users int NOT NULL DEFAULT 0,
        weekly_active_users int NOT NULL DEFAULT 0,
        monthly_active_users int NOT NULL DEFAULT 0,
        monthly_active_chat_users int NOT NULL DEFAULT 0,
        monthly_active_agent_users int NOT NULL DEFAULT 0,
        daily_active_cli_users int NOT NULL DEFAULT 0,
        user_initiated_interaction_count bigint NOT NULL DEFAULT 0,
        code_generation_activity_count bigint NOT NULL DEFAULT 0,
        code_acceptance_activity_count bigint NOT NULL DEFAULT 0,
        loc_suggested_to_add_sum bigint NOT NULL DEFAULT 0,
        loc_added_sum bigint NOT NULL DEFAULT 0,
        loc_deleted_sum bigint NOT NULL DEFAULT 0,
        read_at timestamptz NOT NULL,
        PRIMARY KEY (org, day)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE copilot_org_daily_metrics`);
  }
}
