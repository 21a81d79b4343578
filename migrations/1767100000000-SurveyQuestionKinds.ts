import type { MigrationInterface, QueryRunner } from 'typeorm';

// Adoption surveys: a question may sit in a section, be shown only on earlier answers (show_if),
// carry matrix rows (items), a number's unit and bounds, and its wording in other languages.
// A survey lists its sections (key, title, show_if, translations) in order.
export class SurveyQuestionKinds1767100000000 implements MigrationInterface {
  name = 'SurveyQuestionKinds1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survey_question
      ADD COLUMN section text,
      ADD COLUMN items jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN number jsonb,
      ADD COLUMN show_if jsonb,
      ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`ALTER TABLE survey ADD COLUMN sections jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survey DROP COLUMN sections`);
    await q.query(`ALTER TABLE survey_question
      DROP COLUMN section, DROP COLUMN items, DROP COLUMN number, DROP COLUMN show_if,
      DROP COLUMN translations`);
  }
}
