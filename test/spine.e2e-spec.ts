import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../src/auth/roles.decorator';
import { bearer, createTestApp, TestApp, waitForJob } from './support/test-app';

describe('spine over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('should serve liveness and readiness without a token', async () => {
    await t.http.get('/health').expect(200);
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.info.database.status).toBe('up');
    expect(ready.body.info.queue).toEqual({ status: 'up', transport: 'in-process' });
  });

  it('should publish the OpenAPI document when asked for /api/docs-json', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/tokens', '/api/jobs/{id}']),
    );
  });

  it('should answer 401 without a token and with an unknown one', async () => {
    const none = await t.http.get('/api/tokens').expect(401);
    expect(none.body.message).toMatch(/Bearer/);
    await t.http
      .get('/api/tokens')
      .set(bearer('aic_' + 'x'.repeat(43)))
      .expect(401);
  });

  it('should answer 403 naming the roles when the role is wrong', async () => {
    const res = await t.http.get('/api/tokens').set(bearer(t.tokens.leader)).expect(403);
    expect(res.body.message).toContain('admin');
    await t.http.get('/api/audit').set(bearer(t.tokens.coe)).expect(403);
    await t.http.post('/api/jobs/diagnostics').set(bearer(t.tokens.security)).send({}).expect(403);
  });

  it('should declare roles or @Public on every route', () => {
    const discovery = t.app.get(DiscoveryService);
    const scanner = t.app.get(MetadataScanner);
    const reflector = t.app.get(Reflector);
    const undeclared: string[] = [];
    let routes = 0;
    for (const wrapper of discovery.getControllers()) {
      const proto = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
      for (const method of scanner.getAllMethodNames(proto)) {
        const handler = proto[method] as () => unknown;
        if (!Reflect.getMetadata('path', handler)) continue;
        routes++;
        const targets = [handler, wrapper.metatype as object as () => unknown];
        const roles = reflector.getAllAndOverride<string[]>(ROLES_KEY, targets);
        const open = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
        if (!open && !(roles && roles.length > 0)) undeclared.push(`${wrapper.name}.${method}`);
      }
    }
    expect(routes).toBeGreaterThan(5);
    expect(undeclared).toEqual([]);
  });

  it('should create a token once, list it without its secret and revoke it', async () => {
    const created = await t.http
      .post('/api/tokens')
      .set(bearer(t.tokens.admin))
      .send({ name: 'ci', role: 'leader' })
      .expect(201);
    const secret: string = created.body.token;
    expect(secret).toMatch(/^aic_/);
    await t.http
      .get('/api/me')
      .set(bearer(secret))
      .expect(200, { tokenId: created.body.info.id, name: 'ci', role: 'leader' });

    const list = await t.http.get('/api/tokens').set(bearer(t.tokens.admin)).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(list.body.map((x: { name: string }) => x.name)).toContain('ci');

    await t.http
      .delete(`/api/tokens/${created.body.info.id}`)
      .set(bearer(t.tokens.admin))
      .expect(204);
    await t.http.get('/api/me').set(bearer(secret)).expect(401);
    await t.http
      .delete(`/api/tokens/${created.body.info.id}`)
      .set(bearer(t.tokens.admin))
      .expect(409);

    const audit = await t.http
      .get('/api/audit?targetType=token')
      .set(bearer(t.tokens.security))
      .expect(200);
    const actions = audit.body.map(
      (e: { action: string; targetId: string }) => `${e.action}:${e.targetId}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        `token.create:${created.body.info.id}`,
        `token.revoke:${created.body.info.id}`,
      ]),
    );
    expect(JSON.stringify(audit.body)).not.toContain(secret);
  });

  it('should reject unknown and invalid fields with a message naming them', async () => {
    const extra = await t.http
      .post('/api/tokens')
      .set(bearer(t.tokens.admin))
      .send({ name: 'x', role: 'admin', colour: 'red' })
      .expect(400);
    expect(extra.body.message).toContain('colour');
    const badRole = await t.http
      .post('/api/tokens')
      .set(bearer(t.tokens.admin))
      .send({ name: 'x', role: 'root' })
      .expect(400);
    expect(badRole.body.message).toMatch(/role must be one of/);
    const missing = await t.http
      .get('/api/jobs/no-such-job')
      .set(bearer(t.tokens.admin))
      .expect(404);
    expect(missing.body).toMatchObject({
      error: 'not-found',
      message: 'No job with id no-such-job',
    });
  });

  it('should run a queued job in-process and show its progress and result', async () => {
    const queued = await t.http
      .post('/api/jobs/diagnostics')
      .set(bearer(t.tokens.admin))
      .send({ steps: 4, stepMs: 150 })
      .expect(202);
    expect(['queued', 'running']).toContain(queued.body.state);
    const seen = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const res = await t.http
        .get(`/api/jobs/${queued.body.id}`)
        .set(bearer(t.tokens.coe))
        .expect(200);
      seen.add(res.body.progress);
      if (res.body.state === 'completed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const done = await waitForJob(t, queued.body.id);
    expect(done).toMatchObject({
      state: 'completed',
      progress: 100,
      counts: { steps: 4, of: 4 },
      attempts: 1,
    });
    expect((done.result as { databaseRoundTrips: number }).databaseRoundTrips).toBe(4);
    expect([...seen].some((p) => p > 0 && p < 100)).toBe(true);
    // A leader follows report jobs only: other results can name people.
    const refused = await t.http
      .get(`/api/jobs/${queued.body.id}`)
      .set(bearer(t.tokens.leader))
      .expect(403);
    expect(refused.body.message).toMatch(/report jobs only/);
  });
});

describe('job failures', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { JOB_ATTEMPTS: '3' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('should fail a job with bad input once, with its reason, and not retry it', async () => {
    const q = await t.http
      .post('/api/jobs/diagnostics')
      .set(bearer(t.tokens.admin))
      .send({ steps: 3, stepMs: 0, failAtStep: 2, failure: 'invalid-input' })
      .expect(202);
    const done = await waitForJob(t, q.body.id);
    expect(done).toMatchObject({ state: 'failed', attempts: 1 });
    expect(done.error).toBe('diagnostics: asked to fail at step 2 as bad input');
  });

  it('should retry a passing fault up to JOB_ATTEMPTS and then fail it', async () => {
    const q = await t.http
      .post('/api/jobs/diagnostics')
      .set(bearer(t.tokens.admin))
      .send({ steps: 2, stepMs: 0, failAtStep: 1, failure: 'transient' })
      .expect(202);
    const done = await waitForJob(t, q.body.id, 20_000);
    expect(done).toMatchObject({ state: 'failed', attempts: 3 });
    expect(done.error).toBe('diagnostics: asked to fail at step 1 (try 3)');
  });
});
