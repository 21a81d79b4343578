import type { MigrationInterface, QueryRunner } from 'typeorm';

// The AI register needs, per tool, who answers for it, what it is for and when the decision is
// reviewed next. Nullable: a policy decided before keeps working and shows blanks until filled.
export class ToolPolicyStewardship1766300000000 implements MigrationInterface {
  name = 'ToolPolicyStewardship1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE tool_policy ADD COLUMN owner text, ADD COLUMN purpose text, ADD COLUMN next_review date`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE tool_policy DROP COLUMN owner, DROP COLUMN purpose, DROP COLUMN next_review`,
    );
  }
}
