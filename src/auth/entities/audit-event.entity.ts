import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_event')
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;

  @Column('uuid', { name: 'actor_token_id', nullable: true })
  actorTokenId: string | null;

  @Column('text', { name: 'actor_name' })
  actorName: string;

  @Column('text', { name: 'actor_role', nullable: true })
  actorRole: string | null;

  @Column('text')
  action: string;

  @Column('text', { name: 'target_type' })
  targetType: string;

  @Column('text', { name: 'target_id', nullable: true })
  targetId: string | null;

  @Column('jsonb', { default: {} })
  detail: Record<string, unknown>;
}
