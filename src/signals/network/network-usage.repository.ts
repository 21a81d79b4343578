import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { NetworkUsageDailyEntity } from './entities/network-usage-daily.entity';
import type { UsageRollup } from './ingest/usage-rollup';
import type { NetworkIdentityKind } from './network.types';
import { MonthPartitions, type PurgeCount } from '../../database/month-partitions';

export interface UsageFilter {
  from?: string;
  to?: string;
  toolId?: string;
  identityValue?: string;
  limit: number;
  offset: number;
}

export interface ToolUsageTotals {
  toolId: string;
  requests: number;
  bytesUp: number;
  bytesDown: number;
  blocked: number;
  identities: number;
  days: number;
}

export interface IdentityToolTotals {
  identityKind: NetworkIdentityKind;
  identityValue: string;
  toolId: string;
  requests: number;
  bytes: number;
  /** distinct days with traffic */
  days: number;
  firstSeen: Date;
  lastSeen: Date;
}

const PARTITIONS = new MonthPartitions('network_usage_daily');

@Injectable()
export class NetworkUsageRepository {
  constructor(
    @InjectRepository(NetworkUsageDailyEntity)
    private readonly repo: Repository<NetworkUsageDailyEntity>,
  ) {}

  /**
   * Each identity with the span it was seen over; an address per day, since who held it may
   * change from one day to the next.
   */
  identitySpans(): Promise<
    { kind: string; value: string; day: string | null; from: Date; to: Date }[]
  > {
    return this.repo.query(
      `SELECT identity_kind AS kind, identity_value AS value,
              CASE WHEN identity_kind = 'ip' THEN to_char(day, 'YYYY-MM-DD') END AS day,
              min(first_seen) AS "from", max(last_seen) AS "to"
         FROM network_usage_daily GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
  }

  /** The roll-ups under the person's id, or under the identities given (an address on its day only). */
  dailyOf(
    personId: string,
    identities: { kind: string; value: string; day: string | null }[],
  ): Promise<NetworkUsageDailyEntity[]> {
    return this.repo
      .createQueryBuilder('u')
      .where(`u.identity_kind = 'person' AND u.identity_value = :personId`, { personId })
      .orWhere(
        `EXISTS (SELECT 1 FROM unnest(CAST(:kinds AS text[]), CAST(:values AS text[]), CAST(:days AS date[])) AS m(k, v, d)
                  WHERE u.identity_kind = m.k AND u.identity_value = m.v AND (m.d IS NULL OR u.day = m.d))`,
        {
          kinds: identities.map((i) => i.kind),
          values: identities.map((i) => i.value),
          days: identities.map((i) => i.day),
        },
      )
      .orderBy('u.day', 'ASC')
      .addOrderBy('u.tool_id', 'ASC')
      .getMany();
  }

  /** One set-based statement: roll-up deltas are added to what the day already holds. */
  async addDaily(rows: UsageRollup[], manager: EntityManager = this.repo.manager): Promise<void> {
    if (rows.length === 0) return;
    const col = <T>(f: (r: UsageRollup) => T) => rows.map(f);
    await manager.query(
      `INSERT INTO network_usage_daily AS u
         (identity_kind, identity_value, tool_id, day, requests, bytes_up, bytes_down, blocked, first_seen, last_seen)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::bigint[], $6::bigint[],
                            $7::bigint[], $8::bigint[], $9::timestamptz[], $10::timestamptz[])
       ON CONFLICT (identity_kind, identity_value, tool_id, day) DO UPDATE SET
         requests = u.requests + excluded.requests,
         bytes_up = u.bytes_up + excluded.bytes_up,
         bytes_down = u.bytes_down + excluded.bytes_down,
         blocked = u.blocked + excluded.blocked,
         first_seen = LEAST(u.first_seen, excluded.first_seen),
         last_seen = GREATEST(u.last_seen, excluded.last_seen),
         updated_at = now()`,
      [
        col((r) => r.identityKind),
        col((r) => r.identityValue),
        col((r) => r.toolId),
        col((r) => r.day),
        col((r) => r.requests),
        col((r) => r.bytesUp),
        col((r) => r.bytesDown),
        col((r) => r.blocked),
        col((r) => new Date(r.firstSeen).toISOString()),
        col((r) => new Date(r.lastSeen).toISOString()),
      ],
    );
  }

  /** Person-level daily rows. */
  findDaily(filter: UsageFilter): Promise<NetworkUsageDailyEntity[]> {
    const q = this.repo
      .createQueryBuilder('u')
      .orderBy('u.day', 'DESC')
      .addOrderBy('u.tool_id')
      .addOrderBy('u.identity_value')
      .limit(filter.limit)
      .offset(filter.offset);
    this.where(q, filter);
    return q.getMany();
  }

  /** Tool-level aggregates: no identity leaves this query, only how many there were. */
  async toolTotals(
    filter: Omit<UsageFilter, 'identityValue' | 'limit' | 'offset'>,
  ): Promise<ToolUsageTotals[]> {
    const q = this.repo
      .createQueryBuilder('u')
      .select('u.tool_id', 'toolId')
      .addSelect('SUM(u.requests)', 'requests')
      .addSelect('SUM(u.bytes_up)', 'bytesUp')
      .addSelect('SUM(u.bytes_down)', 'bytesDown')
      .addSelect('SUM(u.blocked)', 'blocked')
      .addSelect('COUNT(DISTINCT (u.identity_kind, u.identity_value))', 'identities')
      .addSelect('COUNT(DISTINCT u.day)', 'days')
      .groupBy('u.tool_id')
      .orderBy('u.tool_id');
    this.where(q, { ...filter, limit: 0, offset: 0 });
    const rows: Record<string, string>[] = await q.getRawMany();
    return rows.map((r) => ({
      toolId: r.toolId,
      requests: Number(r.requests),
      bytesUp: Number(r.bytesUp),
      bytesDown: Number(r.bytesDown),
      blocked: Number(r.blocked),
      identities: Number(r.identities),
      days: Number(r.days),
    }));
  }

  /** All-time totals of the given (identity, tool) pairs, for the evidence summary rows. */
  async totalsFor(
    pairs: { identityKind: string; identityValue: string; toolId: string }[],
  ): Promise<IdentityToolTotals[]> {
    if (pairs.length === 0) return [];
    const rows: Record<string, string | Date>[] = await this.repo.query(
      `SELECT u.identity_kind AS "identityKind", u.identity_value AS "identityValue", u.tool_id AS "toolId",
              SUM(u.requests) AS requests, SUM(u.bytes_up + u.bytes_down) AS bytes,
              COUNT(DISTINCT u.day) AS days,
              MIN(u.first_seen) AS "firstSeen", MAX(u.last_seen) AS "lastSeen"
         FROM network_usage_daily u
         JOIN unnest($1::text[], $2::text[], $3::text[]) AS p(kind, value, tool)
           ON u.identity_kind = p.kind AND u.identity_value = p.value AND u.tool_id = p.tool
        GROUP BY 1, 2, 3`,
      [
        pairs.map((p) => p.identityKind),
        pairs.map((p) => p.identityValue),
        pairs.map((p) => p.toolId),
      ],
    );
    return rows.map((r) => ({
      identityKind: r.identityKind as NetworkIdentityKind,
      identityValue: String(r.identityValue),
      toolId: String(r.toolId),
      requests: Number(r.requests),
      bytes: Number(r.bytes),
      days: Number(r.days),
      firstSeen: new Date(r.firstSeen),
      lastSeen: new Date(r.lastSeen),
    }));
  }

  private where(
    q: ReturnType<Repository<NetworkUsageDailyEntity>['createQueryBuilder']>,
    filter: UsageFilter,
  ): void {
    if (filter.from) q.andWhere('u.day >= :from', { from: filter.from });
    if (filter.to) q.andWhere('u.day <= :to', { to: filter.to });
    if (filter.toolId) q.andWhere('u.tool_id = :toolId', { toolId: filter.toolId });
    if (filter.identityValue)
      q.andWhere('u.identity_value = :identity', { identity: filter.identityValue.toLowerCase() });
  }

  /** Retention: the months' partitions, made ahead of the days that will fall in them. */
  ensurePartitions(months: string[]): Promise<string[]> {
    return PARTITIONS.ensure(this.repo.manager, months);
  }

  /** Retention: roll-ups of days before the cut-off day, whole month partitions where possible. */
  purgeDaysBefore(cutoff: Date, dryRun: boolean): Promise<PurgeCount> {
    return PARTITIONS.purge(
      this.repo.manager,
      'day < $1::date',
      cutoff.toISOString().slice(0, 10),
      dryRun,
    );
  }
}
