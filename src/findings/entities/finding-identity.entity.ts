import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An identity seen in evidence, resolved to a person once: correlation joins evidence to it in
 * SQL instead of asking the people module per row.
 */
@Entity('finding_identity')
export class FindingIdentityEntity {
  @PrimaryColumn({ type: 'text' })
  kind: string;

  /** lower-cased, as correlation matches it */
  @PrimaryColumn({ type: 'text' })
  value: string;

  @Column({ name: 'person_id', type: 'text', nullable: true })
  personId: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz' })
  resolvedAt: Date;
}
