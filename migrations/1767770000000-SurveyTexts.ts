import type { MigrationInterface, QueryRunner } from 'typeorm';

// The survey's own title and description in the form's other languages ({ de: { title,
// description } }), and the language its invitations and reminders are written in: the
// directory keeps no language per person, so the author picks one per survey.
export class SurveyTexts1767770000000 implements MigrationInterface {
  name = 'SurveyTexts1767770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE survey ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'::jsonb,
         ADD COLUMN invitation_language text NOT NULL DEFAULT 'en'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survey DROP COLUMN translations, DROP COLUMN invitation_language`);
  }
}
