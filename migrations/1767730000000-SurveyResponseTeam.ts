import type { MigrationInterface, QueryRunner } from 'typeorm';

// The team a respondent was in when they answered, kept on the answer itself so a survey that
// stores no person (pseudonymous, anonymous) can still compare waves by team. The survey's
// privacy mode decides when it is written (src/surveys/privacy/answer-team.ts); earlier answers
// have none.
export class SurveyResponseTeam1767730000000 implements MigrationInterface {
  name = 'SurveyResponseTeam1767730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survey_response ADD COLUMN team text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE survey_response DROP COLUMN team`);
  }
}
