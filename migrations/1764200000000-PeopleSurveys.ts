import { MigrationInterface, QueryRunner } from 'typeorm';

export class PeopleSurveys1764200000000 implements MigrationInterface {
  name = 'PeopleSurveys1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        path text NOT NULL UNIQUE,
        parent_id uuid REFERENCES team(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text UNIQUE,
        name text,
        team_id uuid REFERENCES team(id) ON DELETE SET NULL,
        manager_id uuid REFERENCES person(id) ON DELETE SET NULL,
        github_login text,
        source text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX person_github_login_idx ON person (lower(github_login)) WHERE github_login IS NOT NULL`,
    );
    await q.query(`CREATE INDEX person_team_idx ON person (team_id)`);
    await q.query(`
      CREATE TABLE person_identity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('email', 'github', 'commit-email', 'username', 'ip')),
        value text NOT NULL,
        confidence real NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        source text NOT NULL,
        manual boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, value)
      )`);
    await q.query(`CREATE INDEX person_identity_person_idx ON person_identity (person_id)`);
    await q.query(`
      CREATE TABLE ip_lease (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ip text NOT NULL,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz,
        source text NOT NULL
      )`);
    await q.query(`CREATE INDEX ip_lease_ip_idx ON ip_lease (ip)`);
    await q.query(`
      CREATE TABLE unresolved_identity (
        kind text NOT NULL,
        value text NOT NULL,
        source text NOT NULL,
        reason text NOT NULL,
        candidates uuid[] NOT NULL DEFAULT '{}',
        occurrences integer NOT NULL DEFAULT 1,
        first_seen timestamptz NOT NULL DEFAULT now(),
        last_seen timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, value)
      )`);

    await q.query(`
      CREATE TABLE survey (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        description text,
        privacy_mode text NOT NULL CHECK (privacy_mode IN ('identified', 'pseudonymous', 'anonymous')),
        k integer NOT NULL DEFAULT 5 CHECK (k >= 2),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'closed')),
        source text NOT NULL CHECK (source IN ('form', 'import')),
        import_format text,
        open_token_hash text UNIQUE,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE survey_question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
        position integer NOT NULL,
        key text NOT NULL,
        text text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('single', 'multiple', 'scale', 'text', 'tool-picker')),
        role text,
        required boolean NOT NULL DEFAULT false,
        help text,
        options jsonb NOT NULL DEFAULT '[]'::jsonb,
        multiple boolean NOT NULL DEFAULT false,
        scale jsonb,
        UNIQUE (survey_id, key)
      )`);
    await q.query(`
      CREATE TABLE survey_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        responded_on date,
        UNIQUE (survey_id, person_id)
      )`);
    // Drafts are keyed by the hash of the link that saved them and deleted on submit.
    await q.query(`
      CREATE TABLE survey_draft (
        token_hash text PRIMARY KEY,
        survey_id uuid NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
        answers jsonb NOT NULL,
        updated_on date NOT NULL
      )`);
    // No serial id, no invitation, no timestamp finer than a day: anonymous rows carry nothing
    // that leads back to a person.
    await q.query(`
      CREATE TABLE survey_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survey_id uuid NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
        person_id uuid REFERENCES person(id) ON DELETE SET NULL,
        pseudonym text,
        respondent_key text,
        source text NOT NULL CHECK (source IN ('form', 'open-link', 'import')),
        submitted_on date,
        answers jsonb NOT NULL,
        tool_ids text[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX survey_response_survey_idx ON survey_response (survey_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'survey_response',
      'survey_draft',
      'survey_invitation',
      'survey_question',
      'survey',
      'unresolved_identity',
      'ip_lease',
      'person_identity',
      'person',
      'team',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
