import {
  connectorCursor,
  connectorTestApp,
  dayAgo,
  runSync,
  type SyncJson,
  storeCredential,
} from '../../support/connector-e2e';
import { FakeOpenAi } from '../../support/fake-openai';
import { runCliInProcess } from '../../support/processes';
import { bearer, type TestApp } from '../../support/test-app';

const KEY = 'sk-admin-stand-in-abcdefghijklmnop';

// The OpenAI connector end to end against a stand-in of the Admin API: organisation users over
// two pages as seats with their projects, daily completions usage grouped by user mapped to the
// users' e-mails, the cursor moved per stored page (and no further when a later page fails).
describe('OpenAI connector', () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  let url: string;

  beforeAll(async () => {
    fake = new FakeOpenAi(KEY, () => dayAgo(0));
    fake.bucketsPerPage = 10;
    fake.users = [
      {
        id: 'user-ann',
        email: 'ann@acme.example',
        name: 'Ann',
        role: 'owner',
        projects: ['Web', 'Data'],
      },
      { id: 'user-bo', email: 'Bo@acme.example', name: 'Bo', role: 'reader' },
      {
        id: 'user-svc',
        email: 'svc@acme.example',
        name: 'ci',
        role: 'reader',
        serviceAccount: true,
      },
      { id: 'user-cy', email: 'cy@acme.example', name: 'Cy', role: 'reader', projects: ['Data'] },
    ];
    fake.usage = [
      { day: dayAgo(2), userId: 'user-ann', requests: 10 },
      { day: dayAgo(2), userId: 'user-bo', requests: 4 },
      // key-only traffic and a user id outside the list name no person
      { day: dayAgo(2), userId: null, requests: 7 },
      { day: dayAgo(2), userId: 'user-gone', requests: 3 },
      { day: dayAgo(10), userId: 'user-ann', requests: 2 },
      { day: dayAgo(40), userId: 'user-cy', requests: 2 },
    ];
    url = await fake.start();
    t = await connectorTestApp(
      'email,name,team\nann@acme.example,Ann,Platform\nbo@acme.example,Bo,Platform\ncy@acme.example,Cy,Web\n',
    );
    await storeCredential(t, 'openai', KEY, url);
  });

  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('should read users and daily use per user into evidence and count them as the contract says', async () => {
    fake.rateLimitNext = 1;
    fake.requests.length = 0;
    const job = await runSync(t, 'openai');
    expect(job.error).toBeNull();
    expect(job.state).toBe('completed');
    expect(job.result).toEqual({
      connector: 'openai',
      // users: 429 then two pages; 30 daily buckets on three pages
      requests: 6,
      evidence: { seat: 3, 'vendor-usage': 3 },
      people: { resolved: 3, unresolved: 0 },
      tools: { 'openai-api': { seats: 3, activeUsers: 2 } },
    });
    const usageCalls = fake.requests.filter((r) => r.path.endsWith('/usage/completions'));
    expect(usageCalls.map((r) => r.query.get('page'))).toEqual([null, '10', '20']);
    expect(usageCalls[0].query.get('start_time')).toBe(
      String(Date.parse(`${dayAgo(29)}T00:00:00Z`) / 1000),
    );
    const rows = (await t.dataSource.query(
      `SELECT identity_value, count::int AS count, detail->>'inputTokens' AS tokens FROM evidence
        WHERE signal = 'vendor-usage' ORDER BY first_seen, identity_value`,
    )) as { identity_value: string; count: number; tokens: string }[];
    expect(rows).toEqual([
      { identity_value: 'ann@acme.example', count: 2, tokens: '1800' },
      { identity_value: 'ann@acme.example', count: 10, tokens: '9000' },
      { identity_value: 'bo@acme.example', count: 4, tokens: '3600' },
    ]);
    const seats = (await t.dataSource.query(
      `SELECT identity_value, detail->>'projects' AS projects, detail->>'role' AS role FROM evidence
        WHERE signal = 'seat' ORDER BY identity_value`,
    )) as { identity_value: string; projects: string | null; role: string }[];
    expect(seats).toEqual([
      { identity_value: 'ann@acme.example', projects: 'Web, Data', role: 'owner' },
      { identity_value: 'bo@acme.example', projects: null, role: 'reader' },
      { identity_value: 'cy@acme.example', projects: 'Data', role: 'reader' },
    ]);
    expect((await connectorCursor(t, 'openai')).cursor).toEqual({ lastDay: dayAgo(0) });
  });

  it('should read again from the last day stored only', async () => {
    fake.requests.length = 0;
    expect((await runSync(t, 'openai')).state).toBe('completed');
    const usageCalls = fake.requests.filter((r) => r.path.endsWith('/usage/completions'));
    expect(usageCalls.map((r) => r.query.get('start_time'))).toEqual([
      String(Date.parse(`${dayAgo(0)}T00:00:00Z`) / 1000),
    ]);
  });

  it('should move the cursor only past the pages stored when a later page fails', async () => {
    await t.dataSource.query(`UPDATE connector SET cursor = $1 WHERE connector_id = 'openai'`, [
      { lastDay: dayAgo(29) },
    ]);
    fake.failPage = '10';
    fake.requests.length = 0;
    const job = await runSync(t, 'openai');
    fake.failPage = null;
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/usage\/completions answered 500/);
    // each attempt of the job starts where the one before stored its last full page, and stops
    // at the page that fails: the cursor is the last day of the last page served
    const starts = fake.requests
      .filter((r) => r.path.endsWith('/usage/completions') && !r.query.get('page'))
      .map((r) => Number(r.query.get('start_time')) * 1000);
    expect(starts[0]).toBe(Date.parse(`${dayAgo(29)}T00:00:00Z`));
    const lastServed = new Date(starts.at(-1)! + 9 * 86_400_000).toISOString().slice(0, 10);
    expect(lastServed < dayAgo(0)).toBe(true);
    expect(await connectorCursor(t, 'openai')).toEqual({
      cursor: { lastDay: lastServed },
      last_status: 'failed',
    });
  });

  it('should name the permission a refusal lacks', async () => {
    fake.forbidden.add('/v1/organization/usage');
    const job = await runSync(t, 'openai');
    fake.forbidden.clear();
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(
      /answered 403: the credential lacks the permission "Admin API key \(organization users and usage: read\)"/,
    );
  });

  it('should say an expired key is refused, without echoing it', async () => {
    await storeCredential(t, 'openai', 'sk-admin-expired-zzzzzzzz', url);
    const res = await t.http.post('/api/connectors/openai/test').set(bearer(t.tokens.admin));
    expect(res.status).toBe(502);
    expect(res.body.error).toBe('connector-unauthorized');
    expect(JSON.stringify(res.body)).not.toContain('expired-zzzz');
    await storeCredential(t, 'openai', KEY, url);
    const ok = await t.http.post('/api/connectors/openai/test').set(bearer(t.tokens.admin));
    expect(ok.body).toEqual({ connector: 'openai', ok: true, requests: 1 });
  });

  it('should run from the CLI with OPENAI_ADMIN_KEY and print the contract', async () => {
    // the CLI's entry in this process; cursor-connector e2e runs `sync` as a real one
    const r = await runCliInProcess(['sync', 'openai', '--api-url', url, '--json'], {
      ...t.env,
      OPENAI_ADMIN_KEY: KEY,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout) as SyncJson).toMatchObject({
      connector: 'openai',
      evidence: { seat: 3 },
      tools: { 'openai-api': { seats: 3 } },
    });
  });
});
