import { MigrationInterface, QueryRunner } from 'typeorm';

/** MCP servers declared in repositories' client configurations (signals/repos owns the table). */
export class McpServers1766600000000 implements MigrationInterface {
  name = 'McpServers1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mcp_server (
        id bigserial PRIMARY KEY,
        repository text NOT NULL,
        path text NOT NULL,
        name text NOT NULL,
        line int,
        client_tool_id text NOT NULL,
        transport text NOT NULL CHECK (transport IN ('stdio', 'http', 'sse')),
        command text,
        package_ecosystem text CHECK (package_ecosystem IN ('npm', 'pypi', 'docker')),
        package_name text,
        package_version text,
        pinned boolean,
        url text,
        host text,
        env_names text[] NOT NULL DEFAULT '{}',
        header_names text[] NOT NULL DEFAULT '{}',
        catalog_id text,
        risk_flags text[] NOT NULL DEFAULT '{}',
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        CONSTRAINT mcp_server_place_uq UNIQUE (repository, path, name)
      )`);
    await q.query(`CREATE INDEX mcp_server_catalog_idx ON mcp_server (catalog_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mcp_server`);
  }
}
