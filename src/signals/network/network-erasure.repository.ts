import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ERASED_MARK } from '../../common/identifier-redaction';

/** The network tables as an erasure changes them, in one transaction. */
@Injectable()
export class NetworkErasureRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The person's daily roll-ups go: by their user names and e-mails (in any written form the
   * pattern matches), by their person id (lines attributed through a lease), and by their leased
   * addresses on the days of the lease. What each ingested file recorded is scrubbed.
   */
  async erase(
    personId: string,
    leases: { ip: string; from: Date; to: Date | null }[],
    pattern: string | null,
  ): Promise<Record<string, number>> {
    return this.ds.transaction(async (m) => {
      const n = (r: unknown) => (r as [unknown, number])[1];
      let rollups = n(
        await m.query(
          `DELETE FROM network_usage_daily WHERE identity_kind = 'person' AND identity_value = $1`,
          [personId],
        ),
      );
      if (pattern)
        rollups += n(
          await m.query(
            `DELETE FROM network_usage_daily
              WHERE identity_kind IN ('username', 'email') AND identity_value ~* $1`,
            [pattern],
          ),
        );
      if (leases.length > 0)
        rollups += n(
          await m.query(
            `DELETE FROM network_usage_daily u
              USING unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS l(ip, valid_from, valid_to)
              WHERE u.identity_kind = 'ip' AND u.identity_value = l.ip
                AND u.day >= (l.valid_from AT TIME ZONE 'UTC')::date
                AND (l.valid_to IS NULL OR u.day <= (l.valid_to AT TIME ZONE 'UTC')::date)`,
            [
              leases.map((l) => l.ip),
              leases.map((l) => l.from.toISOString()),
              leases.map((l) => l.to?.toISOString() ?? null),
            ],
          ),
        );
      const ingests = pattern
        ? n(
            await m.query(
              `UPDATE log_ingest SET
                 tools = regexp_replace(tools::text, $1, $2, 'gi')::jsonb,
                 malformed_sample = regexp_replace(malformed_sample::text, $1, $2, 'gi')::jsonb,
                 options = regexp_replace(options::text, $1, $2, 'gi')::jsonb,
                 error = regexp_replace(error, $1, $2, 'gi')
               WHERE tools::text ~* $1 OR malformed_sample::text ~* $1 OR options::text ~* $1
                  OR error ~* $1`,
              [pattern, ERASED_MARK],
            ),
          )
        : 0;
      return { networkRollups: rollups, logIngestsScrubbed: ingests };
    });
  }
}
