import type { MigrationInterface, QueryRunner } from 'typeorm';

// Guardrails outreach: clarification requests, the acceptable-use policy and its versions,
// nudge templates, nudges with their acknowledgement links, acknowledgements, tool requests and
// their discussion. Link tokens are stored as SHA-256 hashes only.
export class GuardrailsOutreach1766400000000 implements MigrationInterface {
  name = 'GuardrailsOutreach1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clarification_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        finding_id uuid NOT NULL,
        person_id uuid,
        tool_id text NOT NULL,
        token_hash text UNIQUE,
        expires_at timestamptz,
        asked_by text NOT NULL,
        asked_by_role text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        uses boolean,
        data_classes text[] NOT NULL DEFAULT '{}',
        note text,
        closed_lead boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX ix_clarification_person ON clarification_request (person_id)`);
    await q.query(`CREATE INDEX ix_clarification_finding ON clarification_request (finding_id)`);
    await q.query(`
      CREATE TABLE aup_version (
        version text PRIMARY KEY,
        title text NOT NULL,
        url text,
        summary text,
        published_at timestamptz NOT NULL,
        published_by text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE nudge_template (
        tool_key text PRIMARY KEY,
        subject text NOT NULL,
        body text NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE nudge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid,
        tool_id text NOT NULL,
        aup_version text NOT NULL REFERENCES aup_version (version),
        subject text NOT NULL,
        body text NOT NULL,
        ack_token_hash text UNIQUE,
        request_token_hash text UNIQUE,
        expires_at timestamptz,
        sent_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        request_used_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_nudge_person ON nudge (person_id)`);
    await q.query(`CREATE INDEX ix_nudge_version ON nudge (aup_version)`);
    await q.query(`
      CREATE TABLE aup_acknowledgement (
        person_id uuid NOT NULL,
        aup_version text NOT NULL REFERENCES aup_version (version),
        acknowledged_at timestamptz NOT NULL,
        nudge_id uuid REFERENCES nudge (id) ON DELETE SET NULL,
        PRIMARY KEY (person_id, aup_version)
      )`);
    await q.query(`
      CREATE TABLE tool_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tool_id text NOT NULL,
        person_id uuid,
        team text,
        contact_email text,
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided', 'withdrawn')),
        decision jsonb,
        decided_by text,
        decided_at timestamptz,
        notified text,
        status_token_hash text UNIQUE,
        nudge_id uuid REFERENCES nudge (id) ON DELETE SET NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_tool_request_status ON tool_request (status, created_at)`);
    await q.query(`CREATE INDEX ix_tool_request_person ON tool_request (person_id)`);
    await q.query(`
      CREATE TABLE tool_request_comment (
        id bigserial PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES tool_request (id) ON DELETE CASCADE,
        author text NOT NULL,
        by_requester boolean NOT NULL DEFAULT false,
        body text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_tool_request_comment ON tool_request_comment (request_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tool_request_comment`);
    await q.query(`DROP TABLE tool_request`);
    await q.query(`DROP TABLE aup_acknowledgement`);
    await q.query(`DROP TABLE nudge`);
    await q.query(`DROP TABLE nudge_template`);
    await q.query(`DROP TABLE aup_version`);
    await q.query(`DROP TABLE clarification_request`);
  }
}
