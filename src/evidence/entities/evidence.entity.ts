import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EvidenceRecord } from '../evidence.types';

@Entity('evidence')
export class EvidenceEntity implements EvidenceRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('text', { unique: true })
  fingerprint: string;

  @Column('text', { name: 'tool_id' })
  toolId: string;

  @Column('text')
  signal: string;

  @Column('text', { name: 'source_run_id', nullable: true })
  sourceRunId: string | null;

  @Column('text', { nullable: true })
  repository: string | null;

  @Column('text', { name: 'identity_kind', nullable: true })
  identityKind: string | null;

  @Column('text', { name: 'identity_value', nullable: true })
  identityValue: string | null;

  @Column('real')
  confidence: number;

  @Column('timestamptz', { name: 'first_seen' })
  firstSeen: Date;

  @Column('timestamptz', { name: 'last_seen' })
  lastSeen: Date;

  @Column('bigint')
  count: string;

  @Column('bigint')
  bytes: string;

  @Column('jsonb')
  detail: Record<string, unknown>;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
