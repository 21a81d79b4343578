import {
  connectorCursor,
  connectorTestApp,
  dayAgo,
  runSync,
  type SyncJson,
  storeCredential,
} from '../../support/connector-e2e';
import { FakeGitHubCopilot } from '../../support/fake-github-copilot';
import { runCliInProcess } from '../../support/processes';
import { bearer, type TestApp, waitForJob } from '../../support/test-app';
import type { BaselineModel } from '../../../src/reports/model/report.types';

const TOKEN = 'ghp_standin0123456789abcdefghijklmnopqr';

// The GitHub Copilot connector end to end against a stand-in of the REST API: seats over two
// pages by login, the per-user usage-metrics reports fetched through their download links (never
// sending the token there), the cursor at the last complete day, refusals named, and the CLI.
describe('GitHub Copilot connector', () => {
  let t: TestApp;
  let fake: FakeGitHubCopilot;
  let url: string;

  beforeAll(async () => {
    fake = new FakeGitHubCopilot(TOKEN, 'acme');
    fake.seats = [
      { login: 'ann-gh', lastActivityAt: `${dayAgo(1)}T15:02:11Z`, editor: 'vscode/1.95.0' },
      { login: 'Bo-GH', lastActivityAt: null },
      { login: 'cy-gh', lastActivityAt: `${dayAgo(60)}T08:00:00Z`, pendingCancellation: true },
    ];
    fake.userDays = [
      { day: dayAgo(2), login: 'ann-gh', interactions: 5, acceptances: 3 },
      { day: dayAgo(2), login: 'bo-gh', interactions: 0, acceptances: 4 },
      { day: dayAgo(2), login: 'zed-gh', interactions: 1, acceptances: 0 },
      { day: dayAgo(5), login: 'ann-gh', interactions: 2, acceptances: 0 },
      // older than a first run reads
      { day: dayAgo(40), login: 'cy-gh', interactions: 9, acceptances: 9 },
    ];
    // the organization report: the last 14 days, 6 to 12 people active each day
    fake.orgDays = Array.from({ length: 14 }, (_, i) => ({
      day: dayAgo(i + 1),
      dailyActive: 6 + (i % 7),
      weeklyActive: 12,
      interactions: 30,
      generations: 100,
      acceptances: 25,
    }));
    url = await fake.start();
    t = await connectorTestApp(
      'email,name,team,github\nann@acme.example,Ann,Platform,ann-gh\nbo@acme.example,Bo,Platform,bo-gh\ncy@acme.example,Cy,Web,cy-gh\n',
      // the organisation comes from validated configuration, as a deployment sets it
      { GITHUB_ORG: 'acme' },
    );
    await storeCredential(t, 'github-copilot', TOKEN, url);
  });

  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('should read every seat page and each day report through its download links', async () => {
    fake.rateLimitNext = 1;
    fake.requests.length = 0;
    const job = await runSync(t, 'github-copilot');
    expect(job.error).toBeNull();
    expect(job.state).toBe('completed');
    expect(job.result).toEqual({
      connector: 'github-copilot',
      // seats: 429 then two pages; the 28-day organization report and its file; 28 users day
      // reports; two files for each of the two days with use
      requests: 37,
      evidence: { seat: 3, 'vendor-usage': 4 },
      people: { resolved: 3, unresolved: 1 },
      tools: { 'github-copilot': { seats: 3, activeUsers: 3 } },
      orgMetricsDays: 14,
    });
    expect(
      fake.requests.filter((r) => r.path.includes('/organization-')).map((r) => r.path),
    ).toEqual(['/orgs/acme/copilot/metrics/reports/organization-28-day/latest']);
    // the files come from the download host, by their signed links, never with the token
    const downloads = fake.downloads.requests;
    expect(downloads).toHaveLength(5);
    expect(fake.requests.some((r) => r.path.includes('copilot-reports'))).toBe(false);
    for (const d of downloads) {
      expect(d.headers.authorization).toBeUndefined();
      expect(d.query.get('sig')).toBeTruthy();
    }
    expect(JSON.stringify(downloads.map((d) => d.headers))).not.toContain(TOKEN);
    const org = (await t.dataSource.query(
      `SELECT org, to_char(day, 'YYYY-MM-DD') AS day, daily_active_users, weekly_active_users,
              monthly_active_chat_users, code_generation_activity_count::int AS generations,
              code_acceptance_activity_count::int AS acceptances
         FROM copilot_org_daily_metrics ORDER BY day DESC`,
    )) as Record<string, unknown>[];
    expect(org).toHaveLength(14);
    expect(org[0]).toEqual({
      org: 'acme',
      day: dayAgo(1),
      daily_active_users: 6,
      weekly_active_users: 12,
      monthly_active_chat_users: 6,
      generations: 100,
      acceptances: 25,
    });
    const usage = (await t.dataSource.query(
      `SELECT identity_kind, identity_value, count::int AS count
         FROM evidence WHERE signal = 'vendor-usage' ORDER BY first_seen, identity_value`,
    )) as { identity_kind: string; identity_value: string; count: number }[];
    expect(usage).toEqual([
      { identity_kind: 'github', identity_value: 'ann-gh', count: 2 },
      { identity_kind: 'github', identity_value: 'ann-gh', count: 8 },
      { identity_kind: 'github', identity_value: 'bo-gh', count: 4 },
      { identity_kind: 'github', identity_value: 'zed-gh', count: 1 },
    ]);
    const seats = (await t.dataSource.query(
      `SELECT identity_value, detail->>'status' AS status, detail->>'lastActiveDay' AS last
         FROM evidence WHERE signal = 'seat' ORDER BY identity_value`,
    )) as { identity_value: string; status: string; last: string | null }[];
    expect(seats).toEqual([
      { identity_value: 'ann-gh', status: 'active', last: dayAgo(1) },
      { identity_value: 'bo-gh', status: 'active', last: null },
      { identity_value: 'cy-gh', status: 'pending cancellation', last: dayAgo(60) },
    ]);
    expect((await connectorCursor(t, 'github-copilot')).cursor).toEqual({
      lastDay: dayAgo(1),
      orgLastDay: dayAgo(1),
    });
  });

  it('should read no report again when run once more with nothing new', async () => {
    fake.requests.length = 0;
    fake.downloads.requests.length = 0;
    const job = await runSync(t, 'github-copilot');
    expect(job.result).toMatchObject({ requests: 2, evidence: { seat: 3 } });
    expect(job.result.orgMetricsDays).toBeUndefined();
    expect(fake.requests.filter((r) => r.path.includes('/metrics/'))).toEqual([]);
    expect(fake.downloads.requests).toEqual([]);
  });

  it('should show the organisation figures in the baseline, labelled with their source', async () => {
    const queued = await t.http
      .post('/api/reports')
      .set(bearer(t.tokens.leader))
      .send({ kind: 'baseline', organisation: 'Acme' });
    expect(queued.status).toBe(202);
    const job = await waitForJob(t, queued.body.id as string);
    const reportId = (job.result as { reportId: string }).reportId;
    const json = await t.http
      .get(`/api/reports/${reportId}/download?format=json`)
      .set(bearer(t.tokens.leader));
    const model = JSON.parse(json.text) as BaselineModel;
    const section = model.copilotMetrics!;
    expect(section.source).toBe('GitHub Copilot metrics report');
    // the complete weeks the 14 days reach: every row of organisation acme, 12 weekly users
    expect(section.rows.length).toBeGreaterThanOrEqual(1);
    for (const row of section.rows) {
      expect(row).toMatchObject({ org: 'acme', weeklyActiveUsers: 12, acceptanceRate: 0.25 });
      expect(row.interactions).toBe(30 * row.daysReported);
    }
    const html = await t.http
      .get(`/api/reports/${reportId}/download?format=html`)
      .set(bearer(t.tokens.leader));
    expect(html.text).toContain('GitHub Copilot in the organisation, week by week');
    expect(html.text).toContain('<td>GitHub Copilot metrics report</td>');
  });

  it('should go on from the day after the last complete day stored, and rewrite a day read again', async () => {
    await t.dataSource.query(
      `UPDATE connector SET cursor = $1 WHERE connector_id = 'github-copilot'`,
      [{ lastDay: dayAgo(3), orgLastDay: dayAgo(2) }],
    );
    fake.orgDays[0] = { ...fake.orgDays[0], dailyActive: 9 };
    fake.requests.length = 0;
    expect((await runSync(t, 'github-copilot')).state).toBe('completed');
    const days = (report: string) =>
      fake.requests.filter((r) => r.path.endsWith(report)).map((r) => r.query.get('day'));
    expect(days('/users-1-day')).toEqual([dayAgo(2), dayAgo(1)]);
    expect(days('/organization-1-day')).toEqual([dayAgo(1)]);
    const [{ dau, rows }] = (await t.dataSource.query(
      `SELECT max(daily_active_users) FILTER (WHERE day = $1::date) AS dau, count(*)::int AS rows
         FROM copilot_org_daily_metrics`,
      [dayAgo(1)],
    )) as { dau: number; rows: number }[];
    expect({ dau, rows }).toEqual({ dau: 9, rows: 14 });
    expect((await connectorCursor(t, 'github-copilot')).cursor).toEqual({
      lastDay: dayAgo(1),
      orgLastDay: dayAgo(1),
    });
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence WHERE signal = 'vendor-usage'`,
    )) as { n: number }[];
    expect(n).toBe(4);
  });

  it('should keep the good lines of a report file with broken ones, counting and sampling them', async () => {
    await t.dataSource.query(
      `UPDATE connector SET cursor = $1 WHERE connector_id = 'github-copilot'`,
      [{ lastDay: dayAgo(3), orgLastDay: dayAgo(1) }],
    );
    fake.brokenLines = 2;
    const job = await runSync(t, 'github-copilot');
    fake.brokenLines = 0;
    expect(job.state).toBe('completed');
    expect(job.result.malformed?.count).toBe(2);
    expect(job.result.malformed?.samples).toEqual([
      `users report of ${dayAgo(2)}, file 1, line 3: {"user_login": "tr`,
      `users report of ${dayAgo(2)}, file 1, line 4: {"user_login": "tr`,
    ]);
    expect(job.result.evidence['vendor-usage']).toBe(3);
  });

  it.each([404, 422] as const)(
    'should say the metrics are switched off when the reports answer %i, and keep the cursor',
    async (status) => {
      const cursor = { lastDay: dayAgo(3), orgLastDay: dayAgo(3) };
      await t.dataSource.query(
        `UPDATE connector SET cursor = $1 WHERE connector_id = 'github-copilot'`,
        [cursor],
      );
      fake.metricsDisabled = status;
      const job = await runSync(t, 'github-copilot');
      fake.metricsDisabled = null;
      expect(job.state).toBe('failed');
      expect(job.error).toContain(
        `users-1-day for ${dayAgo(2)} answered ${status}: Copilot usage metrics are not available for the organisation "acme" — an owner must enable the "Copilot usage metrics" policy`,
      );
      expect((await connectorCursor(t, 'github-copilot')).cursor).toEqual(cursor);
    },
  );

  it('should name the permission the metrics reports need, and keep the cursor', async () => {
    fake.forbidden.add('/orgs/acme/copilot/metrics');
    await t.dataSource.query(
      `UPDATE connector SET cursor = $1 WHERE connector_id = 'github-copilot'`,
      [{ lastDay: dayAgo(3), orgLastDay: dayAgo(3) }],
    );
    const job = await runSync(t, 'github-copilot');
    fake.forbidden.clear();
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(
      /users-1-day answered 403: the credential lacks the permission "View Organization Copilot Metrics \(classic token: read:org\), with the organisation's "Copilot usage metrics" policy \(formerly "Copilot metrics API access"\) enabled"/,
    );
    expect(await connectorCursor(t, 'github-copilot')).toEqual({
      cursor: { lastDay: dayAgo(3), orgLastDay: dayAgo(3) },
      last_status: 'failed',
    });
  });

  it('should test the connection to the seats and the metrics reports, naming what is missing', async () => {
    fake.requests.length = 0;
    const ok = await t.http.post('/api/connectors/github-copilot/test').set(bearer(t.tokens.admin));
    expect(ok.body).toEqual({ connector: 'github-copilot', ok: true, requests: 2 });
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/orgs/acme/copilot/billing/seats',
      '/orgs/acme/copilot/metrics/reports/organization-28-day/latest',
    ]);
    fake.forbidden.add('/orgs/acme/copilot/metrics');
    const forbidden = await t.http
      .post('/api/connectors/github-copilot/test')
      .set(bearer(t.tokens.admin));
    fake.forbidden.clear();
    expect(forbidden.status).toBe(502);
    expect(forbidden.body.error).toBe('connector-forbidden');
    expect(forbidden.body.message).toContain('View Organization Copilot Metrics');
    fake.metricsDisabled = 404;
    const disabled = await t.http
      .post('/api/connectors/github-copilot/test')
      .set(bearer(t.tokens.admin));
    fake.metricsDisabled = null;
    expect(disabled.body.message).toMatch(
      /organization-28-day\/latest answered 404: Copilot usage metrics are not available/,
    );
  });

  it('should say an expired token is refused, without echoing it', async () => {
    await storeCredential(t, 'github-copilot', 'ghp_expired0000000000', url);
    const res = await t.http
      .post('/api/connectors/github-copilot/test')
      .set(bearer(t.tokens.admin));
    expect(res.status).toBe(502);
    expect(res.body.error).toBe('connector-unauthorized');
    expect(JSON.stringify(res.body)).not.toContain('expired0000');
    await storeCredential(t, 'github-copilot', TOKEN, url);
  });

  it('should run from the CLI with --org and GITHUB_TOKEN, and refuse a run without an org', async () => {
    const env = { ...t.env, GITHUB_TOKEN: TOKEN, GITHUB_ORG: '' };
    await t.dataSource.query(
      `UPDATE connector SET cursor = $1 WHERE connector_id = 'github-copilot'`,
      [{ lastDay: dayAgo(3), orgLastDay: dayAgo(3) }],
    );
    fake.brokenLines = 1;
    // the CLI's entry in this process; cursor-connector e2e runs `sync` as a real one
    const r = await runCliInProcess(
      ['sync', 'github-copilot', '--org', 'acme', '--api-url', url, '--json'],
      env,
    );
    fake.brokenLines = 0;
    // a report line that is not JSON is named on stderr; the run succeeds with the rest
    expect(r.stderr.trim()).toBe(
      `ai-census: warning: github-copilot: 1 report lines were not JSON and were left out, e.g. users report of ${dayAgo(2)}, file 1, line 3: {"user_login": "tr`,
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout) as SyncJson).toMatchObject({
      connector: 'github-copilot',
      evidence: { seat: 3 },
      tools: { 'github-copilot': { seats: 3 } },
    });
    const none = await runCliInProcess(['sync', 'github-copilot', '--api-url', url, '--json'], env);
    expect(none.status).not.toBe(0);
    expect(none.stderr).toMatch(/no organisation: pass --org or set GITHUB_ORG/);
  });
});
