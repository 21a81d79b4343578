import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ConnectorEntity } from './entities/connector.entity';
import { VendorSeatEntity } from './entities/vendor-seat.entity';
import type { VendorSeat } from './connector.types';

@Injectable()
export class VendorsRepository {
  constructor(
    @InjectRepository(ConnectorEntity) private readonly connectors: Repository<ConnectorEntity>,
    @InjectRepository(VendorSeatEntity) private readonly seats: Repository<VendorSeatEntity>,
  ) {}

  async connector(id: string): Promise<ConnectorEntity | null> {
    return this.connectors
      .createQueryBuilder('c')
      .addSelect('c.sealedCredential')
      .where('c.connector_id = :id', { id })
      .getOne();
  }

  all(): Promise<ConnectorEntity[]> {
    return this.connectors.find({ order: { connectorId: 'ASC' } });
  }

  async save(id: string, patch: Partial<Omit<ConnectorEntity, 'connectorId'>>): Promise<void> {
    const row = { connectorId: id, ...patch, updatedAt: new Date() };
    // a jsonb cursor is a plain object: TypeORM's deep-partial type does not see that
    await this.connectors.upsert(row as QueryDeepPartialEntity<ConnectorEntity>, ['connectorId']);
  }

  /** Every stored sealed credential, for a key rotation. */
  async sealed(): Promise<{ connectorId: string; sealed: string; keyId: string }[]> {
    return this.connectors.query(
      `SELECT connector_id AS "connectorId", sealed_credential AS sealed, credential_key_id AS "keyId"
         FROM connector WHERE sealed_credential IS NOT NULL`,
    );
  }

  /**
   * Claims the connectors whose schedule is due, so that of several processes exactly one
   * queues each run: the claim moves last_run_at forward in the same statement.
   */
  async claimDue(now: Date): Promise<string[]> {
    const rows = (await this.connectors.query(
      `UPDATE connector SET last_run_at = $1
        WHERE every_minutes IS NOT NULL
          AND (last_run_at IS NULL OR last_run_at <= $1::timestamptz - every_minutes * interval '1 minute')
        RETURNING connector_id AS id`,
      [now.toISOString()],
    )) as [{ id: string }[], number] | { id: string }[];
    const list = Array.isArray(rows[0])
      ? (rows[0] as { id: string }[])
      : (rows as { id: string }[]);
    return list.map((r) => r.id);
  }

  /** Stores the seats listed; with a complete list, a holder no longer listed has lost the seat. */
  async upsertSeats(
    connectorId: string,
    seats: VendorSeat[],
    now: Date,
    complete: boolean,
  ): Promise<void> {
    if (seats.length > 0) {
      await this.seats.query(
        `INSERT INTO vendor_seat AS s (connector_id, tool_id, email, status, first_seen, last_seen, last_active_day)
         SELECT $1, t, e, st, $5, $5, la::date FROM unnest($2::text[], $3::text[], $4::text[], $6::text[]) AS u(t, e, st, la)
         ON CONFLICT (connector_id, tool_id, email) DO UPDATE SET
           status = excluded.status, last_seen = excluded.last_seen,
           last_active_day = GREATEST(s.last_active_day, excluded.last_active_day)`,
        [
          connectorId,
          seats.map((s) => s.toolId),
          seats.map((s) => s.email),
          seats.map((s) => s.status),
          now.toISOString(),
          seats.map((s) => s.lastActiveDay),
        ],
      );
    }
    if (complete) {
      await this.seats.query(
        `UPDATE vendor_seat SET status = 'removed'
          WHERE connector_id = $1 AND last_seen < $2 AND status <> 'removed'`,
        [connectorId, now.toISOString()],
      );
    }
  }

  async markActive(connectorId: string, days: { toolId: string; email: string; day: string }[]) {
    if (days.length === 0) return;
    await this.seats.query(
      `UPDATE vendor_seat s SET last_active_day = GREATEST(s.last_active_day, u.d::date)
         FROM unnest($2::text[], $3::text[], $4::text[]) AS u(t, e, d)
        WHERE s.connector_id = $1 AND s.tool_id = u.t AND s.email = u.e`,
      [connectorId, days.map((d) => d.toolId), days.map((d) => d.email), days.map((d) => d.day)],
    );
  }

  /** Current seats (not removed), with the last day of recorded use. */
  activeSeats(connectorId?: string): Promise<VendorSeatEntity[]> {
    const q = this.seats
      .createQueryBuilder('s')
      .where(`s.status <> 'removed'`)
      .orderBy('s.tool_id')
      .addOrderBy('s.email');
    if (connectorId) q.andWhere('s.connector_id = :connectorId', { connectorId });
    return q.getMany();
  }
}
