import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DataClass, PolicyStatus } from '../catalog.types';
import type { FactPlan } from '../facts/vendor-facts.types';

@Entity('tool_policy')
export class ToolPolicyEntity {
  @PrimaryColumn('text', { name: 'tool_id' })
  toolId: string;

  @Column('text')
  status: PolicyStatus;

  @Column('text', { name: 'data_classes', array: true })
  dataClasses: DataClass[];

  @Column('boolean', { name: 'tenant_bound' })
  tenantBound: boolean;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('text', { nullable: true })
  owner: string | null;

  @Column('text', { nullable: true })
  purpose: string | null;

  /** YYYY-MM-DD */
  @Column('date', { name: 'next_review', nullable: true })
  nextReview: string | null;

  /** the plan the organisation holds; its vendor facts govern sanctioned and tolerated use */
  @Column('text', { nullable: true })
  plan: FactPlan | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
