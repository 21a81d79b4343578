import { randomBytes } from 'node:crypto';
import { ConnectorSchedulerService } from '../../../src/signals/vendors/connector-scheduler.service';
import { FakeCursor } from '../../support/fake-cursor';
import { runCliAsync } from '../../support/processes';
import { bearer, createTestApp, type TestApp, waitForJob } from '../../support/test-app';

const KEY = 'key_live_cursor_admin_0123456789';
const DAY = 86_400_000;
const dayAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

interface SyncJson {
  connector: string;
  requests: number;
  evidence: Record<string, number>;
  people: { resolved: number; unresolved: number };
  tools: Record<string, { seats: number; activeUsers: number }>;
}

// The Cursor connector end to end: credential sealed at rest, a run through the job API against a
// stand-in of the Admin API, the cursor moved only past what was stored, the vendor's refusals
// named, and the personal-account finding from the join with network logs.
describe('Cursor connector', () => {
  let t: TestApp;
  let fake: FakeCursor;
  let url: string;

  beforeAll(async () => {
    fake = new FakeCursor(KEY);
    fake.members = [
      { name: 'Ann', email: 'Ann@acme.example', role: 'owner' },
      { name: 'Bo', email: 'bo@acme.example', role: 'member' },
      { name: 'Old', email: 'old@acme.example', role: 'member', isRemoved: true },
    ];
    fake.usage = [
      { day: dayAgo(2), email: 'ann@acme.example', chatRequests: 4, totalTabsAccepted: 20 },
      { day: dayAgo(5), email: 'ann@acme.example', agentRequests: 3 },
      // a personal address outside the directory
      { day: dayAgo(3), email: 'zed@personal.example', chatRequests: 1 },
      // older than a first run reads
      { day: dayAgo(45), email: 'bo@acme.example', chatRequests: 9 },
    ];
    url = await fake.start();
    t = await createTestApp({
      env: { CONNECTOR_CREDENTIALS_KEY: randomBytes(32).toString('base64') },
    });
    const dir = await t.http.post('/api/people/imports/csv').set(bearer(t.tokens.coe)).send({
      fileName: 'directory.csv',
      csv: 'email,name,team\nann@acme.example,Ann,Platform\nbo@acme.example,Bo,Platform\ncarl@acme.example,Carl,Web\n',
    });
    expect(dir.status).toBe(201);
  });

  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  async function sync(): Promise<{ state: string; result: SyncJson; error: string | null }> {
    const res = await t.http.post('/api/connectors/cursor/sync').set(bearer(t.tokens.coe));
    expect(res.status).toBe(202);
    const job = await waitForJob(t, res.body.id as string);
    return job as unknown as { state: string; result: SyncJson; error: string | null };
  }

  it('should keep the credential sealed: stored by an admin, never shown, refused to other roles', async () => {
    const denied = await t.http
      .put('/api/connectors/cursor/credential')
      .set(bearer(t.tokens.coe))
      .send({ credential: KEY, apiUrl: url });
    expect(denied.status).toBe(403);
    const put = await t.http
      .put('/api/connectors/cursor/credential')
      .set(bearer(t.tokens.admin))
      .send({ credential: KEY, apiUrl: url });
    expect(put.status).toBe(204);
    const list = await t.http.get('/api/connectors').set(bearer(t.tokens.coe));
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(KEY);
    expect(list.body.connectors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'cursor', credentialStored: true, apiUrl: url }),
      ]),
    );
    const [row] = (await t.dataSource.query(
      `SELECT sealed_credential FROM connector WHERE connector_id = 'cursor'`,
    )) as { sealed_credential: string }[];
    expect(row.sealed_credential).not.toContain(KEY);
    expect(Buffer.from(row.sealed_credential, 'base64').toString('latin1')).not.toContain(KEY);
    const audit = await t.http
      .get('/api/audit?action=connector.credential.set')
      .set(bearer(t.tokens.admin));
    expect(JSON.stringify(audit.body)).not.toContain(KEY);
  });

  it('should test the connection with the stored credential', async () => {
    const res = await t.http.post('/api/connectors/cursor/test').set(bearer(t.tokens.admin));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ connector: 'cursor', ok: true, requests: 1 });
  });

  it('should read seats and daily use into evidence and count them as the contract says', async () => {
    fake.rateLimitNext = 1; // the first call is rate limited once and retried
    const job = await sync();
    expect(job.error).toBeNull();
    expect(job.state).toBe('completed');
    expect(job.result).toEqual({
      connector: 'cursor',
      // members (429, then 200) and one 30-day usage window
      requests: 3,
      evidence: { seat: 2, 'vendor-usage': 3 },
      people: { resolved: 2, unresolved: 1 },
      tools: { cursor: { seats: 2, activeUsers: 2 } },
    });
    const rows = (await t.dataSource.query(
      `SELECT identity_value, count::int AS count FROM evidence WHERE signal = 'vendor-usage' ORDER BY first_seen`,
    )) as { identity_value: string; count: number }[];
    expect(rows).toEqual([
      { identity_value: 'ann@acme.example', count: 3 },
      { identity_value: 'zed@personal.example', count: 1 },
      { identity_value: 'ann@acme.example', count: 24 },
    ]);
  });

  it('should read again from the last day stored, not from the start, and change nothing twice', async () => {
    fake.requests.length = 0;
    const job = await sync();
    expect(job.state).toBe('completed');
    const usageCall = fake.requests.find((r) => r.path === '/teams/daily-usage-data');
    expect((usageCall?.body as { startDate: number }).startDate).toBe(
      Date.parse(`${dayAgo(0)}T00:00:00Z`),
    );
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence WHERE signal = 'vendor-usage'`,
    )) as { n: number }[];
    expect(n).toBe(3);
  });

  it('should name the permission a refusal lacks, and keep the cursor where it was', async () => {
    const [before] = (await t.dataSource.query(
      `SELECT cursor FROM connector WHERE connector_id = 'cursor'`,
    )) as { cursor: unknown }[];
    fake.forbidUsage = true;
    const job = await sync();
    fake.forbidUsage = false;
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(
      /\/teams\/daily-usage-data answered 403: the credential lacks the permission "team admin API key"/,
    );
    const [after] = (await t.dataSource.query(
      `SELECT cursor, last_status FROM connector WHERE connector_id = 'cursor'`,
    )) as { cursor: unknown; last_status: string }[];
    expect(after.cursor).toEqual(before.cursor);
    expect(after.last_status).toBe('failed');
  });

  it('should say an expired key is refused, without echoing it', async () => {
    await t.http
      .put('/api/connectors/cursor/credential')
      .set(bearer(t.tokens.admin))
      .send({ credential: 'key_expired_0000000000', apiUrl: url })
      .expect(204);
    const res = await t.http.post('/api/connectors/cursor/test').set(bearer(t.tokens.admin));
    expect(res.status).toBe(502);
    expect(res.body.error).toBe('connector-unauthorized');
    expect(res.body.message).toMatch(/missing, expired or revoked/);
    expect(JSON.stringify(res.body)).not.toContain('key_expired');
    await t.http
      .put('/api/connectors/cursor/credential')
      .set(bearer(t.tokens.admin))
      .send({ credential: KEY, apiUrl: url })
      .expect(204);
  });

  it('should find the personal account: Cursor traffic from someone with no seat of the tenant', async () => {
    await t.http
      .put('/api/catalog/tools/cursor/policy')
      .set(bearer(t.tokens.coe))
      .send({ status: 'sanctioned', dataClasses: ['internal'], tenantBound: true })
      .expect(200);
    const base = Math.floor(Date.now() / 1000) - 6 * 86_400;
    const lines = [0, 1, 2].flatMap((d) =>
      ['carl@acme.example', 'ann@acme.example'].map(
        (user) =>
          `${base + d * 86_400}.000    120 10.0.0.9 TCP_TUNNEL/200 4096 CONNECT api2.cursor.sh:443 ${user} HIER_DIRECT/1.2.3.4 -`,
      ),
    );
    const upload = await t.http
      .post('/api/network/uploads?name=proxy.log')
      .set(bearer(t.tokens.security))
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from(lines.join('\n') + '\n'))
      .expect(202);
    expect((await waitForJob(t, upload.body.jobId as string)).state).toBe('completed');
    const correlate = await t.http.post('/api/findings/correlate').set(bearer(t.tokens.coe));
    expect((await waitForJob(t, correlate.body.id as string)).state).toBe('completed');
    const list = await t.http
      .get('/api/findings?toolId=cursor&limit=50')
      .set(bearer(t.tokens.security));
    expect(list.status).toBe(200);
    const items = list.body.items as {
      id: string;
      subjectLabel?: string;
      subjectId: string;
      factors: { key: string }[];
    }[];
    const people = (await t.dataSource.query(`SELECT id, email FROM person`)) as {
      id: string;
      email: string;
    }[];
    const idOf = (email: string) => people.find((p) => p.email === email)?.id;
    const carl = items.find((f) => f.subjectId === idOf('carl@acme.example'));
    const ann = items.find((f) => f.subjectId === idOf('ann@acme.example'));
    expect(carl?.factors.map((f) => f.key)).toContain('violation.personal-account');
    expect(ann).toBeDefined();
    expect(ann?.factors.map((f) => f.key)).not.toContain('violation.personal-account');
  });

  it('should queue a scheduled run once however many processes tick', async () => {
    const res = await t.http
      .put('/api/connectors/cursor/schedule')
      .set(bearer(t.tokens.admin))
      .send({ everyMinutes: 60 });
    expect(res.status).toBe(200);
    await t.dataSource.query(`UPDATE connector SET last_run_at = now() - interval '2 hours'`);
    const scheduler = t.app.get(ConnectorSchedulerService);
    const [first, second] = await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect([...first, ...second]).toEqual(['cursor']);
    expect(await scheduler.tick()).toEqual([]);
    const tooOften = await t.http
      .put('/api/connectors/cursor/schedule')
      .set(bearer(t.tokens.admin))
      .send({ everyMinutes: 1 });
    expect(tooOften.status).toBe(400);
  });

  it('should run from the CLI with the key from the environment and print the contract', async () => {
    const r = await runCliAsync(['sync', 'cursor', '--api-url', url, '--json'], {
      ...t.env,
      CURSOR_API_KEY: KEY,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as SyncJson;
    expect(json).toMatchObject({ connector: 'cursor', tools: { cursor: { seats: 2 } } });
    expect(Object.keys(json).sort()).toEqual([
      'connector',
      'evidence',
      'people',
      'requests',
      'tools',
    ]);
    const bad = await runCliAsync(['sync', 'nope', '--json'], { ...t.env });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/no connector "nope"/);
  });
});
