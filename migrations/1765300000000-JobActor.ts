import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A job keeps who asked for it (token and role beside the name), so the work it does is audited as theirs. */
export class JobActor1765300000000 implements MigrationInterface {
  name = 'JobActor1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE job ADD COLUMN created_by_token_id uuid, ADD COLUMN created_by_role text`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job DROP COLUMN created_by_token_id, DROP COLUMN created_by_role`);
  }
}
