import { FakeAnthropic } from '../../support/fake-anthropic';
import {
  connectorCursor,
  connectorTestApp,
  dayAgo,
  runSync,
  type SyncJson,
  storeCredential,
} from '../../support/connector-e2e';
import { runCliInProcess } from '../../support/processes';
import { bearer, type TestApp } from '../../support/test-app';

const KEY = 'sk-ant-admin01-stand-in-0123456789';

// The Anthropic connector end to end against a stand-in of the Admin API: members over two pages
// as seats, Claude Code days (one call per day, paged) as use, a 429 retried, the cursor moving
// only past stored days, a refusal naming the permission, an expired key, and the CLI.
describe('Anthropic connector', () => {
  let t: TestApp;
  let fake: FakeAnthropic;
  let url: string;

  beforeAll(async () => {
    fake = new FakeAnthropic(KEY);
    fake.users = [
      { id: 'user_01', email: 'Ann@acme.example', name: 'Ann', role: 'admin' },
      { id: 'user_02', email: 'bo@acme.example', name: 'Bo', role: 'claude_code_user' },
      { id: 'user_03', email: 'cy@acme.example', name: 'Cy', role: 'developer' },
    ];
    fake.claudeCode = [
      { day: dayAgo(2), email: 'ann@acme.example', sessions: 5, linesAdded: 120, commits: 2 },
      { day: dayAgo(2), email: 'bo@acme.example', sessions: 2 },
      { day: dayAgo(2), apiKeyName: 'ci-pipeline', sessions: 40 },
      { day: dayAgo(2), email: 'zed@personal.example', sessions: 1 },
      { day: dayAgo(6), email: 'bo@acme.example', sessions: 3 },
      // older than a first run reads
      { day: dayAgo(45), email: 'cy@acme.example', sessions: 9 },
    ];
    url = await fake.start();
    t = await connectorTestApp(
      'email,name,team\nann@acme.example,Ann,Platform\nbo@acme.example,Bo,Platform\ncy@acme.example,Cy,Web\n',
    );
    await storeCredential(t, 'anthropic', KEY, url);
  });

  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('should test the connection with the stored key, sent as x-api-key with anthropic-version', async () => {
    const res = await t.http.post('/api/connectors/anthropic/test').set(bearer(t.tokens.admin));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ connector: 'anthropic', ok: true, requests: 1 });
  });

  it('should read every page of members and of each Claude Code day, and count them as the contract says', async () => {
    fake.rateLimitNext = 1;
    fake.requests.length = 0;
    const job = await runSync(t, 'anthropic');
    expect(job.error).toBeNull();
    expect(job.state).toBe('completed');
    expect(job.result).toEqual({
      connector: 'anthropic',
      // members: 429 then two pages; 30 days of usage, the busy day on two pages
      requests: 34,
      evidence: { seat: 3, 'vendor-usage': 4 },
      people: { resolved: 3, unresolved: 1 },
      tools: {
        'anthropic-api': { seats: 2, activeUsers: 0 },
        'claude-code': { seats: 1, activeUsers: 3 },
      },
    });
    expect(fake.requests.filter((r) => r.query.get('after_id') === 'user_02')).toHaveLength(1);
    expect(
      fake.requests
        .filter((r) => r.query.get('starting_at') === dayAgo(2))
        .map((r) => r.query.get('page')),
    ).toEqual([null, 'page_2']);
    const rows = (await t.dataSource.query(
      `SELECT identity_value, count::int AS count, detail FROM evidence
        WHERE signal = 'vendor-usage' ORDER BY first_seen, identity_value`,
    )) as { identity_value: string; count: number; detail: Record<string, unknown> }[];
    expect(rows.map((r) => [r.identity_value, r.count])).toEqual([
      ['bo@acme.example', 3],
      ['ann@acme.example', 5],
      ['bo@acme.example', 2],
      ['zed@personal.example', 1],
    ]);
    expect(rows[1].detail).toMatchObject({
      connector: 'anthropic',
      counts: 'sessions',
      linesAdded: 120,
      commits: 2,
    });
    // metadata only: no model breakdown, no terminal, nothing of what was asked
    expect(Object.keys(rows[1].detail)).not.toEqual(
      expect.arrayContaining(['model_breakdown', 'terminal_type']),
    );
    const seats = (await t.dataSource.query(
      `SELECT tool_id, identity_value, detail->>'role' AS role FROM evidence
        WHERE signal = 'seat' ORDER BY identity_value`,
    )) as { tool_id: string; identity_value: string; role: string }[];
    expect(seats).toEqual([
      { tool_id: 'anthropic-api', identity_value: 'ann@acme.example', role: 'admin' },
      { tool_id: 'claude-code', identity_value: 'bo@acme.example', role: 'claude_code_user' },
      { tool_id: 'anthropic-api', identity_value: 'cy@acme.example', role: 'developer' },
    ]);
    expect((await connectorCursor(t, 'anthropic')).cursor).toEqual({ lastDay: dayAgo(0) });
  });

  it('should read again from the last day stored only, and add nothing twice', async () => {
    fake.requests.length = 0;
    const job = await runSync(t, 'anthropic');
    expect(job.state).toBe('completed');
    const days = fake.requests
      .filter((r) => r.path.endsWith('/claude_code'))
      .map((r) => r.query.get('starting_at'));
    expect(days).toEqual([dayAgo(0)]);
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence WHERE signal = 'vendor-usage'`,
    )) as { n: number }[];
    expect(n).toBe(4);
  });

  it('should name the permission a refusal lacks, and keep the cursor where it was', async () => {
    await t.dataSource.query(`UPDATE connector SET cursor = $1 WHERE connector_id = 'anthropic'`, [
      { lastDay: dayAgo(3) },
    ]);
    fake.forbidden.add('/v1/organizations/usage_report');
    const job = await runSync(t, 'anthropic');
    fake.forbidden.clear();
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(
      /usage_report\/claude_code answered 403: the credential lacks the permission "Admin API key \(Claude Code usage report\)"/,
    );
    const after = await connectorCursor(t, 'anthropic');
    expect(after).toEqual({ cursor: { lastDay: dayAgo(3) }, last_status: 'failed' });
  });

  it('should say an expired key is refused, without echoing it', async () => {
    await storeCredential(t, 'anthropic', 'sk-ant-admin01-expired-000000', url);
    const res = await t.http.post('/api/connectors/anthropic/test').set(bearer(t.tokens.admin));
    expect(res.status).toBe(502);
    expect(res.body.error).toBe('connector-unauthorized');
    expect(res.body.message).toMatch(/missing, expired or revoked/);
    expect(JSON.stringify(res.body)).not.toContain('expired-000000');
    await storeCredential(t, 'anthropic', KEY, url);
  });

  it('should run from the CLI with ANTHROPIC_ADMIN_KEY and print the contract', async () => {
    // the CLI's entry in this process; cursor-connector e2e runs `sync` as a real one
    const r = await runCliInProcess(['sync', 'anthropic', '--api-url', url, '--json'], {
      ...t.env,
      ANTHROPIC_ADMIN_KEY: KEY,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as SyncJson;
    expect(json).toMatchObject({
      connector: 'anthropic',
      evidence: { seat: 3 },
      tools: { 'anthropic-api': { seats: 2 }, 'claude-code': { seats: 1 } },
    });
  });
});
