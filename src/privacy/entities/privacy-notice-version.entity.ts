import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ProcessingFacts } from '../processing-facts';

/** One distinct rendering of the transparency page, kept so its history can be shown. */
@Entity('privacy_notice_version')
export class PrivacyNoticeVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** sha256 of the rendered HTML */
  @Column('text', { unique: true })
  hash: string;

  @Column('text')
  html: string;

  @Column('jsonb')
  facts: ProcessingFacts;

  @Column('timestamptz', { name: 'first_seen_at' })
  firstSeenAt: Date;

  /** the last time it became the current page again (after another version) */
  @Column('timestamptz', { name: 'last_seen_at' })
  lastSeenAt: Date;
}
