import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import { PartitionByMonth1767400000000 } from '../../migrations/1767400000000-PartitionByMonth';
import { pgUrlFor, TEST_PG_ADMIN_URL } from '../support/test-env';

/** A database migrated up to, but not including, the partitioning, with rows in both tables. */
async function databaseBefore(name: string): Promise<DataSource> {
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const before = ALL_MIGRATIONS.filter((m) => m !== PartitionByMonth1767400000000);
  const ds = new DataSource({
    type: 'postgres',
    url: pgUrlFor(name),
    migrations: before,
    migrationsTableName: 'schema_migrations',
  });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}

const partitions = (ds: DataSource, table: string): Promise<{ name: string }[]> =>
  ds.query(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = $1::regclass ORDER BY 1`,
    [table],
  );

describe(PartitionByMonth1767400000000.name, () => {
  const name = `aic_t_part_${process.pid}_${Date.now() % 100000}`;
  let ds: DataSource;
  const sut = new PartitionByMonth1767400000000();
  const run = async (step: 'up' | 'down') => {
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    try {
      await sut[step](runner);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  };

  beforeAll(async () => {
    ds = await databaseBefore(name);
    await ds.query(
      `INSERT INTO network_usage_daily (identity_kind, identity_value, tool_id, day, requests, first_seen, last_seen)
       VALUES ('email', 'a@x.example', 'chatgpt', '2025-03-04', 5, '2025-03-04T08:00Z', '2025-03-04T09:00Z'),
              ('person', 'p1', 'claude', '2025-05-31', 2, '2025-05-31T08:00Z', '2025-05-31T09:00Z')`,
    );
    await ds.query(
      `INSERT INTO evidence (fingerprint, tool_id, signal, repository, first_seen, last_seen, created_at)
       VALUES ('fp-old', 'cursor', 'config-file', 'acme/a', '2020-01-01Z', '2025-01-01Z', '2025-02-10T00:00Z'),
              ('fp-new', 'aider', 'dependency', 'acme/b', '2025-04-01Z', '2025-04-02Z', '2025-04-30T23:59Z')`,
    );
  }, 120_000);

  afterAll(async () => {
    await ds.destroy();
    const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('should move every row into its month and keep ids going', async () => {
    await run('up');
    const now = new Date();
    const month = (offset: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
      return `${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    const ahead = [0, 1, 2].map(month);
    expect((await partitions(ds, 'network_usage_daily')).map((p) => p.name)).toEqual(
      [
        'network_usage_daily_default',
        'network_usage_daily_p2025_03',
        'network_usage_daily_p2025_05',
        ...ahead.map((m) => `network_usage_daily_p${m}`),
      ].sort(),
    );
    expect((await partitions(ds, 'evidence')).map((p) => p.name)).toEqual(
      [
        'evidence_default',
        'evidence_p2025_02',
        'evidence_p2025_04',
        ...ahead.map((m) => `evidence_p${m}`),
      ].sort(),
    );
    await expect(
      ds.query(`SELECT tableoid::regclass::text AS part, fingerprint FROM evidence ORDER BY id`),
    ).resolves.toEqual([
      { part: 'evidence_p2025_02', fingerprint: 'fp-old' },
      { part: 'evidence_p2025_04', fingerprint: 'fp-new' },
    ]);
    await expect(
      ds.query(
        `SELECT tableoid::regclass::text AS part, requests FROM network_usage_daily ORDER BY id`,
      ),
    ).resolves.toEqual([
      { part: 'network_usage_daily_p2025_03', requests: '5' },
      { part: 'network_usage_daily_p2025_05', requests: '2' },
    ]);
    const [{ id }] = await ds.query(
      `INSERT INTO evidence (fingerprint, tool_id, signal, first_seen, last_seen)
       VALUES ('fp-3', 'aider', 'dependency', now(), now()) RETURNING id`,
    );
    expect(Number(id)).toBe(3);
  });

  it('should keep the unique keys the upserts name in ON CONFLICT', async () => {
    await ds.query(
      `INSERT INTO network_usage_daily (identity_kind, identity_value, tool_id, day, requests, first_seen, last_seen)
       VALUES ('email', 'a@x.example', 'chatgpt', '2025-03-04', 1, now(), now())
       ON CONFLICT (identity_kind, identity_value, tool_id, day) DO UPDATE SET requests = network_usage_daily.requests + excluded.requests`,
    );
    const [{ requests }] = await ds.query(
      `SELECT requests FROM network_usage_daily WHERE day = '2025-03-04'`,
    );
    expect(requests).toBe('6');
    await expect(
      ds.query(
        `INSERT INTO evidence (fingerprint, tool_id, signal, first_seen, last_seen, created_at)
         VALUES ('fp-old', 'cursor', 'config-file', now(), now(), '2025-02-10T00:00Z')`,
      ),
    ).rejects.toThrow(/evidence_p2025_02_fingerprint_created_at_key|duplicate key/);
    await expect(
      ds.query(
        `INSERT INTO network_usage_daily (identity_kind, identity_value, tool_id, day, first_seen, last_seen)
         VALUES ('robot', 'r', 'chatgpt', '2025-03-04', now(), now())`,
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('should make a month partition later, taking its rows out of the default', async () => {
    await ds.query(
      `INSERT INTO network_usage_daily (identity_kind, identity_value, tool_id, day, first_seen, last_seen)
       VALUES ('ip', '10.0.0.1', 'chatgpt', '2019-07-15', now(), now())`,
    );
    await expect(
      ds.query(`SELECT count(*)::int AS n FROM network_usage_daily_default`),
    ).resolves.toEqual([{ n: 1 }]);
    await expect(
      ds.query(`SELECT month_partition_ensure('network_usage_daily', '2019-07-01') AS made`),
    ).resolves.toEqual([{ made: true }]);
    await expect(
      ds.query(`SELECT month_partition_ensure('network_usage_daily', '2019-07-20') AS made`),
    ).resolves.toEqual([{ made: false }]);
    await expect(
      ds.query(
        `SELECT tableoid::regclass::text AS part FROM network_usage_daily WHERE day = '2019-07-15'`,
      ),
    ).resolves.toEqual([{ part: 'network_usage_daily_p2019_07' }]);
  });

  it('should go back down to plain tables with every row, and up again', async () => {
    await run('down');
    await expect(partitions(ds, 'evidence')).resolves.toEqual([]);
    await expect(ds.query(`SELECT count(*)::int AS n FROM evidence`)).resolves.toEqual([{ n: 3 }]);
    await expect(ds.query(`SELECT count(*)::int AS n FROM network_usage_daily`)).resolves.toEqual([
      { n: 3 },
    ]);
    await run('up');
    await expect(ds.query(`SELECT count(*)::int AS n FROM evidence`)).resolves.toEqual([{ n: 3 }]);
    expect((await partitions(ds, 'network_usage_daily')).map((p) => p.name)).toContain(
      'network_usage_daily_p2019_07',
    );
  });
});
