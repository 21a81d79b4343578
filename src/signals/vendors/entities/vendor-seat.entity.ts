import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A seat of the organisation's tenant as the vendor lists it (metadata only). */
@Entity('vendor_seat')
export class VendorSeatEntity {
  @PrimaryColumn('text', { name: 'connector_id' })
  connectorId: string;

  @PrimaryColumn('text', { name: 'tool_id' })
  toolId: string;

  @PrimaryColumn('text')
  email: string;

  @Column('text')
  status: string;

  @Column('timestamptz', { name: 'first_seen' })
  firstSeen: Date;

  /** the last run that listed the seat */
  @Column('timestamptz', { name: 'last_seen' })
  lastSeen: Date;

  /** the last day the vendor recorded use by the holder */
  @Column('date', { name: 'last_active_day', nullable: true })
  lastActiveDay: string | null;
}
