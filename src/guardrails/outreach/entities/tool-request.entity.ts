import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ToolRequestDecision, ToolRequestStatus } from '../outreach.types';

/** A person's or team's request that the CoE review a tool; the CoE's queue. */
@Entity('tool_request')
export class ToolRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tool_id', type: 'text' })
  toolId: string;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  @Column({ type: 'text', nullable: true })
  team: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', default: 'open' })
  status: ToolRequestStatus;

  @Column({ type: 'jsonb', nullable: true })
  decision: ToolRequestDecision | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** how the requester was told: `mail`, or `status-page` when no address was known */
  @Column({ type: 'text', nullable: true })
  notified: string | null;

  @Column({ name: 'status_token_hash', type: 'text', nullable: true, unique: true })
  statusTokenHash: string | null;

  @Column({ name: 'nudge_id', type: 'uuid', nullable: true })
  nudgeId: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
