import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An MCP server a repository's client configuration declares, as of the repository's last scan.
 * Names only: env and header names, never their values.
 */
@Entity('mcp_server')
export class McpServerEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** as evidence names it */
  @Column('text')
  repository: string;

  @Column('text')
  path: string;

  @Column('text')
  name: string;

  @Column('int', { nullable: true })
  line: number | null;

  /** catalog id of the client that reads the file */
  @Column('text', { name: 'client_tool_id' })
  clientToolId: string;

  @Column('text')
  transport: string;

  @Column('text', { nullable: true })
  command: string | null;

  @Column('text', { name: 'package_ecosystem', nullable: true })
  packageEcosystem: string | null;

  @Column('text', { name: 'package_name', nullable: true })
  packageName: string | null;

  @Column('text', { name: 'package_version', nullable: true })
  packageVersion: string | null;

  @Column('boolean', { nullable: true })
  pinned: boolean | null;

  @Column('text', { nullable: true })
  url: string | null;

  @Column('text', { nullable: true })
  host: string | null;

  @Column('text', { name: 'env_names', array: true })
  envNames: string[];

  @Column('text', { name: 'header_names', array: true })
  headerNames: string[];

  /** the known server it is; null when the catalog does not know it */
  @Column('text', { name: 'catalog_id', nullable: true })
  catalogId: string | null;

  @Column('text', { name: 'risk_flags', array: true })
  riskFlags: string[];

  @Column('timestamptz', { name: 'first_seen' })
  firstSeen: Date;

  @Column('timestamptz', { name: 'last_seen' })
  lastSeen: Date;
}
