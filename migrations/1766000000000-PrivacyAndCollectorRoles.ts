import type { MigrationInterface, QueryRunner } from 'typeorm';

// Two roles join the four: `privacy` (subject access, erasure, approving reveals) and `collector`
// (an endpoint collector's enrollment token, which may only post reports).
export class PrivacyAndCollectorRoles1766000000000 implements MigrationInterface {
  name = 'PrivacyAndCollectorRoles1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_token DROP CONSTRAINT api_token_role_check`);
    await q.query(
      `ALTER TABLE api_token ADD CONSTRAINT api_token_role_check
         CHECK (role IN ('admin', 'coe', 'security', 'leader', 'privacy', 'collector'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM api_token WHERE role IN ('privacy', 'collector')`);
    await q.query(`ALTER TABLE api_token DROP CONSTRAINT api_token_role_check`);
    await q.query(
      `ALTER TABLE api_token ADD CONSTRAINT api_token_role_check
         CHECK (role IN ('admin', 'coe', 'security', 'leader'))`,
    );
  }
}
