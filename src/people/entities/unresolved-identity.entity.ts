import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ResolvableKind } from '../identity/identity-kinds';

@Entity('unresolved_identity')
export class UnresolvedIdentityEntity {
  @PrimaryColumn('text')
  kind: ResolvableKind;

  @PrimaryColumn('text')
  value: string;

  @Column('text')
  source: string;

  @Column('text')
  reason: string;

  @Column('uuid', { array: true })
  candidates: string[];

  @Column('integer')
  occurrences: number;

  @Column('timestamptz', { name: 'first_seen' })
  firstSeen: Date;

  @Column('timestamptz', { name: 'last_seen' })
  lastSeen: Date;
}
