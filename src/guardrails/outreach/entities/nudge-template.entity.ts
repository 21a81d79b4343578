import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An edited nudge text for one tool, or for every tool (`tool_key` = `*`). */
@Entity('nudge_template')
export class NudgeTemplateEntity {
  @PrimaryColumn('text', { name: 'tool_key' })
  toolKey: string;

  @Column('text')
  subject: string;

  @Column('text')
  body: string;

  @Column('text', { name: 'updated_by' })
  updatedBy: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
