import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One question put to one person about one finding, through a single-use link. */
@Entity('clarification_request')
export class ClarificationRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'finding_id', type: 'uuid' })
  findingId: string;

  /** null once the person is erased: the answer still counts in the aggregates */
  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  @Column({ name: 'tool_id', type: 'text' })
  toolId: string;

  /** SHA-256 of the link's token; null until a link is issued and after it is used */
  @Column({ name: 'token_hash', type: 'text', nullable: true, unique: true })
  tokenHash: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'asked_by', type: 'text' })
  askedBy: string;

  @Column({ name: 'asked_by_role', type: 'text' })
  askedByRole: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'boolean', nullable: true })
  uses: boolean | null;

  @Column({ name: 'data_classes', type: 'text', array: true, default: () => "'{}'" })
  dataClasses: string[];

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'closed_lead', type: 'boolean', default: false })
  closedLead: boolean;
}
