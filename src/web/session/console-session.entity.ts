import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One signed-in browser. The cookie holds the secret; the row only its SHA-256. */
@Entity('console_session')
export class ConsoleSessionEntity {
  @PrimaryColumn('text', { name: 'id_hash' })
  idHash: string;

  @Column('uuid', { name: 'token_id' })
  tokenId: string;

  /** the synchronizer token every form of this session carries */
  @Column('text', { name: 'csrf_token' })
  csrfToken: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'last_seen_at' })
  lastSeenAt: Date;

  /** the absolute end, whatever the activity */
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  /** a one-time message for the next page (the outcome of a form) */
  @Column('text', { nullable: true })
  flash: string | null;
}
