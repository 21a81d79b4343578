import type { MigrationInterface, QueryRunner } from 'typeorm';

// When a survey closed: RETENTION_SURVEY_DAYS counts from it. A survey closed before this column
// existed takes the time of its `survey.close` audit event, or, with that event gone, the time of
// the upgrade: later than its real close, so its answers are never purged early.
export class SurveyClosedAt1767780000000 implements MigrationInterface {
  name = 'SurveyClosedAt1767780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survey ADD COLUMN closed_at timestamptz`);
    await q.query(
      `UPDATE survey s SET closed_at = COALESCE(
         (SELECT max(a.at) FROM audit_event a
           WHERE a.action = 'survey.close' AND a.target_type = 'survey' AND a.target_id = s.id::text),
         now())
        WHERE s.status = 'closed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survey DROP COLUMN closed_at`);
  }
}
