import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IngestProgressState, MalformedSample } from '../ingest/usage-rollup';
import { bigintToNumber } from './network-usage-daily.entity';

export type LogIngestStatus = 'running' | 'completed' | 'failed';

/** One log file: what it is (fingerprint), how far it is committed, and what it held. */
@Entity('log_ingest')
export class LogIngestEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  fingerprint: string;

  @Column('text', { name: 'file_name' })
  fileName: string;

  @Column('bigint', { name: 'file_size', transformer: bigintToNumber })
  fileSize: number;

  @Column('text')
  format: string;

  @Column('text')
  status: LogIngestStatus;

  /** bytes of complete lines whose roll-ups are committed (of the decompressed text) */
  @Column('bigint', { name: 'committed_offset', transformer: bigintToNumber })
  committedOffset: number;

  @Column('bigint', { name: 'line_number', transformer: bigintToNumber })
  lineNumber: number;

  @Column('bigint', { transformer: bigintToNumber })
  lines: number;

  @Column('bigint', { transformer: bigintToNumber })
  parsed: number;

  @Column('bigint', { transformer: bigintToNumber })
  malformed: number;

  @Column('bigint', { transformer: bigintToNumber })
  matched: number;

  @Column('jsonb', { name: 'malformed_sample' })
  malformedSample: MalformedSample[];

  @Column('jsonb')
  tools: IngestProgressState['tools'];

  @Column('jsonb')
  options: Record<string, unknown>;

  @Column('text', { name: 'job_id', nullable: true })
  jobId: string | null;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;
}
