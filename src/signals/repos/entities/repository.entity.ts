import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RepoClassification } from '../github/github.types';

export type RepoSource = 'local' | 'github';

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

  @Column('timestamptz', { name: 'last_scanned_at', nullable: true })
  lastScannedAt: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
