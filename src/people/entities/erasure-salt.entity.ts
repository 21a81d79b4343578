import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row: the random salt of erased-identity hashes, made by the migration, shared by every process. */
@Entity('erasure_salt')
export class ErasureSaltEntity {
  @PrimaryColumn('smallint')
  id: number;

  @Column('text')
  salt: string;
}
