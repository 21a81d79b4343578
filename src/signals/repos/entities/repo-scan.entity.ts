import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ScanWarning } from '../repo-scan.types';
import type { RepoSource } from './repository.entity';

/** One scan run: a local checkout or a GitHub owner. */
@Entity('repo_scan')
export class RepoScanEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'job_id', nullable: true })
  jobId: string | null;

  @Column('text')
  source: RepoSource;

  /** the checkout path or the GitHub owner */
  @Column('text')
  target: string;

  @Column('text')
  state: 'running' | 'completed' | 'failed';

  @Column('integer')
  repositories: number;

  @Column('integer')
  traces: number;

  @Column('integer', { name: 'evidence_inserted' })
  evidenceInserted: number;

  @Column('integer', { nullable: true })
  requests: number | null;

  @Column('jsonb')
  warnings: ScanWarning[];

  @Column('text', { nullable: true })
  error: string | null;

  @Column('timestamptz', { name: 'started_at' })
  startedAt: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}
