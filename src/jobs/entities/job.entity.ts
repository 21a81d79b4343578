import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JobName, QueueName } from '../job-names';
import type { JobCounts, JobState } from '../job.types';

@Entity('job')
export class JobEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  queue: QueueName;

  @Column('text')
  name: JobName;

  @Column('text')
  state: JobState;

  @Column('smallint')
  progress: number;

  @Column('jsonb')
  counts: JobCounts;

  @Column('jsonb')
  data: unknown;

  @Column('jsonb', { nullable: true })
  result: unknown;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('integer')
  attempts: number;

  @Column('text', { nullable: true })
  worker: string | null;

  @Column('text', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('uuid', { name: 'created_by_token_id', nullable: true })
  createdByTokenId: string | null;

  @Column('text', { name: 'created_by_role', nullable: true })
  createdByRole: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}
