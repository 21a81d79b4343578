import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One published version of the acceptable-use policy; the newest is the one people acknowledge. */
@Entity('aup_version')
export class AupVersionEntity {
  @PrimaryColumn('text')
  version: string;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  url: string | null;

  @Column('text', { nullable: true })
  summary: string | null;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt: Date;

  @Column('text', { name: 'published_by' })
  publishedBy: string;
}
