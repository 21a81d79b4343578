import { randomBytes } from 'node:crypto';
import { FakeOkta } from '../../support/fake-okta';
import { runCliInProcess } from '../../support/processes';
import { bearer, createTestApp, type TestApp, waitForJob } from '../../support/test-app';

const TOKEN = '00aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcd';
const DAY = 86_400_000;
const dayAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const at = (n: number, hh: string) => `${dayAgo(n)}T${hh}:00:00.000Z`;

interface SyncJob {
  state: string;
  error: string | null;
  result: {
    connector: string;
    requests: number;
    evidence: Record<string, number>;
    people: { resolved: number; unresolved: number };
    tools: Record<string, { seats: number; activeUsers: number }>;
  };
}

// Okta SSO sign-ins end to end: the org URL required, pages chained by the Link header until an
// empty page, only successful sign-ins to AI apps counted per person, app and day, and a re-run
// that reads from the start of the last day stored.
describe('Okta connector', () => {
  let t: TestApp;
  let fake: FakeOkta;
  let url: string;

  beforeAll(async () => {
    fake = new FakeOkta(TOKEN);
    fake.events = [
      { published: at(3, '09'), email: 'Ann@acme.example', app: 'ChatGPT' },
      { published: at(3, '10'), email: 'ann@acme.example', app: 'ChatGPT' },
      { published: at(2, '08'), email: 'ann@acme.example', app: 'ChatGPT' },
      { published: at(2, '09'), email: 'bo@acme.example', app: 'Claude', result: 'FAILURE' },
      { published: at(2, '10'), email: 'bo@acme.example', app: "Claude's Bakery Scheduler" },
      { published: at(1, '08'), email: 'carl@acme.example', app: 'Perplexity' },
      { published: at(1, '09'), email: 'bo@acme.example', app: 'Salesforce' },
      // another event type the filter leaves out
      {
        published: at(1, '10'),
        email: 'bo@acme.example',
        app: 'ChatGPT',
        eventType: 'user.session.start',
      },
    ];
    url = await fake.start();
    t = await createTestApp({
      env: { CONNECTOR_CREDENTIALS_KEY: randomBytes(32).toString('base64') },
    });
    await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.coe))
      .send({
        fileName: 'directory.csv',
        csv: 'email,name,team\nann@acme.example,Ann,Sales\nbo@acme.example,Bo,Sales\ncarl@acme.example,Carl,Ops\n',
      })
      .expect(201);
  });

  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  async function sync(): Promise<SyncJob> {
    const res = await t.http.post('/api/connectors/okta/sync').set(bearer(t.tokens.coe));
    expect(res.status).toBe(202);
    return (await waitForJob(t, res.body.id as string)) as unknown as SyncJob;
  }

  const store = (credential: string, apiUrl?: string) =>
    t.http
      .put('/api/connectors/okta/credential')
      .set(bearer(t.tokens.admin))
      .send(apiUrl ? { credential, apiUrl } : { credential })
      .expect(204);

  it('should require the org URL', async () => {
    await store(TOKEN);
    const res = await t.http.post('/api/connectors/okta/test').set(bearer(t.tokens.admin));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/org URL is required/);
  });

  it('should say an expired token is refused and name the permission a refusal lacks', async () => {
    await store('00expired', url);
    const expired = await t.http.post('/api/connectors/okta/test').set(bearer(t.tokens.admin));
    expect(expired.status).toBe(502);
    expect(expired.body.error).toBe('connector-unauthorized');
    expect(JSON.stringify(expired.body)).not.toContain('00expired');
    await store(TOKEN, url);
    fake.forbid = true;
    const forbidden = await t.http.post('/api/connectors/okta/test').set(bearer(t.tokens.admin));
    fake.forbid = false;
    expect(forbidden.status).toBe(502);
    expect(forbidden.body.message).toMatch(
      /answered 403: the credential lacks the permission "okta\.logs\.read/,
    );
  });

  it('should count sign-ins to AI apps per person and day, over Link pages and a rate limit', async () => {
    fake.rateLimitNext = 1;
    fake.requests.length = 0;
    const job = await sync();
    expect(job.error).toBeNull();
    expect(job.result).toEqual({
      connector: 'okta',
      // 429, then four pages of at most two events, then the empty page
      requests: 6,
      evidence: { 'sso-signin': 3 },
      people: { resolved: 2, unresolved: 0 },
      tools: { chatgpt: { seats: 0, activeUsers: 1 }, perplexity: { seats: 0, activeUsers: 1 } },
    });
    const firstQuery = fake.requests[1].searchParams;
    expect(firstQuery.get('filter')).toBe('eventType eq "user.authentication.sso"');
    expect(fake.requests[2].searchParams.get('after')).toBe('2');
    const rows = (await t.dataSource.query(
      `SELECT tool_id, identity_value, count::int AS count, detail FROM evidence
        WHERE signal = 'sso-signin' ORDER BY first_seen, identity_value`,
    )) as { tool_id: string; identity_value: string; count: number; detail: object }[];
    expect(rows.map((r) => [r.tool_id, r.identity_value, r.count])).toEqual([
      ['chatgpt', 'ann@acme.example', 2],
      ['chatgpt', 'ann@acme.example', 1],
      ['perplexity', 'carl@acme.example', 1],
    ]);
    expect(JSON.stringify(rows)).not.toContain('203.0.113.7');
    const [{ cursor }] = (await t.dataSource.query(
      `SELECT cursor FROM connector WHERE connector_id = 'okta'`,
    )) as { cursor: { since: string } }[];
    expect(cursor.since).toBe(`${dayAgo(1)}T00:00:00.000Z`);
  });

  it('should read from the start of the last day stored on the next run, counting it whole', async () => {
    fake.events.push({ published: at(1, '11'), email: 'carl@acme.example', app: 'Perplexity' });
    fake.requests.length = 0;
    const job = await sync();
    expect(job.state).toBe('completed');
    expect(fake.requests[0].searchParams.get('since')).toBe(`${dayAgo(1)}T00:00:00.000Z`);
    // events of that day: carl, bo (Salesforce), carl again = two pages, then the empty page
    expect(job.result.requests).toBe(3);
    const rows = (await t.dataSource.query(
      `SELECT count::int AS count FROM evidence WHERE signal = 'sso-signin' AND tool_id = 'perplexity'`,
    )) as { count: number }[];
    expect(rows).toEqual([{ count: 2 }]);
  });

  it('should run from the CLI with the token from the environment and the org URL given', async () => {
    // the CLI's entry in this process; cursor-connector e2e runs `sync` as a real one
    const r = await runCliInProcess(['sync', 'okta', '--api-url', url, '--json'], {
      ...t.env,
      OKTA_API_TOKEN: TOKEN,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as SyncJob['result'];
    expect(json.connector).toBe('okta');
    expect(json.evidence['sso-signin']).toBeGreaterThan(0);
    expect(json.tools.perplexity).toEqual({ seats: 0, activeUsers: 1 });
  });
});
