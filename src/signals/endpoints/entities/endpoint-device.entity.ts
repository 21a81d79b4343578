import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EndpointReport } from '../endpoints.types';

/** One device that runs the endpoint collector, with the last report it sent as received. */
@Entity('endpoint_device')
export class EndpointDeviceEntity {
  /** the collector's random device id (kept in its state file) */
  @PrimaryColumn('uuid', { name: 'device_id' })
  deviceId: string;

  @Column('text')
  hostname: string;

  @Column('text')
  os: string;

  /** the device owner as the report names them: an e-mail or an OS user name */
  @Column('text', { name: 'report_user' })
  user: string;

  @Column('text', { name: 'collector_version' })
  collectorVersion: string;

  @Column('jsonb')
  report: EndpointReport;

  @Column('text', { name: 'report_hash' })
  reportHash: string;

  @Column('integer')
  reports: number;

  @Column('timestamptz', { name: 'first_report_at' })
  firstReportAt: Date;

  @Column('timestamptz', { name: 'last_report_at' })
  lastReportAt: Date;
}
