import {
  connectorCursor,
  connectorTestApp,
  dayAgo,
  runSync,
  type SyncJson,
  storeCredential,
} from '../../support/connector-e2e';
import { FakeGitHubCopilot } from '../../support/fake-github-copilot';
import { runCliAsync } from '../../support/processes';
import { bearer, type TestApp } from '../../support/test-app';

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
      // seats: 429 then two pages; 28 day reports; two files for each of the two days with use
      requests: 35,
      evidence: { seat: 3, 'vendor-usage': 4 },
      people: { resolved: 3, unresolved: 1 },
      tools: { 'github-copilot': { seats: 3, activeUsers: 3 } },
    });
    const downloads = fake.requests.filter((r) => r.path.startsWith('/downloads/'));
    expect(downloads).toHaveLength(4);
    expect(downloads.every((r) => r.headers.authorization === undefined)).toBe(true);
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
    expect((await connectorCursor(t, 'github-copilot')).cursor).toEqual({ lastDay: dayAgo(1) });
  });

  it('should go on from the day after the last complete day stored', async () => {
    await t.dataSource.query(
      `UPDATE connector SET cursor = $1 WHERE connector_id = 'github-copilot'`,
      [{ lastDay: dayAgo(3) }],
    );
    fake.requests.length = 0;
    expect((await runSync(t, 'github-copilot')).state).toBe('completed');
    const days = fake.requests
      .filter((r) => r.path.endsWith('/users-1-day'))
      .map((r) => r.query.get('day'));
    expect(days).toEqual([dayAgo(2), dayAgo(1)]);
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence WHERE signal = 'vendor-usage'`,
    )) as { n: number }[];
    expect(n).toBe(4);
  });

  it('should name the permission the metrics reports need, and keep the cursor', async () => {
    fake.forbidden.add('/orgs/acme/copilot/metrics');
    await t.dataSource.query(
      `UPDATE connector SET cursor = $1 WHERE connector_id = 'github-copilot'`,
      [{ lastDay: dayAgo(3) }],
    );
    const job = await runSync(t, 'github-copilot');
    fake.forbidden.clear();
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(
      /users-1-day answered 403: the credential lacks the permission "View Organization Copilot Metrics \(classic token: read:org\)"/,
    );
    expect(await connectorCursor(t, 'github-copilot')).toEqual({
      cursor: { lastDay: dayAgo(3) },
      last_status: 'failed',
    });
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
    const r = await runCliAsync(
      ['sync', 'github-copilot', '--org', 'acme', '--api-url', url, '--json'],
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout) as SyncJson).toMatchObject({
      connector: 'github-copilot',
      evidence: { seat: 3 },
      tools: { 'github-copilot': { seats: 3 } },
    });
    const none = await runCliAsync(['sync', 'github-copilot', '--api-url', url, '--json'], env);
    expect(none.status).not.toBe(0);
    expect(none.stderr).toMatch(/no organisation: pass --org or set GITHUB_ORG/);
  });
});
