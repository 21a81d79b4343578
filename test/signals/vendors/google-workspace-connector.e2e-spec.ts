import { randomBytes } from 'node:crypto';
import { FakeGoogleReports } from '../../support/fake-google-reports';
import { bearer, createTestApp, type TestApp, waitForJob } from '../../support/test-app';

const TOKEN = 'ya29.a0AfB_test_access_token_0123456789';
const DAY = 86_400_000;
const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
const GMAIL = 'https://www.googleapis.com/auth/gmail.readonly';
const CAL = 'https://www.googleapis.com/auth/calendar.readonly';

interface SyncJob {
  state: string;
  error: string | null;
  result: { connector: string; requests: number; evidence: Record<string, number> } & Record<
    string,
    unknown
  >;
}

// Google Workspace OAuth token grants end to end: a stand-in of the Reports API paged newest
// first, the grants of AI apps (and only those) stored with their scopes, the cursor moved only
// once the window is stored, and the OAuth-scope factor on the finding after correlation.
describe('Google Workspace connector', () => {
  let t: TestApp;
  let fake: FakeGoogleReports;
  let url: string;

  beforeAll(async () => {
    fake = new FakeGoogleReports(TOKEN);
    fake.grants = [
      {
        time: at(10),
        email: 'Ann@acme.example',
        appName: 'ChatGPT',
        clientId: '1001-chatgpt.apps.googleusercontent.com',
        scopes: ['openid', 'https://www.googleapis.com/auth/userinfo.email', GMAIL],
      },
      {
        time: at(8),
        email: 'bo@acme.example',
        appName: 'Claude',
        clientId: '1002-claude.apps.googleusercontent.com',
        scopes: ['openid', 'https://www.googleapis.com/auth/userinfo.email'],
      },
      // a lookalike: not Claude, not stored
      {
        time: at(7),
        email: 'carl@acme.example',
        appName: "Claude's Bakery Scheduler",
        clientId: '1003-bakery.apps.googleusercontent.com',
        scopes: ['https://www.googleapis.com/auth/drive'],
      },
      {
        time: at(6),
        email: 'ann@acme.example',
        appName: 'Otter.ai',
        clientId: '1004-otter.apps.googleusercontent.com',
        scopes: ['openid', CAL],
      },
      {
        time: at(5),
        email: 'bo@acme.example',
        appName: 'Claude',
        clientId: '1002-claude.apps.googleusercontent.com',
        scopes: [],
        event: 'revoke',
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
    await t.http
      .put('/api/connectors/google-workspace/credential')
      .set(bearer(t.tokens.admin))
      .send({ credential: TOKEN, apiUrl: url })
      .expect(204);
  });

  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  async function sync(): Promise<SyncJob> {
    const res = await t.http
      .post('/api/connectors/google-workspace/sync')
      .set(bearer(t.tokens.coe));
    expect(res.status).toBe(202);
    return (await waitForJob(t, res.body.id as string)) as unknown as SyncJob;
  }

  const cursor = async () =>
    (
      (await t.dataSource.query(
        `SELECT cursor FROM connector WHERE connector_id = 'google-workspace'`,
      )) as { cursor: { startTime?: string } | null }[]
    )[0]?.cursor ?? null;

  it('should name the missing audit scope when the token lacks it, and move no cursor', async () => {
    fake.forbidFromPage = 1; // the first page is read, the second refused
    const job = await sync();
    fake.forbidFromPage = null;
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(
      /answered 403: the credential lacks the permission "https:\/\/www\.googleapis\.com\/auth\/admin\.reports\.audit\.readonly"/,
    );
    expect(await cursor()).toBeNull();
  });

  it('should store the grants of AI apps with their scopes, over pages and a rate limit', async () => {
    fake.rateLimitNext = 1;
    fake.requests.length = 0;
    const job = await sync();
    expect(job.error).toBeNull();
    expect(job.result).toEqual({
      connector: 'google-workspace',
      // 429 then page 1, page 2 (four authorize events, two a page)
      requests: 3,
      evidence: { 'oauth-grant': 3 },
      people: { resolved: 2, unresolved: 0 },
      tools: {},
    });
    expect(fake.requests[1].query.get('eventName')).toBe('authorize');
    expect(fake.requests[1].query.get('startTime')).toBeNull();
    const rows = (await t.dataSource.query(
      `SELECT tool_id, identity_value, detail FROM evidence WHERE signal = 'oauth-grant' ORDER BY first_seen`,
    )) as { tool_id: string; identity_value: string; detail: Record<string, unknown> }[];
    expect(rows.map((r) => [r.tool_id, r.identity_value])).toEqual([
      ['chatgpt', 'ann@acme.example'],
      ['claude', 'bo@acme.example'],
      ['otter', 'ann@acme.example'],
    ]);
    expect(rows[0].detail).toMatchObject({
      connector: 'google-workspace',
      appName: 'ChatGPT',
      clientId: '1001-chatgpt.apps.googleusercontent.com',
      scopes: [GMAIL, 'https://www.googleapis.com/auth/userinfo.email', 'openid'],
      sensitiveScopes: true,
      sensitiveScopeList: [GMAIL],
    });
    expect(rows[1].detail.sensitiveScopes).toBe(false);
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
    expect((await cursor())?.startTime).toBe(fake.grants[3].time);
  });

  it('should read only what is new on the next run, from the cursor', async () => {
    fake.grants.push({
      time: at(0.5),
      email: 'carl@acme.example',
      appName: 'Perplexity',
      clientId: '1005-pplx.apps.googleusercontent.com',
      scopes: ['openid', 'https://www.googleapis.com/auth/drive.readonly'],
    });
    fake.requests.length = 0;
    const job = await sync();
    expect(job.state).toBe('completed');
    expect(job.result.requests).toBe(1);
    // the new grant, and the newest stored one again (inside the lag hour): rewritten, not added
    expect(job.result.evidence).toEqual({ 'oauth-grant': 2 });
    const startTime = fake.requests[0].query.get('startTime');
    // from the newest grant stored, less the hour the Reports API may lag
    expect(Date.parse(startTime!)).toBe(Date.parse(fake.grants[3].time) - 3_600_000);
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence WHERE signal = 'oauth-grant'`,
    )) as { n: number }[];
    expect(n).toBe(4);
  });

  it('should say an expired token is refused, without echoing it', async () => {
    await t.http
      .put('/api/connectors/google-workspace/credential')
      .set(bearer(t.tokens.admin))
      .send({ credential: 'ya29.expired', apiUrl: url })
      .expect(204);
    const res = await t.http
      .post('/api/connectors/google-workspace/test')
      .set(bearer(t.tokens.admin));
    expect(res.status).toBe(502);
    expect(res.body.error).toBe('connector-unauthorized');
    expect(JSON.stringify(res.body)).not.toContain('ya29.expired');
    await t.http
      .put('/api/connectors/google-workspace/credential')
      .set(bearer(t.tokens.admin))
      .send({ credential: TOKEN, apiUrl: url })
      .expect(204);
  });

  it('should put the OAuth-scope factor and the scopes on the ChatGPT finding', async () => {
    const correlate = await t.http.post('/api/findings/correlate').set(bearer(t.tokens.coe));
    expect((await waitForJob(t, correlate.body.id as string)).state).toBe('completed');
    const people = (await t.dataSource.query(`SELECT id, email FROM person`)) as {
      id: string;
      email: string;
    }[];
    const idOf = (email: string) => people.find((p) => p.email === email)?.id;
    type Item = { id: string; subjectId: string; toolId: string; factors: { key: string }[] };
    const list = async (toolId: string) =>
      (
        await t.http
          .get(`/api/findings?toolId=${toolId}&limit=50`)
          .set(bearer(t.tokens.security))
          .expect(200)
      ).body.items as Item[];
    const chatgpt = (await list('chatgpt')).find((f) => f.subjectId === idOf('ann@acme.example'));
    expect(chatgpt?.factors.map((f) => f.key)).toContain('oauth.sensitive-scopes');
    const claude = (await list('claude')).find((f) => f.subjectId === idOf('bo@acme.example'));
    expect(claude).toBeDefined();
    expect(claude?.factors.map((f) => f.key)).not.toContain('oauth.sensitive-scopes');
    const perplexity = (await list('perplexity')).find(
      (f) => f.subjectId === idOf('carl@acme.example'),
    );
    expect(perplexity?.factors.map((f) => f.key)).toContain('oauth.sensitive-scopes');

    const detail = await t.http
      .get(`/api/findings/${chatgpt!.id}`)
      .set(bearer(t.tokens.security))
      .expect(200);
    const grant = (
      detail.body.evidence as { signal: string; detail: Record<string, unknown> }[]
    ).find((e) => e.signal === 'oauth-grant');
    expect(grant?.detail).toMatchObject({ appName: 'ChatGPT', sensitiveScopeList: [GMAIL] });
    expect(grant?.detail.scopes).toContain(GMAIL);
  });
});
