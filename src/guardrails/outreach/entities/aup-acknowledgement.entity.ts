import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's acknowledgement of one version of the acceptable-use policy. */
@Entity('aup_acknowledgement')
export class AupAcknowledgementEntity {
  @PrimaryColumn('uuid', { name: 'person_id' })
  personId: string;

  @PrimaryColumn('text', { name: 'aup_version' })
  aupVersion: string;

  @Column('timestamptz', { name: 'acknowledged_at' })
  acknowledgedAt: Date;

  @Column('uuid', { name: 'nudge_id', nullable: true })
  nudgeId: string | null;
}
