import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFindings1764500000000 implements MigrationInterface {
  name = 'CreateFindings1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_type text NOT NULL CHECK (subject_type IN ('person', 'repository')),
        subject_id text NOT NULL,
        tool_id text NOT NULL,
        sanction_status text NOT NULL,
        shadow boolean NOT NULL,
        disclosure text NOT NULL,
        score int NOT NULL CHECK (score BETWEEN 0 AND 100),
        tier text NOT NULL,
        factors jsonb NOT NULL,
        triage_state text NOT NULL DEFAULT 'open'
          CHECK (triage_state IN ('open', 'acknowledged', 'accepted', 'remediated', 'false-positive')),
        assignee text,
        accepted_until timestamptz,
        remediated_at timestamptz,
        evidence_fingerprints text[] NOT NULL DEFAULT '{}',
        signals text[] NOT NULL DEFAULT '{}',
        repositories text[] NOT NULL DEFAULT '{}',
        data_classes text[] NOT NULL DEFAULT '{}',
        evidence_count int NOT NULL DEFAULT 0,
        bytes bigint NOT NULL DEFAULT 0,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        present boolean NOT NULL DEFAULT true,
        correlation_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_finding_subject_tool UNIQUE (subject_type, subject_id, tool_id)
      )`);
    await q.query(`CREATE INDEX ix_finding_tool ON finding (tool_id)`);
    await q.query(`CREATE INDEX ix_finding_triage_tier ON finding (triage_state, tier)`);
    await q.query(`
      CREATE TABLE finding_event (
        id bigserial PRIMARY KEY,
        finding_id uuid NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
        actor text NOT NULL,
        at timestamptz NOT NULL,
        action text NOT NULL,
        from_state text,
        to_state text,
        comment text,
        detail jsonb
      )`);
    await q.query(`CREATE INDEX ix_finding_event_finding ON finding_event (finding_id, at)`);
    await q.query(`
      CREATE TABLE suppressed_fingerprint (
        fingerprint text PRIMARY KEY,
        finding_id uuid NOT NULL REFERENCES finding (id) ON DELETE CASCADE,
        actor text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    // Identities seen in evidence, resolved to people once: correlation joins evidence to it in SQL.
    await q.query(`
      CREATE TABLE finding_identity (
        kind text NOT NULL,
        value text NOT NULL,
        person_id text,
        resolved_at timestamptz NOT NULL,
        PRIMARY KEY (kind, value)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE finding_identity`);
    await q.query(`DROP TABLE suppressed_fingerprint`);
    await q.query(`DROP TABLE finding_event`);
    await q.query(`DROP TABLE finding`);
  }
}
