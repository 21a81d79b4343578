import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ResolvableKind } from '../identity/identity-kinds';

@Entity('person_identity')
export class PersonIdentityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('text')
  kind: ResolvableKind;

  /** normalised (see normaliseIdentity) */
  @Column('text')
  value: string;

  @Column('real')
  confidence: number;

  @Column('text')
  source: string;

  /** linked by a person; directory re-imports leave it alone */
  @Column('boolean')
  manual: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
