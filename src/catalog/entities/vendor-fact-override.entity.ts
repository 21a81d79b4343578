import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A vendor fact the organisation added or corrected (issue #15); plan '' for tool-wide facts. */
@Entity('vendor_fact_override')
export class VendorFactOverrideEntity {
  @PrimaryColumn('text', { name: 'tool_id' })
  toolId: string;

  @PrimaryColumn('text')
  plan: string;

  @PrimaryColumn('text')
  fact: string;

  @Column('jsonb')
  value: unknown;

  @Column('text')
  source: string;

  /** YYYY-MM-DD */
  @Column('date')
  checked: string;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('text', { name: 'set_by' })
  setBy: string;

  @Column('timestamptz', { name: 'set_at' })
  setAt: Date;
}
