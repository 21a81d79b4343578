import { FakeChatGpt } from '../../support/fake-chatgpt';
import {
  connectorTestApp,
  runSync,
  type SyncJson,
  storeCredential,
} from '../../support/connector-e2e';
import { runCliInProcess } from '../../support/processes';
import { bearer, createTestApp, type TestApp } from '../../support/test-app';

const KEY = 'sk-compliance-stand-in-0123456789';
const WORKSPACE = '2f1c7a9e-5d3b-4c8e-9f60-1a2b3c4d5e6f';

// ChatGPT Enterprise workspace members end to end against a stand-in of the Compliance API:
// members over pages as seats of the organisation's ChatGPT, deactivated members' seats removed,
// a 429 retried, the workspace from CHATGPT_WORKSPACE_ID, a refusal naming the permission, an
// expired key, and the CLI.
jest.setTimeout(180_000); // the CLI run starts a process: slow on a loaded machine

describe('ChatGPT Enterprise connector', () => {
  let t: TestApp;
  let fake: FakeChatGpt;
  let url: string;

  beforeAll(async () => {
    fake = new FakeChatGpt(KEY, WORKSPACE);
    fake.members = [
      {
        id: 'user-1',
        email: 'Ann@acme.example',
        name: 'Ann',
        role: 'account-owner',
        status: 'active',
      },
      {
        id: 'user-2',
        email: 'bo@acme.example',
        name: 'Bo',
        role: 'standard-user',
        status: 'active',
      },
      {
        id: 'user-3',
        email: 'cy@acme.example',
        name: 'Cy',
        role: 'standard-user',
        status: 'pending',
      },
      {
        id: 'user-4',
        email: 'dee@acme.example',
        name: 'Dee',
        role: 'standard-user',
        status: 'deactivated',
      },
    ];
    url = await fake.start();
    t = await connectorTestApp(
      'email,name,team\nann@acme.example,Ann,Sales\nbo@acme.example,Bo,Sales\ncy@acme.example,Cy,Ops\n',
      { CHATGPT_WORKSPACE_ID: WORKSPACE },
    );
    await storeCredential(t, 'chatgpt', KEY, url);
  });

  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('should read every page of workspace members as seats, over a rate limit', async () => {
    fake.rateLimitNext = 1;
    fake.requests.length = 0;
    const job = await runSync(t, 'chatgpt');
    expect(job.error).toBeNull();
    expect(job.result).toEqual({
      connector: 'chatgpt',
      // 429, then two pages of two
      requests: 3,
      evidence: { seat: 3 },
      people: { resolved: 3, unresolved: 0 },
      tools: { chatgpt: { seats: 3, activeUsers: 0 } },
    });
    expect(fake.requests[2].query.get('after')).toBe('user-2');
    const seats = (await t.dataSource.query(
      `SELECT identity_value, detail->>'status' AS status, detail->>'role' AS role FROM evidence
        WHERE signal = 'seat' ORDER BY identity_value`,
    )) as { identity_value: string; status: string; role: string }[];
    expect(seats).toEqual([
      { identity_value: 'ann@acme.example', status: 'active', role: 'account-owner' },
      { identity_value: 'bo@acme.example', status: 'active', role: 'standard-user' },
      { identity_value: 'cy@acme.example', status: 'pending', role: 'standard-user' },
    ]);
  });

  it('should name the permission a refusal lacks, and say an expired key is refused', async () => {
    fake.forbidden.add('/v1/compliance');
    const forbidden = await t.http.post('/api/connectors/chatgpt/test').set(bearer(t.tokens.admin));
    fake.forbidden.clear();
    expect(forbidden.status).toBe(502);
    expect(forbidden.body.message).toMatch(
      /answered 403: the credential lacks the permission "a Compliance API key/,
    );
    await storeCredential(t, 'chatgpt', 'sk-compliance-expired-0000', url);
    const expired = await t.http.post('/api/connectors/chatgpt/test').set(bearer(t.tokens.admin));
    expect(expired.status).toBe(502);
    expect(expired.body.error).toBe('connector-unauthorized');
    expect(JSON.stringify(expired.body)).not.toContain('expired-0000');
    await storeCredential(t, 'chatgpt', KEY, url);
  });

  it('should say which setting names the workspace when none is set', async () => {
    const bare = await createTestApp({
      env: { CONNECTOR_CREDENTIALS_KEY: t.env.CONNECTOR_CREDENTIALS_KEY },
    });
    try {
      await storeCredential(bare, 'chatgpt', KEY, url);
      const res = await bare.http
        .post('/api/connectors/chatgpt/test')
        .set(bearer(bare.tokens.admin));
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/set CHATGPT_WORKSPACE_ID/);
    } finally {
      await bare.close();
    }
  });

  it('should run from the CLI with CHATGPT_COMPLIANCE_KEY and CHATGPT_WORKSPACE_ID', async () => {
    // the CLI's entry in this process; cursor-connector e2e runs `sync` as a real one
    const r = await runCliInProcess(['sync', 'chatgpt', '--api-url', url, '--json'], {
      ...t.env,
      CHATGPT_COMPLIANCE_KEY: KEY,
      CHATGPT_WORKSPACE_ID: WORKSPACE,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout) as SyncJson).toMatchObject({
      connector: 'chatgpt',
      evidence: { seat: 3 },
    });
  });
});
