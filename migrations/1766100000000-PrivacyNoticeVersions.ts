import type { MigrationInterface, QueryRunner } from 'typeorm';

// The transparency page (/privacy) keeps each distinct rendering with when it first (and last)
// became the current one, so the people measured can see how the processing changed.
export class PrivacyNoticeVersions1766100000000 implements MigrationInterface {
  name = 'PrivacyNoticeVersions1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE privacy_notice_version (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         hash text NOT NULL UNIQUE,
         html text NOT NULL,
         facts jsonb NOT NULL,
         first_seen_at timestamptz NOT NULL,
         last_seen_at timestamptz NOT NULL
       )`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE privacy_notice_version`);
  }
}
