import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { EndpointDeviceEntity } from './entities/endpoint-device.entity';
import type { EndpointReport } from './endpoints.types';

@Injectable()
export class EndpointDeviceRepository {
  constructor(
    @InjectRepository(EndpointDeviceEntity) private readonly repo: Repository<EndpointDeviceEntity>,
  ) {}

  findOne(deviceId: string): Promise<EndpointDeviceEntity | null> {
    return this.repo.findOneBy({ deviceId });
  }

  /** All devices, newest report first; `user` narrows to one owner (compared without case). */
  list(
    filter: { user?: string; limit?: number; offset?: number } = {},
  ): Promise<EndpointDeviceEntity[]> {
    const q = this.repo
      .createQueryBuilder('d')
      .orderBy('d.last_report_at', 'DESC')
      .addOrderBy('d.device_id', 'ASC');
    if (filter.user) q.where('lower(d.report_user) = lower(:user)', { user: filter.user });
    if (filter.limit !== undefined) q.take(filter.limit).skip(filter.offset ?? 0);
    return q.getMany();
  }

  /**
   * Stores a report unless the device's last one hashes the same. Returns false when nothing
   * changed, in one statement so two identical posts at once store one.
   */
  async saveReport(report: EndpointReport, hash: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.repo.query(
      `INSERT INTO endpoint_device (device_id, hostname, os, report_user, collector_version, report,
                                    report_hash, reports, first_report_at, last_report_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, 1, $8, $8)
       ON CONFLICT (device_id) DO UPDATE SET
         hostname = EXCLUDED.hostname, os = EXCLUDED.os, report_user = EXCLUDED.report_user,
         collector_version = EXCLUDED.collector_version, report = EXCLUDED.report,
         report_hash = EXCLUDED.report_hash, reports = endpoint_device.reports + 1,
         last_report_at = EXCLUDED.last_report_at
         WHERE endpoint_device.report_hash <> EXCLUDED.report_hash
       RETURNING device_id`,
      [
        report.device.id,
        report.device.hostname,
        report.device.os,
        report.user,
        report.collectorVersion,
        JSON.stringify(report),
        hash,
        at,
      ],
    );
    return rows.length > 0;
  }

  async deleteMany(deviceIds: string[]): Promise<number> {
    if (deviceIds.length === 0) return 0;
    const r = await this.repo.delete({ deviceId: In(deviceIds) });
    return r.affected ?? 0;
  }
}
