import type { MigrationInterface, QueryRunner } from 'typeorm';

// A survey re-run as a new wave is a new survey row (its own links, answers and k) that points at
// the first wave of its series, so results can compare one wave with the one before it.
// `template` names the built-in template a survey was made from, so a wave copies it faithfully.
export class SurveyWaves1767200000000 implements MigrationInterface {
  name = 'SurveyWaves1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE survey ADD COLUMN series_id uuid REFERENCES survey(id) ON DELETE CASCADE`,
    );
    await q.query(`ALTER TABLE survey ADD COLUMN wave integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE survey ADD COLUMN template text`);
    await q.query(`CREATE UNIQUE INDEX survey_series_wave_idx ON survey (series_id, wave)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX survey_series_wave_idx`);
    await q.query(`ALTER TABLE survey DROP COLUMN template`);
    await q.query(`ALTER TABLE survey DROP COLUMN wave`);
    await q.query(`ALTER TABLE survey DROP COLUMN series_id`);
  }
}
