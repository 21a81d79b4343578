import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('ip_lease')
export class IpLeaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  ip: string;

  @Column('uuid', { name: 'person_id' })
  personId: string;

  @Column('timestamptz', { name: 'valid_from' })
  validFrom: Date;

  @Column('timestamptz', { name: 'valid_to', nullable: true })
  validTo: Date | null;

  @Column('text')
  source: string;
}
