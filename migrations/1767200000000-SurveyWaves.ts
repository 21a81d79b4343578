import type { MigrationInterface, QueryRunner } from 'typeorm';

// A survey re-run as a new wave is a new survey row (its own links, answers and k) that points at
// the first wave of its series, so results can compare one wave with the one before it.
// `template` names the built-in template a survey was made from, so a wave copies it faithfully.
// The question kind check of 1764200000000 still listed the first five kinds; it is widened to
// every kind the form renders (dropped if present, so it also holds if another migration did it).
const KINDS = `'single', 'multiple', 'scale', 'text', 'tool-picker', 'likert', 'matrix', 'number', 'ranking', 'nps'`;
const FIRST_KINDS = `'single', 'multiple', 'scale', 'text', 'tool-picker'`;
export class SurveyWaves1767200000000 implements MigrationInterface {
  name = 'SurveyWaves1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE survey ADD COLUMN series_id uuid REFERENCES survey(id) ON DELETE CASCADE`,
    );
    await q.query(`ALTER TABLE survey ADD COLUMN wave integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE survey ADD COLUMN template text`);
    await q.query(`CREATE UNIQUE INDEX survey_series_wave_idx ON survey (series_id, wave)`);
    await q.query(
      `ALTER TABLE survey_question DROP CONSTRAINT IF EXISTS survey_question_kind_check`,
    );
    await q.query(
      `ALTER TABLE survey_question ADD CONSTRAINT survey_question_kind_check CHECK (kind IN (${KINDS}))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE survey_question DROP CONSTRAINT IF EXISTS survey_question_kind_check`,
    );
    await q.query(
      `ALTER TABLE survey_question ADD CONSTRAINT survey_question_kind_check CHECK (kind IN (${FIRST_KINDS}))`,
    );
    await q.query(`DROP INDEX survey_series_wave_idx`);
    await q.query(`ALTER TABLE survey DROP COLUMN template`);
    await q.query(`ALTER TABLE survey DROP COLUMN wave`);
    await q.query(`ALTER TABLE survey DROP COLUMN series_id`);
  }
}
