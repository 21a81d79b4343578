import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the last correlation ran with (one row): the evidence watermark and the hashes of its
 * inputs. The next run compares them to re-score only what changed.
 */
@Entity('correlation_state')
export class CorrelationStateEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ name: 'evidence_mark', type: 'timestamptz' })
  evidenceMark: Date;

  @Column({ name: 'evidence_before_mark', type: 'bigint' })
  evidenceBeforeMark: string;

  @Column({ name: 'evidence_revision', type: 'bigint' })
  evidenceRevision: string;

  @Column({ type: 'text' })
  suppressed: string;

  @Column({ name: 'inputs_hash', type: 'text' })
  inputsHash: string;

  @Column({ name: 'tool_hashes', type: 'jsonb' })
  toolHashes: Record<string, string>;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
