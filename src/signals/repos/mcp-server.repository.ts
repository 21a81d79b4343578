import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { McpServerEntity } from './entities/mcp-server.entity';

export type McpServerRow = Omit<McpServerEntity, 'id' | 'firstSeen' | 'lastSeen'>;

@Injectable()
export class McpServerRepository {
  constructor(
    @InjectRepository(McpServerEntity) private readonly rows: Repository<McpServerEntity>,
  ) {}

  /**
   * The servers a repository declares as of this scan: new ones added, known ones updated (their
   * first sighting kept), and those gone from its configuration removed.
   */
  async replaceForRepository(
    repository: string,
    servers: McpServerRow[],
    seenAt: Date,
  ): Promise<void> {
    await this.rows.manager.transaction(async (m) => {
      if (servers.length > 0) {
        await m.query(
          `INSERT INTO mcp_server AS s (repository, path, name, line, client_tool_id, transport, command,
                  package_ecosystem, package_name, package_version, pinned, url, host, env_names, header_names,
                  catalog_id, risk_flags, first_seen, last_seen)
           SELECT $1, r.path, r.name, r.line, r.client_tool_id, r.transport, r.command, r.package_ecosystem,
                  r.package_name, r.package_version, r.pinned, r.url, r.host,
                  ARRAY(SELECT jsonb_array_elements_text(r.env_names)),
                  ARRAY(SELECT jsonb_array_elements_text(r.header_names)), r.catalog_id,
                  ARRAY(SELECT jsonb_array_elements_text(r.risk_flags)), $3, $3
             FROM jsonb_to_recordset($2::jsonb) AS r(path text, name text, line int, client_tool_id text,
                  transport text, command text, package_ecosystem text, package_name text, package_version text,
                  pinned boolean, url text, host text, env_names jsonb, header_names jsonb, catalog_id text,
                  risk_flags jsonb)
           ON CONFLICT (repository, path, name) DO UPDATE SET
             line = excluded.line, client_tool_id = excluded.client_tool_id, transport = excluded.transport,
             command = excluded.command, package_ecosystem = excluded.package_ecosystem,
             package_name = excluded.package_name, package_version = excluded.package_version,
             pinned = excluded.pinned, url = excluded.url, host = excluded.host, env_names = excluded.env_names,
             header_names = excluded.header_names, catalog_id = excluded.catalog_id,
             risk_flags = excluded.risk_flags, last_seen = excluded.last_seen`,
          [
            repository,
            JSON.stringify(
              servers.map((s) => ({
                path: s.path,
                name: s.name,
                line: s.line,
                client_tool_id: s.clientToolId,
                transport: s.transport,
                command: s.command,
                package_ecosystem: s.packageEcosystem,
                package_name: s.packageName,
                package_version: s.packageVersion,
                pinned: s.pinned,
                url: s.url,
                host: s.host,
                env_names: s.envNames,
                header_names: s.headerNames,
                catalog_id: s.catalogId,
                risk_flags: s.riskFlags,
              })),
            ),
            seenAt.toISOString(),
          ],
        );
      }
      await m.query(
        `DELETE FROM mcp_server WHERE repository = $1
            AND (path, name) NOT IN (SELECT p, n FROM unnest($2::text[], $3::text[]) AS t(p, n))`,
        [repository, servers.map((s) => s.path), servers.map((s) => s.name)],
      );
    });
  }

  list(repository?: string): Promise<McpServerEntity[]> {
    return this.rows.find({
      where: repository ? { repository } : {},
      order: { repository: 'ASC', path: 'ASC', name: 'ASC' },
      take: 10_000,
    });
  }
}
