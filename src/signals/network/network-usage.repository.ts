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
  /** per action the URL paths showed (catalog action rules): requests and bytes sent up */
  actions: Record<string, { requests: number; bytesUp: number }>;
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
  async addDaily(
    unsorted: UsageRollup[],
    manager: EntityManager = this.repo.manager,
  ): Promise<void> {
    if (unsorted.length === 0) return;
    // Rows in key order: concurrent ingests (several workers) then lock shared rows in the same
    // order and cannot deadlock each other.
    const rows = [...unsorted].sort(
      (a, b) =>
        cmp(a.identityKind, b.identityKind) ||
        cmp(a.identityValue, b.identityValue) ||
        cmp(a.toolId, b.toolId) ||
        cmp(a.action ?? '', b.action ?? '') ||
        cmp(a.day, b.day),
    );
    const col = <T>(f: (r: UsageRollup) => T) => rows.map(f);
    await manager.query(
      `INSERT INTO network_usage_daily AS u
         (identity_kind, identity_value, tool_id, day, requests, bytes_up, bytes_down, blocked, first_seen, last_seen,
          action)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::bigint[], $6::bigint[],
                            $7::bigint[], $8::bigint[], $9::timestamptz[], $10::timestamptz[], $11::text[])
       ON CONFLICT (identity_kind, identity_value, tool_id, action, day) DO UPDATE SET
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
        col((r) => r.action ?? ''),
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
    const rows: Record<string, string | Date | IdentityToolTotals['actions']>[] =
      await this.repo.query(
        `SELECT u.identity_kind AS "identityKind", u.identity_value AS "identityValue", u.tool_id AS "toolId",
              SUM(u.requests) AS requests, SUM(u.bytes_up + u.bytes_down) AS bytes,
              COUNT(DISTINCT u.day) AS days,
              MIN(u.first_seen) AS "firstSeen", MAX(u.last_seen) AS "lastSeen",
              (SELECT coalesce(jsonb_object_agg(a.action, jsonb_build_object('requests', a.requests, 'bytesUp', a.bytes_up)), '{}')
                 FROM (SELECT action, SUM(requests) AS requests, SUM(bytes_up) AS bytes_up
                         FROM network_usage_daily x
                        WHERE x.identity_kind = u.identity_kind AND x.identity_value = u.identity_value
                          AND x.tool_id = u.tool_id AND x.action <> ''
                        GROUP BY action) a) AS actions
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
      firstSeen: new Date(r.firstSeen as string),
      lastSeen: new Date(r.lastSeen as string),
      actions: Object.fromEntries(
        Object.entries(r.actions as IdentityToolTotals['actions']).map(([a, v]) => [
          a,
          { requests: Number(v.requests), bytesUp: Number(v.bytesUp) },
        ]),
      ),
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

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
