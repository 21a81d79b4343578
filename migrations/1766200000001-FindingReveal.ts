import type { MigrationInterface, QueryRunner } from 'typeorm';

// Pseudonymised triage: a reveal of the person behind one finding, with its four-eyes decision.
export class FindingReveal1766200000001 implements MigrationInterface {
  name = 'FindingReveal1766200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE finding_reveal (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         finding_id uuid NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
         state text NOT NULL CHECK (state IN ('requested', 'approved', 'refused', 'expired')),
         reason text NOT NULL,
         requested_by text NOT NULL,
         requested_by_token_id uuid,
         requested_at timestamptz NOT NULL,
         decided_by text,
         decided_by_token_id uuid,
         decided_at timestamptz,
         decision_comment text,
         expires_at timestamptz,
         notice_state text
       )`,
    );
    await q.query(`CREATE INDEX finding_reveal_finding ON finding_reveal (finding_id)`);
    await q.query(`CREATE INDEX finding_reveal_state ON finding_reveal (state)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE finding_reveal`);
  }
}
