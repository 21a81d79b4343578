import type { MigrationInterface, QueryRunner } from 'typeorm';

// Web console sessions, kept server-side: the cookie holds a random secret, the table only its
// SHA-256, so a copy of the table signs no one in. A session ends when idle too long, at its
// absolute expiry, on sign-out, or when the token it was opened with stops working.
export class ConsoleSessions1766800000000 implements MigrationInterface {
  name = 'ConsoleSessions1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE console_session (
        id_hash text PRIMARY KEY,
        token_id uuid NOT NULL,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        flash text
      )`);
    await q.query(`CREATE INDEX console_session_token_idx ON console_session (token_id)`);
    await q.query(`CREATE INDEX console_session_expires_idx ON console_session (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE console_session`);
  }
}
