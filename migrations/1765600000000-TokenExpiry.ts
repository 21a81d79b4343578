import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An optional end of life per API token; NULL keeps the token valid until it is revoked. */
export class TokenExpiry1765600000000 implements MigrationInterface {
  name = 'TokenExpiry1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_token ADD COLUMN expires_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_token DROP COLUMN expires_at`);
  }
}
