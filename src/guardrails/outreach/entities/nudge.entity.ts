import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One message to one person about one tool, with its acknowledgement and tool-request links. */
@Entity('nudge')
export class NudgeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  @Column({ name: 'tool_id', type: 'text' })
  toolId: string;

  @Column({ name: 'aup_version', type: 'text' })
  aupVersion: string;

  /** the message as rendered for the person (links left as placeholders) */
  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'ack_token_hash', type: 'text', nullable: true, unique: true })
  ackTokenHash: string | null;

  @Column({ name: 'request_token_hash', type: 'text', nullable: true, unique: true })
  requestTokenHash: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'sent_by', type: 'text' })
  sentBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'request_used_at', type: 'timestamptz', nullable: true })
  requestUsedAt: Date | null;
}
