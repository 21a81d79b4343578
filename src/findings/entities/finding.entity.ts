import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type {
  Disclosure,
  RiskFactor,
  RiskTier,
  SanctionStatus,
  SubjectType,
  TriageState,
} from '../findings.types';
import type { Strength } from '../../evidence/confidence';

/** One (subject, tool) pair. Correlation upserts it; triage moves its state. */
@Entity('finding')
@Unique('uq_finding_subject_tool', ['subjectType', 'subjectId', 'toolId'])
export class FindingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: SubjectType;

  /** person id, or the repository's name */
  @Column({ name: 'subject_id', type: 'text' })
  subjectId: string;

  @Column({ name: 'tool_id', type: 'text' })
  toolId: string;

  @Column({ name: 'sanction_status', type: 'text' })
  sanctionStatus: SanctionStatus;

  @Column({ type: 'boolean' })
  shadow: boolean;

  /** claim, or lead when its evidence is only weak (kept for review, not counted as use) */
  @Column({ type: 'text', default: 'claim' })
  strength: Strength;

  @Column({ type: 'text' })
  disclosure: Disclosure;

  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'text' })
  tier: RiskTier;

  @Column({ type: 'jsonb' })
  factors: RiskFactor[];

  @Column({ name: 'triage_state', type: 'text', default: 'open' })
  triageState: TriageState;

  @Column({ type: 'text', nullable: true })
  assignee: string | null;

  @Column({ name: 'accepted_until', type: 'timestamptz', nullable: true })
  acceptedUntil: Date | null;

  @Column({ name: 'remediated_at', type: 'timestamptz', nullable: true })
  remediatedAt: Date | null;

  @Column({ name: 'evidence_fingerprints', type: 'text', array: true, default: () => "'{}'" })
  evidenceFingerprints: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  signals: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  repositories: string[];

  @Column({ name: 'data_classes', type: 'text', array: true, default: () => "'{}'" })
  dataClasses: string[];

  @Column({ name: 'evidence_count', type: 'int', default: 0 })
  evidenceCount: number;

  @Column({
    type: 'bigint',
    default: 0,
    transformer: { to: (v: number) => v, from: (v: string | null) => Number(v ?? 0) },
  })
  bytes: number;

  @Column({ name: 'first_seen', type: 'timestamptz' })
  firstSeen: Date;

  @Column({ name: 'last_seen', type: 'timestamptz' })
  lastSeen: Date;

  /** false once correlation no longer finds evidence for it (kept for its history) */
  @Column({ type: 'boolean', default: true })
  present: boolean;

  /** hash of everything correlation derives; an unchanged hash means the row is not touched */
  @Column({ name: 'correlation_hash', type: 'text' })
  correlationHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
