import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JobName } from '../../src/jobs/job-names';
import { JobsService } from '../../src/jobs/jobs.service';
import { runCli, runCliInProcess } from '../support/processes';
import { createTestApp, TestApp } from '../support/test-app';

const DAY = 86_400_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const monthName = (offset: number) => {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return `${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

// CLI runs start a whole process each; on a loaded machine that takes a while.
jest.setTimeout(240_000);

describe('retention purge on PostgreSQL', () => {
  let t: TestApp;
  const count = async (sql: string): Promise<number> =>
    Number((await t.dataSource.query(sql))[0].n);
  const partitions = async (table: string): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = $1::regclass ORDER BY 1`,
        [table],
      )
    ).map((r: { name: string }) => r.name);

  beforeAll(async () => {
    t = await createTestApp({ env: { RETENTION_EVIDENCE_DAYS: '30', RETENTION_AUDIT_DAYS: '60' } });
    const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
    // Roll-ups: a month long gone (a whole partition), an old day in the default partition, today.
    await q(
      `INSERT INTO network_usage_daily (identity_kind, identity_value, tool_id, day, requests, first_seen, last_seen)
       VALUES ('email', 'a@x.example', 'chatgpt', '2024-01-10', 3, now(), now()),
              ('email', 'b@x.example', 'chatgpt', '2024-01-20', 4, now(), now()),
              ('email', 'c@x.example', 'claude', '2023-06-01', 1, now(), now()),
              ('email', 'd@x.example', 'claude', current_date, 9, now(), now())`,
    );
    await q(`SELECT month_partition_ensure('network_usage_daily', '2024-01-01')`);
    // Evidence: a month recorded long ago and never seen since (a whole partition), and in this
    // month's partition one trace last seen long ago beside one seen yesterday.
    await q(
      `INSERT INTO evidence (fingerprint, tool_id, signal, repository, first_seen, last_seen, created_at)
       VALUES ('e-old-1', 'cursor', 'config-file', 'acme/a', '2024-01-01Z', '2024-02-01Z', '2024-02-03Z'),
              ('e-old-2', 'aider', 'dependency', 'acme/a', '2024-01-01Z', '2024-02-05Z', '2024-02-04Z'),
              ('e-stale', 'aider', 'dependency', 'acme/b', $1, $1, now()),
              ('e-fresh', 'cursor', 'config-file', 'acme/b', $2, $2, now())`,
      [iso(200 * DAY), iso(DAY)],
    );
    await q(`SELECT month_partition_ensure('evidence', '2024-02-01')`);
    await q(
      `INSERT INTO audit_event (at, actor_name, action, target_type)
       VALUES ($1, 'x', 'old.thing', 'test'), ($1, 'x', 'old.thing', 'test'), (now(), 'x', 'new.thing', 'test')`,
      [iso(90 * DAY)],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('should count on a dry run and remove nothing', async () => {
    const r = runCli(['purge', '--dry-run', '--json'], t.env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({
      dryRun: true,
      kinds: {
        evidence: { retentionDays: 30, rows: 3, partitionsDropped: ['evidence_p2024_02'] },
        networkRollups: {
          retentionDays: 30,
          rows: 3,
          partitionsDropped: ['network_usage_daily_p2024_01'],
        },
        audit: { retentionDays: 60, rows: 2, partitionsDropped: [] },
      },
    });
    await expect(count(`SELECT count(*) AS n FROM evidence`)).resolves.toBe(4);
    expect(await partitions('evidence')).toContain('evidence_p2024_02');
  });

  it('should drop whole expired months, delete expired rows elsewhere, and report it as a job', async () => {
    // the dry run above was a real process; the same entry in this process from here
    const r = await runCliInProcess(['purge', '--json'], t.env);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.kinds.evidence).toMatchObject({
      rows: 3,
      partitionsDropped: ['evidence_p2024_02'],
    });
    expect(result.kinds.networkRollups).toMatchObject({ rows: 3 });
    expect(result.kinds.audit.rows).toBe(2);

    await expect(t.dataSource.query(`SELECT fingerprint FROM evidence`)).resolves.toEqual([
      { fingerprint: 'e-fresh' },
    ]);
    await expect(
      t.dataSource.query(`SELECT identity_value AS v FROM network_usage_daily`),
    ).resolves.toEqual([{ v: 'd@x.example' }]);
    expect(await partitions('evidence')).not.toContain('evidence_p2024_02');
    expect(await partitions('network_usage_daily')).not.toContain('network_usage_daily_p2024_01');
    expect(await partitions('evidence')).toContain(`evidence_p${monthName(0)}`);
    await expect(
      count(`SELECT count(*) AS n FROM audit_event WHERE action = 'old.thing'`),
    ).resolves.toBe(0);

    const [job] = await t.dataSource.query(
      `SELECT state, progress, result FROM job WHERE name = 'privacy.purge' AND result->>'dryRun' = 'false'`,
    );
    expect(job).toMatchObject({ state: 'completed', progress: 100 });
    expect(job.result.kinds.audit.rows).toBe(2);
    const [audit] = await t.dataSource.query(
      `SELECT actor_name, detail FROM audit_event WHERE action = 'retention.purge'`,
    );
    expect(audit.actor_name).toMatch(/^cli:/);
    expect(audit.detail.evidence).toEqual({ rows: 3, partitions: 1 });

    const again = JSON.parse((await runCliInProcess(['purge', '--json'], t.env)).stdout);
    expect(
      again.kinds.evidence.rows + again.kinds.networkRollups.rows + again.kinds.audit.rows,
    ).toBe(0);
  });

  it('should make the months ahead as a job', async () => {
    const made = await t.app
      .get(JobsService)
      .run<{ made: Record<string, string[]> }>(JobName.MaintainPartitions, {});
    expect(made.made.evidence).toEqual([`evidence_p${monthName(3)}`]);
    expect(await partitions('network_usage_daily')).toContain(
      `network_usage_daily_p${monthName(3)}`,
    );
    const twice = await t.app
      .get(JobsService)
      .run<{ made: Record<string, string[]> }>(JobName.MaintainPartitions, {});
    expect(twice.made).toEqual({ evidence: [], networkRollups: [] });
  });
});

describe('retention purge on the embedded default', () => {
  it('should run on PGlite, partitions and all', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-purge-'));
    try {
      const r = runCli(['purge', '--json'], {
        AI_CENSUS_DATA_DIR: dataDir,
        RETENTION_EVIDENCE_DAYS: '30',
        LOG_LEVEL: 'error',
      });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toMatchObject({
        dryRun: false,
        kinds: {
          evidence: { retentionDays: 30, rows: 0 },
          networkRollups: { retentionDays: 30, rows: 0 },
          audit: { retentionDays: null, rows: 0 },
        },
      });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
