import type { MigrationInterface, QueryRunner } from 'typeorm';

// How sure each tool a response names was read from it: only tools below 1 are listed (a name
// read through a misspelling in free text); a tool absent from it was picked or spelt right.
export class SurveyToolConfidence1765800000000 implements MigrationInterface {
  name = 'SurveyToolConfidence1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE survey_response ADD COLUMN tool_confidence jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survey_response DROP COLUMN tool_confidence`);
  }
}
