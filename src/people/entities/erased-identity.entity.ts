import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What is left of an erased person: a keyed hash of each identity they had (never the identity),
 * so a re-ingested log or scan that names them again is not attributed to anyone.
 */
@Entity('erased_identity')
export class ErasedIdentityEntity {
  /** hex HMAC-SHA256 of `kind:value` under the installation's erasure salt */
  @PrimaryColumn('text')
  hash: string;

  @Column('text')
  kind: string;

  /** the erasure's opaque id, as in its audit record */
  @Column('uuid', { name: 'erasure_id' })
  erasureId: string;

  @Column('timestamptz', { name: 'erased_at' })
  erasedAt: Date;
}
