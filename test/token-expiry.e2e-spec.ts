import { runCli, runCliInProcess } from './support/processes';
import { bearer, createTestApp, type TestApp } from './support/test-app';

describe('API tokens with an expiry', () => {
  let t: TestApp;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    env = { DATABASE_URL: t.env.DATABASE_URL, LOG_LEVEL: 'error' };
  });
  afterAll(async () => {
    await t.close();
  });

  const expire = (id: string) =>
    t.dataSource.query(
      `UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [id],
    );

  it('should accept a token until it expires and answer 401 after', async () => {
    const created = await t.http
      .post('/api/tokens')
      .set(bearer(t.tokens.admin))
      .send({ name: 'short-lived', role: 'leader', expiresIn: '12h' })
      .expect(201);
    const expiresAt = Date.parse(created.body.info.expiresAt);
    expect(Math.abs(expiresAt - (Date.now() + 12 * 3_600_000))).toBeLessThan(60_000);
    await t.http.get('/api/me').set(bearer(created.body.token)).expect(200);
    await expire(created.body.info.id);
    const refused = await t.http.get('/api/me').set(bearer(created.body.token)).expect(401);
    expect(refused.body.message).toMatch(/expired/);
  });

  it('should refuse an expiry it cannot read, naming the field', async () => {
    const bad = await t.http
      .post('/api/tokens')
      .set(bearer(t.tokens.admin))
      .send({ name: 'x', role: 'leader', expiresIn: 'next year' })
      .expect(400);
    expect(bad.body.message).toMatch(/expires-in must be .*"next year"/);
  });

  it('should create a token with --expires-in and show its expiry in token list', async () => {
    const created = runCli(
      ['token', 'create', '--role', 'coe', '--name', 'ci', '--expires-in', '30d', '--json'],
      env,
    );
    expect(created.status).toBe(0);
    const token = JSON.parse(created.stdout);
    const day = new Date(Date.parse(token.expiresAt)).toISOString().slice(0, 10);
    expect(Math.abs(Date.parse(token.expiresAt) - (Date.now() + 30 * 86_400_000))).toBeLessThan(
      120_000,
    );
    // created by a real process; the same entry in this process from here
    const listed = await runCliInProcess(['token', 'list'], env);
    expect(listed.stdout).toMatch(new RegExp(`${token.id}.*ci  \\(expires ${day}\\)`));
    const json = JSON.parse((await runCliInProcess(['token', 'list', '--json'], env)).stdout);
    expect(json.tokens).toContainEqual(
      expect.objectContaining({ id: token.id, expiresAt: token.expiresAt }),
    );
    await expire(token.id);
    expect((await runCliInProcess(['token', 'list'], env)).stdout).toMatch(
      new RegExp(`${token.id}.*ci  \\(expired \\d{4}-\\d{2}-\\d{2}\\)`),
    );
    const bad = await runCliInProcess(
      ['token', 'create', '--role', 'coe', '--name', 'x', '--expires-in', '30'],
      env,
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^ai-census: expires-in must be/);
  });
});
