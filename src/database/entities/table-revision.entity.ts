import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A change counter per table, bumped by statement triggers (migration IncrementalCorrelation).
 * Owned here, below every domain: the modules whose tables carry a trigger read their own row.
 */
@Entity('table_revision')
export class TableRevisionEntity {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'bigint' })
  revision: string;
}
