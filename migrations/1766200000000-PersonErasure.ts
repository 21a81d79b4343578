import type { MigrationInterface, QueryRunner } from 'typeorm';

// Erasure leaves a keyed hash of each identity of an erased person (erased_identity), under one
// random salt per installation (erasure_salt), so a re-ingested log or scan resolves to no one.
export class PersonErasure1766200000000 implements MigrationInterface {
  name = 'PersonErasure1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE erasure_salt (id smallint PRIMARY KEY CHECK (id = 1), salt text NOT NULL)`,
    );
    // gen_random_uuid draws on the server's strong random source: two of them give 244 random bits
    await q.query(
      `INSERT INTO erasure_salt (id, salt)
       VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))`,
    );
    await q.query(
      `CREATE TABLE erased_identity (
         hash text PRIMARY KEY,
         kind text NOT NULL,
         erasure_id uuid NOT NULL,
         erased_at timestamptz NOT NULL
       )`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE erased_identity`);
    await q.query(`DROP TABLE erasure_salt`);
  }
}
