import { FakeEntra } from '../../support/fake-entra';
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

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0f3c1a52-5b9e-4d2e-9c51-3e6f0f1e2a10';
const SECRET = 'Xq8~stand.in-secret_0123456789';
const CREDENTIAL = `${TENANT}/${CLIENT}:${SECRET}`;
const at = (n: number, hh: string) => `${dayAgo(n)}T${hh}:00:00Z`;

// Microsoft Entra ID end to end against a stand-in of the token endpoint and Graph v1.0: a token
// by client credentials, sign-ins filtered to AI apps on Graph's side and paged by @odata.nextLink,
// user consents to AI apps with their scopes, a 429 retried, the cursor, a refusal naming the
// permission, an expired client secret, and the CLI with the credential from ENTRA_* variables.
jest.setTimeout(180_000); // the CLI run starts a process: slow on a loaded machine

describe('Entra connector', () => {
  let t: TestApp;
  let fake: FakeEntra;
  let url: string;

  beforeAll(async () => {
    fake = new FakeEntra(TENANT, CLIENT, SECRET);
    fake.signins = [
      { at: at(3, '09'), upn: 'Ann@acme.example', app: 'ChatGPT' },
      { at: at(3, '10'), upn: 'ann@acme.example', app: 'ChatGPT' },
      { at: at(2, '08'), upn: 'ann@acme.example', app: 'ChatGPT' },
      { at: at(2, '09'), upn: 'bo@acme.example', app: 'Claude', errorCode: 50126 },
      { at: at(1, '08'), upn: 'cy@acme.example', app: 'Perplexity' },
      { at: at(1, '09'), upn: 'bo@acme.example', app: 'Salesforce' },
      // older than a first run reads
      { at: at(45, '09'), upn: 'cy@acme.example', app: 'Claude' },
    ];
    fake.servicePrincipals.set('sp-chatgpt', { appId: 'app-chatgpt', displayName: 'ChatGPT' });
    fake.servicePrincipals.set('sp-claude', { appId: 'app-claude', displayName: 'Claude' });
    fake.servicePrincipals.set('sp-crm', { appId: 'app-crm', displayName: 'Salesforce' });
    fake.users.set('u-ann', { userPrincipalName: 'ann@acme.example', mail: 'Ann@acme.example' });
    fake.users.set('u-cy', { userPrincipalName: 'cy@acme.example', mail: null });
    fake.users.set('u-bo', { userPrincipalName: 'bo@acme.example', mail: null });
    fake.grants = [
      {
        id: 'g1',
        clientId: 'sp-chatgpt',
        consentType: 'Principal',
        principalId: 'u-ann',
        scope: 'openid profile Mail.Read Files.Read.All',
      },
      // an administrator's consent for everyone names no person
      { id: 'g2', clientId: 'sp-claude', consentType: 'AllPrincipals', scope: 'User.Read' },
      {
        id: 'g3',
        clientId: 'sp-crm',
        consentType: 'Principal',
        principalId: 'u-bo',
        scope: 'Mail.Read',
      },
      {
        id: 'g4',
        clientId: 'sp-claude',
        consentType: 'Principal',
        principalId: 'u-cy',
        scope: 'User.Read Calendars.Read',
      },
    ];
    url = await fake.start();
    t = await connectorTestApp(
      'email,name,team\nann@acme.example,Ann,Sales\nbo@acme.example,Bo,Sales\ncy@acme.example,Cy,Ops\n',
    );
    await storeCredential(t, 'entra', CREDENTIAL, url);
  });

  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('should test the connection with a token from the client-credentials flow', async () => {
    const res = await t.http.post('/api/connectors/entra/test').set(bearer(t.tokens.admin));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ connector: 'entra', ok: true, requests: 2 });
    const token = fake.requests[0];
    expect(token.path).toBe(`/${TENANT}/oauth2/v2.0/token`);
    expect(new URLSearchParams(token.body).get('scope')).toBe(
      'https://graph.microsoft.com/.default',
    );
    // the secret goes in the form to the token endpoint only, never as a header to Graph
    expect(JSON.stringify(fake.requests[1].headers)).not.toContain(SECRET);
  });

  it('should record sign-ins to AI apps per person and day and the consents with their scopes', async () => {
    fake.rateLimitNext = 1;
    fake.requests.length = 0;
    fake.filters.length = 0;
    const job = await runSync(t, 'entra');
    expect(job.error).toBeNull();
    expect(job.result).toEqual({
      connector: 'entra',
      // 429 + token; two pages of grants, three service principals, two users; the first app
      // filter's five sign-ins on three pages, the other two filters one empty page each; the
      // non-interactive pass on beta: one empty page for each of the three filters
      requests: 17,
      evidence: { 'oauth-grant': 2, 'sso-signin': 3 },
      people: { resolved: 2, unresolved: 0 },
      tools: { chatgpt: { seats: 0, activeUsers: 1 }, perplexity: { seats: 0, activeUsers: 1 } },
    });
    expect(fake.filters).toHaveLength(3);
    expect(fake.filters[0]).toMatch(
      new RegExp(
        `^createdDateTime ge ${dayAgo(29)}T00:00:00Z and \\(appDisplayName eq 'chatgpt' or `,
      ),
    );
    const signins = (await t.dataSource.query(
      `SELECT tool_id, identity_value, count::int AS count FROM evidence
        WHERE signal = 'sso-signin' ORDER BY first_seen, identity_value`,
    )) as { tool_id: string; identity_value: string; count: number }[];
    expect(signins.map((r) => [r.tool_id, r.identity_value, r.count])).toEqual([
      ['chatgpt', 'ann@acme.example', 2],
      ['chatgpt', 'ann@acme.example', 1],
      ['perplexity', 'cy@acme.example', 1],
    ]);
    const grants = (await t.dataSource.query(
      `SELECT tool_id, identity_value, detail FROM evidence WHERE signal = 'oauth-grant' ORDER BY identity_value`,
    )) as { tool_id: string; identity_value: string; detail: Record<string, unknown> }[];
    expect(grants.map((g) => [g.tool_id, g.identity_value])).toEqual([
      ['chatgpt', 'ann@acme.example'],
      ['claude', 'cy@acme.example'],
    ]);
    expect(grants[0].detail).toMatchObject({
      connector: 'entra',
      clientId: 'app-chatgpt',
      scopes: ['Files.Read.All', 'Mail.Read', 'openid', 'profile'],
      sensitiveScopes: true,
      sensitiveScopeList: ['Files.Read.All', 'Mail.Read'],
      day: dayAgo(0),
    });
    expect(JSON.stringify(grants) + JSON.stringify(signins)).not.toContain('198.51.100.23');
    expect((await connectorCursor(t, 'entra')).cursor).toEqual({
      since: `${dayAgo(1)}T00:00:00Z`,
      grants: { g1: dayAgo(0), g4: dayAgo(0) },
      nonInteractiveSince: `${dayAgo(29)}T00:00:00Z`,
    });
  });

  it('should read from the start of the last day on the next run and add nothing twice', async () => {
    fake.filters.length = 0;
    const job = await runSync(t, 'entra');
    expect(job.state).toBe('completed');
    expect(fake.filters[0]).toMatch(new RegExp(`^createdDateTime ge ${dayAgo(1)}T00:00:00Z and`));
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence WHERE signal IN ('sso-signin', 'oauth-grant')`,
    )) as { n: number }[];
    expect(n).toBe(5);
  });

  it('should add non-interactive sign-ins from Graph beta at a lower confidence, less the days an interactive one shows', async () => {
    fake.signins.push(
      // Ann signed in to ChatGPT that day: her token refresh adds nothing
      { at: at(2, '13'), upn: 'ann@acme.example', app: 'ChatGPT', nonInteractive: true },
      { at: at(2, '14'), upn: 'bo@acme.example', app: 'ChatGPT', nonInteractive: true },
      { at: at(2, '15'), upn: 'bo@acme.example', app: 'ChatGPT', nonInteractive: true },
      { at: at(1, '07'), upn: 'bo@acme.example', app: 'ChatGPT', nonInteractive: true },
      {
        at: at(1, '08'),
        upn: 'bo@acme.example',
        app: 'ChatGPT',
        nonInteractive: true,
        errorCode: 70043,
      },
    );
    await t.dataSource.query(`UPDATE connector SET cursor = NULL WHERE connector_id = 'entra'`);
    fake.requests.length = 0;
    fake.betaFilters.length = 0;
    const job = await runSync(t, 'entra');
    expect(job.error).toBeNull();
    expect(job.result.evidence).toEqual({ 'oauth-grant': 2, 'sso-signin': 5 });
    // a refreshed token is access, not use shown: Bo is not an active ChatGPT user
    expect(job.result.tools.chatgpt).toEqual({ seats: 0, activeUsers: 1 });
    expect(fake.betaFilters[0]).toMatch(
      new RegExp(
        `^signInEventTypes/any\\(t: t eq 'nonInteractiveUser'\\) and createdDateTime ge ${dayAgo(29)}T00:00:00Z and \\(appDisplayName eq 'chatgpt' or `,
      ),
    );
    // five non-interactive sign-ins on three pages, followed by @odata.nextLink
    const beta = fake.requests.filter((r) => r.path === '/beta/auditLogs/signIns');
    expect(beta.filter((r) => r.query.get('$skiptoken') !== null)).toHaveLength(2);
    const rows = (await t.dataSource.query(
      `SELECT identity_value, detail->>'day' AS day, count::int AS count, round(confidence::numeric, 2)::float8 AS confidence,
              detail->>'reason' AS reason, detail->>'interactive' AS interactive
         FROM evidence WHERE signal = 'sso-signin' AND fingerprint LIKE '%:non-interactive:%'
        ORDER BY first_seen`,
    )) as Record<string, unknown>[];
    expect(
      rows.map((r) => [r.identity_value, r.day, r.count, r.confidence, r.interactive]),
    ).toEqual([
      ['bo@acme.example', dayAgo(2), 2, 0.6, 'false'],
      ['bo@acme.example', dayAgo(1), 1, 0.6, 'false'],
    ]);
    expect(rows[0].reason).toMatch(/^non-interactive: a client app refreshed the person’s token/);
    expect((await connectorCursor(t, 'entra')).cursor).toMatchObject({
      since: `${dayAgo(1)}T00:00:00Z`,
      nonInteractiveSince: `${dayAgo(1)}T00:00:00Z`,
    });

    // the next run goes on from its own cursor and adds nothing twice
    fake.betaFilters.length = 0;
    expect((await runSync(t, 'entra')).state).toBe('completed');
    expect(fake.betaFilters[0]).toMatch(
      new RegExp(`createdDateTime ge ${dayAgo(1)}T00:00:00Z and`),
    );
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence WHERE signal = 'sso-signin'`,
    )) as { n: number }[];
    expect(n).toBe(5);
  });

  it('should name the Graph permission a refusal lacks, and keep the cursor', async () => {
    const before = await connectorCursor(t, 'entra');
    fake.forbidden.add('/v1.0/auditLogs');
    const job = await runSync(t, 'entra');
    fake.forbidden.clear();
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(
      /auditLogs\/signIns answered 403: the credential lacks the permission "AuditLog\.Read\.All and Directory\.Read\.All/,
    );
    expect((await connectorCursor(t, 'entra')).cursor).toEqual(before.cursor);
  });

  it('should say an expired client secret is refused, without echoing it', async () => {
    fake.secretExpired = true;
    const res = await t.http.post('/api/connectors/entra/test').set(bearer(t.tokens.admin));
    fake.secretExpired = false;
    expect(res.status).toBe(502);
    expect(res.body.error).toBe('connector-unauthorized');
    expect(res.body.message).toMatch(
      /oauth2\/v2\.0\/token answered 401: the credential is missing, expired or revoked/,
    );
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });

  it('should run from the CLI with ENTRA_TENANT_ID, ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET', async () => {
    // the CLI's entry in this process; cursor-connector e2e runs `sync` as a real one
    const r = await runCliInProcess(['sync', 'entra', '--api-url', url, '--json'], {
      ...t.env,
      ENTRA_TENANT_ID: TENANT,
      ENTRA_CLIENT_ID: CLIENT,
      ENTRA_CLIENT_SECRET: SECRET,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as SyncJson;
    expect(json).toMatchObject({ connector: 'entra', evidence: { 'oauth-grant': 2 } });
  });
});
