import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Every change of a finding's triage: who, when, from what to what, and why. */
@Entity('finding_event')
export class FindingEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'finding_id', type: 'uuid' })
  findingId: string;

  /** a token name, or `system` for correlation's own re-opens */
  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'text', nullable: true })
  toState: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'jsonb', nullable: true })
  detail: Record<string, unknown> | null;
}
