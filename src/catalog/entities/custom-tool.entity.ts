import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ToolDefinition } from '../catalog.types';

/** A tool the organisation added, or its replacement for a built-in tool of the same id. */
@Entity('custom_tool')
export class CustomToolEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('jsonb')
  definition: ToolDefinition;

  @Column('text', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('text', { name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
