import type { MigrationInterface, QueryRunner } from 'typeorm';

// The AI guardrails a repository's CI or hooks run (AI Census check-repo), read by each scan;
// null until a scan has read the repository's workflows.
export class RepositoryGuardrails1766500000000 implements MigrationInterface {
  name = 'RepositoryGuardrails1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE repository ADD COLUMN guardrails text[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE repository DROP COLUMN guardrails`);
  }
}
