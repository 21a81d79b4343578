import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JobName } from '../../src/jobs/job-names';
import { SYSTEM_ACTOR } from '../../src/auth/role';
import { JobsService } from '../../src/jobs/jobs.service';
import { SurveysService } from '../../src/surveys/surveys.service';
import { runCli, runCliInProcess } from '../support/processes';
import { createTestApp, TestApp } from '../support/test-app';

const DAY = 86_400_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const monthName = (offset: number) => {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return `${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

// what the purge takes of the survey closed 200 days ago (RETENTION_SURVEY_DAYS=90)
const SURVEYS_GONE = { retentionDays: 90, surveys: 1, responses: 2, invitations: 2, drafts: 1 };

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
    t = await createTestApp({
      env: {
        RETENTION_EVIDENCE_DAYS: '30',
        RETENTION_AUDIT_DAYS: '60',
        RETENTION_SURVEY_DAYS: '90',
      },
    });
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
    // Surveys: one closed long ago (its answers, draft and invitation go), one closed recently and
    // one opened long ago and still open (both keep theirs).
    await q(
      `INSERT INTO survey (id, title, privacy_mode, status, source, created_by, created_at, closed_at)
       VALUES ('00000000-0000-4000-8000-00000000000a', 'old closed', 'identified', 'closed', 'form', 'x', $1, $2),
              ('00000000-0000-4000-8000-00000000000b', 'recently closed', 'identified', 'closed', 'form', 'x', $1, $3),
              ('00000000-0000-4000-8000-00000000000c', 'old open', 'identified', 'open', 'form', 'x', $1, NULL)`,
      [iso(400 * DAY), iso(200 * DAY), iso(10 * DAY)],
    );
    const people: { id: string }[] = await q(
      `INSERT INTO person (email, source) VALUES ('p1@x.example', 'test'), ('p2@x.example', 'test')
       RETURNING id`,
    );
    for (const survey of ['a', 'b', 'c']) {
      const id = `00000000-0000-4000-8000-00000000000${survey}`;
      await q(
        `INSERT INTO survey_invitation (survey_id, person_id, token_hash, expires_at)
         VALUES ($1, $2, $3, now()), ($1, $4, $5, now())`,
        [id, people[0].id, `tok-${survey}-1`, people[1].id, `tok-${survey}-2`],
      );
      await q(
        `INSERT INTO survey_response (survey_id, person_id, source, answers)
         VALUES ($1, $2, 'form', '{}'::jsonb)`,
        [id, people[0].id],
      );
      await q(
        `INSERT INTO survey_draft (token_hash, survey_id, answers, updated_on)
         VALUES ($1, $2, '{}'::jsonb, current_date)`,
        [`tok-${survey}-2`, id],
      );
    }
    await q(
      `INSERT INTO survey_response (survey_id, source, answers)
       VALUES ('00000000-0000-4000-8000-00000000000a', 'open-link', '{}'::jsonb)`,
    );
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
    // in this process: the PGlite case below runs purge as a real one
    const r = await runCliInProcess(['purge', '--dry-run', '--json'], t.env);
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
        surveys: { ...SURVEYS_GONE, rows: 5, partitionsDropped: [] },
      },
    });
    expect(Date.parse(result.kinds.surveys.cutoff)).toBeLessThan(Date.now() - 89 * DAY);
    await expect(count(`SELECT count(*) AS n FROM evidence`)).resolves.toBe(4);
    await expect(count(`SELECT count(*) AS n FROM survey_response`)).resolves.toBe(4);
    await expect(count(`SELECT count(*) AS n FROM survey_invitation`)).resolves.toBe(6);
    await expect(count(`SELECT count(*) AS n FROM survey_draft`)).resolves.toBe(3);
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
    expect(result.kinds.surveys).toMatchObject(SURVEYS_GONE);

    // the old closed survey keeps its definition and loses what people gave; the others keep all
    const left = async (table: string) =>
      (
        await t.dataSource.query(
          `SELECT s.title, count(x.survey_id)::int AS n FROM survey s
             LEFT JOIN ${table} x ON x.survey_id = s.id GROUP BY s.title ORDER BY s.title`,
        )
      ).map((r: { title: string; n: number }) => `${r.title}: ${r.n}`);
    await expect(left('survey_response')).resolves.toEqual([
      'old closed: 0',
      'old open: 1',
      'recently closed: 1',
    ]);
    await expect(left('survey_invitation')).resolves.toEqual([
      'old closed: 0',
      'old open: 2',
      'recently closed: 2',
    ]);
    await expect(left('survey_draft')).resolves.toEqual([
      'old closed: 0',
      'old open: 1',
      'recently closed: 1',
    ]);

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
    expect(audit.detail.surveys).toEqual({ surveys: 1, responses: 2, invitations: 2, drafts: 1 });

    const again = JSON.parse((await runCliInProcess(['purge', '--json'], t.env)).stdout);
    expect(
      again.kinds.evidence.rows +
        again.kinds.networkRollups.rows +
        again.kinds.audit.rows +
        again.kinds.surveys.rows,
    ).toBe(0);
    expect(again.kinds.surveys.surveys).toBe(0);
  });

  it('should date a survey’s close when it closes, and keep the first date when closed again', async () => {
    const surveys = t.app.get(SurveysService);
    const id = '00000000-0000-4000-8000-00000000000c';
    const closedAt = async (): Promise<Date | null> =>
      (await t.dataSource.query(`SELECT closed_at FROM survey WHERE id = $1`, [id]))[0].closed_at;
    await expect(closedAt()).resolves.toBeNull();
    const before = Date.now();
    await surveys.close(id, SYSTEM_ACTOR);
    const first = await closedAt();
    expect(first!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await surveys.close(id, SYSTEM_ACTOR);
    await expect(closedAt()).resolves.toEqual(first);
    // closed just now: within its period, so the purge keeps its answers
    const r = JSON.parse((await runCliInProcess(['purge', '--json'], t.env)).stdout);
    expect(r.kinds.surveys).toMatchObject({ surveys: 0, responses: 0 });
    await expect(
      count(`SELECT count(*) AS n FROM survey_response WHERE survey_id = '${id}'`),
    ).resolves.toBe(1);
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
        RETENTION_SURVEY_DAYS: '90',
        LOG_LEVEL: 'error',
      });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toMatchObject({
        dryRun: false,
        kinds: {
          evidence: { retentionDays: 30, rows: 0 },
          networkRollups: { retentionDays: 30, rows: 0 },
          audit: { retentionDays: null, rows: 0 },
          surveys: { retentionDays: 90, rows: 0, surveys: 0, responses: 0, invitations: 0 },
        },
      });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
