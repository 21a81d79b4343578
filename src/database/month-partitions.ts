import type { EntityManager } from 'typeorm';

/** What a purge removed (or, on a dry run, would remove) from one table. */
export interface PurgeCount {
  rows: number;
  /** whole month partitions dropped, by name */
  partitionsDropped: string[];
}

export interface MonthPartition {
  name: string;
  /** first day of its month, YYYY-MM-DD */
  from: string;
  /** first day of the next month */
  to: string;
}

/** The first day of the months from `from`'s month, `count` of them, as YYYY-MM-DD (UTC). */
export function monthsFrom(from: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + i, 1)).toISOString().slice(0, 10),
  );
}

/**
 * Tables partitioned by month through migration 1767400000000: partitions are made by the
 * database function it created (which also moves a month's rows out of the default partition).
 * The table name is the owning repository's, never user input.
 */
export class MonthPartitions {
  constructor(private readonly table: string) {}

  /** Makes the partitions missing for the given months; returns the names made. */
  async ensure(m: EntityManager, months: string[]): Promise<string[]> {
    const made: string[] = [];
    for (const month of months) {
      const [{ ok }] = (await m.query(
        `SELECT month_partition_ensure($1::regclass, $2::date) AS ok`,
        [this.table, month],
      )) as { ok: boolean }[];
      if (ok) made.push(`${this.table}_p${month.slice(0, 7).replace('-', '_')}`);
    }
    return made;
  }

  /** The month partitions (not the default one), oldest first. */
  async list(m: EntityManager): Promise<MonthPartition[]> {
    const rows = (await m.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = $1::regclass ORDER BY 1`,
      [this.table],
    )) as { name: string }[];
    return rows.flatMap(({ name }) => {
      const match = /_p(\d{4})_(\d{2})$/.exec(name);
      if (!match) return [];
      const [from, to] = monthsFrom(new Date(Date.UTC(+match[1], +match[2] - 1, 1)), 2);
      return [{ name, from, to }];
    });
  }

  /**
   * Drops each month partition all of whose rows are expired (`expired` is an SQL condition on a
   * row, `$1` the cut-off), then deletes the expired rows left in the others. One transaction.
   */
  async purge(
    m: EntityManager,
    expired: string,
    cutoff: string,
    dryRun: boolean,
  ): Promise<PurgeCount> {
    return m.transaction(async (tx) => {
      const partitionsDropped: string[] = [];
      let rows = 0;
      for (const p of await this.list(tx)) {
        const [s] = (await tx.query(
          `SELECT count(*)::int AS total, count(*) FILTER (WHERE ${expired})::int AS expired
             FROM ${p.name}`,
          [cutoff],
        )) as { total: number; expired: number }[];
        if (s.total === 0 || s.expired < s.total) continue;
        partitionsDropped.push(p.name);
        rows += s.total;
        if (!dryRun) await tx.query(`DROP TABLE ${p.name}`);
      }
      // on a dry run the partitions above are still there: their rows are counted once
      const counted = (await tx.query(
        `SELECT count(*)::int AS n FROM ${this.table}
          WHERE ${expired} AND tableoid::regclass::text <> ALL($2::text[])`,
        [cutoff, partitionsDropped],
      )) as { n: number }[];
      rows += counted[0].n;
      if (!dryRun && counted[0].n > 0)
        await tx.query(`DELETE FROM ${this.table} WHERE ${expired}`, [cutoff]);
      return { rows, partitionsDropped };
    });
  }
}
