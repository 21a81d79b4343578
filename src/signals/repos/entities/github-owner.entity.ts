import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What the last scan of a GitHub organisation or user left for the next one. */
@Entity('github_owner')
export class GithubOwnerEntity {
  /** "<api url>|owner" */
  @PrimaryColumn('text', { name: 'owner_key' })
  ownerKey: string;

  @Column('text')
  owner: string;

  @Column('text', { name: 'api_url' })
  apiUrl: string;

  @Column('text', { name: 'owner_type', nullable: true })
  ownerType: 'Organization' | 'User' | null;

  /** ETag of the first page of the repository list sorted by push date */
  @Column('text', { name: 'list_etag', nullable: true })
  listEtag: string | null;

  @Column('timestamptz', { name: 'org_level_scanned_at', nullable: true })
  orgLevelScannedAt: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
