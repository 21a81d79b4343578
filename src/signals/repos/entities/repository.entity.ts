import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RepoClassification } from '../github/github.types';

export type RepoSource = 'local' | 'github';

/** who said which team owns the repository: a person (API, CLI) or its GitHub custom property */
export type TeamSource = 'manual' | 'github';

/** A repository the scanner knows: a local checkout or a GitHub repository. */
@Entity('repository')
export class RepositoryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  source: RepoSource;

  /** local: the resolved checkout path; github: "<api url>|owner/name" — unique */
  @Column('text', { name: 'location_key', unique: true })
  locationKey: string;

  /** as evidence names it: owner/name on GitHub, the checkout's folder name locally */
  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  owner: string | null;

  @Column('text', { name: 'last_scanned_commit', nullable: true })
  lastScannedCommit: string | null;

  @Column('timestamptz', { name: 'last_commit_at', nullable: true })
  lastCommitAt: Date | null;

  @Column('timestamptz', { name: 'pushed_at', nullable: true })
  pushedAt: Date | null;

  @Column('jsonb')
  classification: RepoClassification;

  /** the owning team's path as the people module knows it ("Engineering/Platform") */
  @Column('text', { nullable: true })
  team: string | null;

  @Column('text', { name: 'team_source', nullable: true })
  teamSource: TeamSource | null;

  /** data classes the CoE declared; when set they replace those the scan read */
  @Column('text', { name: 'declared_data_classes', array: true, nullable: true })
  declaredDataClasses: string[] | null;

  /** AI guardrails its CI or hooks run (`check-repo`); null until a scan read its workflows */
  @Column('text', { array: true, nullable: true })
  guardrails: string[] | null;

  @Column('timestamptz', { name: 'last_scanned_at', nullable: true })
  lastScannedAt: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
