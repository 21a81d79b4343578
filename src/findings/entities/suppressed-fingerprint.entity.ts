import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Evidence a person marked as a false positive: correlation ignores it from then on. */
@Entity('suppressed_fingerprint')
export class SuppressedFingerprintEntity {
  @PrimaryColumn({ type: 'text' })
  fingerprint: string;

  @Column({ name: 'finding_id', type: 'uuid' })
  findingId: string;

  @Column({ type: 'text' })
  actor: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
