import { bearer, createTestApp, TestApp, waitForJob } from '../support/test-app';

// Issue #15, per-action policy: ChatGPT is sanctioned for chat and prohibited for uploads. A Squid
// proxy that inspects TLS logs full URLs; the catalog's action rules read them, the roll-ups keep
// the action, and correlation raises a violation for the person who uploaded, none for the one
// who only chatted.
const T0 = Date.UTC(2026, 10, 20, 9, 0, 0) / 1000;
const line = (s: number, user: string, method: string, url: string, bytes = 2048) =>
  `${T0 + s}.000    140 10.0.0.${user === 'alice@corp.example' ? 5 : 6} TCP_MISS/200 ${bytes} ${method} ${url} ${user} HIER_DIRECT/104.18.32.47 application/json`;

const SQUID_LOG = [
  // alice only chats
  line(0, 'alice@corp.example', 'GET', 'https://chatgpt.com/'),
  line(5, 'alice@corp.example', 'POST', 'https://chatgpt.com/backend-api/f/conversation'),
  line(9, 'alice@corp.example', 'POST', 'https://chatgpt.com/backend-api/conversation?x=1'),
  // bob chats and uploads a file: the signed URL, then the bytes to the file store
  line(20, 'bob@corp.example', 'POST', 'https://chatgpt.com/backend-api/f/conversation'),
  line(30, 'bob@corp.example', 'POST', 'https://chatgpt.com/backend-api/files'),
  line(
    31,
    'bob@corp.example',
    'PUT',
    'https://sdmntprwestus.oaiusercontent.com/files/00000000-2554/raw?se=2026&sig=x',
  ),
  // a lookalike path is no upload: the rule is the whole path, not a prefix
  line(40, 'alice@corp.example', 'POST', 'https://chatgpt.com/backend-api/files-and-more'),
].join('\n');

const DIRECTORY = [
  'email,name,team',
  'alice@corp.example,Alice,Research',
  'bob@corp.example,Bob,Sales',
].join('\n');

interface FindingItem {
  id: string;
  subjectId: string;
  toolId: string;
  sanctionStatus: string;
  shadow: boolean;
  factors: { key: string; reason: string }[];
}

describe('per-action policy from a proxy log that carries URL paths', () => {
  let t: TestApp;
  let personOf: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const people = await t.http
      .post('/api/people/imports/csv')
      .set(bearer(t.tokens.coe))
      .send({ csv: DIRECTORY, fileName: 'directory.csv' });
    expect(people.status).toBe(201);
    const list = await t.http.get('/api/people').set(bearer(t.tokens.coe));
    personOf = new Map(
      (list.body as { id: string; email: string }[]).map((p) => [p.id, p.email.split('@')[0]]),
    );
  }, 60_000);

  afterAll(() => t.close());

  it('should take a status per action through the API and refuse an unknown action', async () => {
    const bad = await t.http
      .put('/api/catalog/tools/chatgpt/policy')
      .set(bearer(t.tokens.coe))
      .send({ status: 'sanctioned', actions: { teleport: 'prohibited' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalid-input');
    const leader = await t.http
      .put('/api/catalog/tools/chatgpt/policy')
      .set(bearer(t.tokens.leader))
      .send({ status: 'sanctioned', actions: { upload: 'prohibited' } });
    expect(leader.status).toBe(403);
    const res = await t.http
      .put('/api/catalog/tools/chatgpt/policy')
      .set(bearer(t.tokens.coe))
      .send({ status: 'sanctioned', actions: { chat: 'sanctioned', upload: 'prohibited' } });
    expect(res.status).toBe(200);
    expect(res.body.actions).toEqual({ chat: 'sanctioned', upload: 'prohibited' });
    const yaml = await t.http.get('/api/catalog/policy.yaml').set(bearer(t.tokens.coe));
    if (yaml.status === 200) expect(yaml.text).toContain('upload: prohibited');
  });

  it('should keep the action in the roll-ups and name it in the finding of the person who uploaded', async () => {
    const upload = await t.http
      .post('/api/network/uploads?name=squid-access.log')
      .set(bearer(t.tokens.security))
      .set('content-type', 'application/octet-stream')
      .send(Buffer.from(`${SQUID_LOG}\n`));
    expect(upload.status).toBe(202);
    await expect(waitForJob(t, upload.body.jobId)).resolves.toMatchObject({ state: 'completed' });

    const rollups: { who: string; action: string; requests: number }[] = await t.dataSource.query(
      `SELECT identity_value AS who, action, SUM(requests)::int AS requests
         FROM network_usage_daily WHERE tool_id = 'chatgpt' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const byPerson = rollups.map((r) => `${r.who.split('@')[0]} ${r.action || '-'} ${r.requests}`);
    expect(byPerson).toEqual(['alice - 2', 'alice chat 2', 'bob chat 1', 'bob upload 2']);

    const queued = await t.http.post('/api/findings/correlate').set(bearer(t.tokens.security));
    expect(queued.status).toBe(202);
    await expect(waitForJob(t, queued.body.id, 60_000)).resolves.toMatchObject({
      state: 'completed',
    });
    const res = await t.http
      .get('/api/findings?subjectType=person&toolId=chatgpt')
      .set(bearer(t.tokens.security));
    expect(res.status).toBe(200);
    const byWho = new Map(
      (res.body.items as FindingItem[]).map((f) => [personOf.get(f.subjectId), f]),
    );
    const bob = byWho.get('bob');
    const alice = byWho.get('alice');
    expect(bob).toMatchObject({ sanctionStatus: 'violation', shadow: true });
    expect(bob?.factors).toContainEqual(
      expect.objectContaining({
        key: 'violation.action',
        reason: 'upload to ChatGPT (prohibited for uploads)',
      }),
    );
    // chatting is what the policy allows: no violation, no shadow use
    expect(alice).toMatchObject({ sanctionStatus: 'sanctioned', shadow: false });
    expect(alice?.factors.map((f) => f.key)).not.toContain('violation.action');

    // the evidence behind bob's finding carries the actions and their counts
    const detail = await t.http.get(`/api/findings/${bob?.id}`).set(bearer(t.tokens.security));
    expect(detail.status).toBe(200);
    expect(detail.body.evidence[0].detail.actions).toEqual({
      chat: { requests: 1, bytesUp: 0 },
      upload: { requests: 2, bytesUp: 0 }, // Squid's native format logs no bytes sent up
    });
  }, 120_000);
});
