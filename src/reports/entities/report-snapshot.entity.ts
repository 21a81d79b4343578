import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportKind, ReportModel } from '../model/report.types';

/** One built report. Baselines are kept so the next one can show the change. */
@Entity('report_snapshot')
export class ReportSnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: ReportKind;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'text', nullable: true })
  actor: string | null;

  @Column({ name: 'job_id', type: 'text', nullable: true })
  jobId: string | null;

  @Column({ type: 'jsonb' })
  model: ReportModel;
}
