import { bearer, createTestApp, TestApp } from './support/test-app';

describe('catalog over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const auditOf = (action: string, targetId: string) =>
    t.dataSource.query(
      `SELECT actor_name, actor_role, detail FROM audit_event
        WHERE action = $1 AND target_type = 'tool' AND target_id = $2 ORDER BY id`,
      [action, targetId],
    ) as Promise<{ actor_name: string; actor_role: string; detail: Record<string, unknown> }[]>;

  it('should answer 401 without a token', async () => {
    await t.http.get('/api/catalog/tools').expect(401);
    await t.http.put('/api/catalog/tools/cursor/policy').send({ status: 'sanctioned' }).expect(401);
  });

  it('should let every role read, filter and search the catalog', async () => {
    for (const role of ['admin', 'coe', 'security', 'leader'] as const) {
      const res = await t.http.get('/api/catalog/tools').set(bearer(t.tokens[role])).expect(200);
      expect(res.body.tools.length).toBeGreaterThanOrEqual(200);
    }
    const local = await t.http
      .get('/api/catalog/tools?category=local-runtime')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(local.body.tools.map((x: { id: string }) => x.id)).toContain('ollama');
    expect(
      local.body.tools.every((x: { category: string }) => x.category === 'local-runtime'),
    ).toBe(true);
    const apps = await t.http
      .get('/api/catalog/tools?signal=app-installation&q=claude')
      .set(bearer(t.tokens.security))
      .expect(200);
    expect(apps.body.tools.map((x: { id: string }) => x.id)).toEqual(['claude-code']);
    const one = await t.http
      .get('/api/catalog/tools/claude-code')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(one.body).toMatchObject({ id: 'claude-code', policy: { status: 'unreviewed' } });
    await t.http.get('/api/catalog/tools/no-such-tool').set(bearer(t.tokens.leader)).expect(404);
    await t.http
      .get('/api/catalog/tools?category=toaster')
      .set(bearer(t.tokens.leader))
      .expect(400);
  });

  it('should answer 403 when a security or leader token changes policy or tools', async () => {
    for (const role of ['security', 'leader'] as const) {
      await t.http
        .put('/api/catalog/tools/cursor/policy')
        .set(bearer(t.tokens[role]))
        .send({ status: 'sanctioned' })
        .expect(403);
      await t.http
        .post('/api/catalog/policies/import')
        .set(bearer(t.tokens[role]))
        .send({ yaml: 'version: 1\npolicies: {}\n' })
        .expect(403);
      await t.http
        .post('/api/catalog/custom-tools')
        .set(bearer(t.tokens[role]))
        .send({ id: 'x', name: 'x', vendor: 'x', category: 'other', rules: {} })
        .expect(403);
    }
  });

  it('should set a policy and audit the change when coe decides', async () => {
    const res = await t.http
      .put('/api/catalog/tools/github-copilot/policy')
      .set(bearer(t.tokens.coe))
      .send({
        status: 'sanctioned',
        dataClasses: ['internal', 'public'],
        tenantBound: true,
        note: 'Org seats only',
      })
      .expect(200);
    expect(res.body).toMatchObject({
      toolId: 'github-copilot',
      status: 'sanctioned',
      dataClasses: ['internal', 'public'],
      tenantBound: true,
      decidedBy: 'test-coe',
    });
    const tool = await t.http
      .get('/api/catalog/tools/github-copilot')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(tool.body.policy).toMatchObject({
      status: 'sanctioned',
      tenantBound: true,
      note: 'Org seats only',
    });
    const sanctioned = await t.http
      .get('/api/catalog/tools?status=sanctioned')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(sanctioned.body.tools.map((x: { id: string }) => x.id)).toEqual(['github-copilot']);
    const events = await auditOf('policy.update', 'github-copilot');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor_name: 'test-coe',
      actor_role: 'coe',
      detail: { via: 'api', before: { status: 'unreviewed' }, after: { status: 'sanctioned' } },
    });
  });

  it('should refuse a policy with a bad status, data class or tool', async () => {
    const bad = await t.http
      .put('/api/catalog/tools/cursor/policy')
      .set(bearer(t.tokens.admin))
      .send({ status: 'allowed', dataClasses: ['secret'] })
      .expect(400);
    expect(bad.body.message).toMatch(/status must be one of/);
    expect(bad.body.message).toMatch(/dataClasses must hold only/);
    await t.http
      .put('/api/catalog/tools/no-such-tool/policy')
      .set(bearer(t.tokens.admin))
      .send({ status: 'sanctioned' })
      .expect(404);
  });

  it('should export the policy as YAML and import an edited file as one change set', async () => {
    const exported = await t.http
      .get('/api/catalog/policies/export')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(exported.headers['content-type']).toMatch(/yaml/);
    expect(exported.text).toMatch(/github-copilot:\n\s+status: sanctioned/);
    const edited = `${exported.text}  chatgpt:\n    status: prohibited\n    note: use the enterprise tenant\n`;
    const imported = await t.http
      .post('/api/catalog/policies/import')
      .set(bearer(t.tokens.admin))
      .send({ yaml: edited })
      .expect(200);
    expect(imported.body).toEqual({ changed: 1, unchanged: 1, factsChanged: 0 });
    const chatgpt = await t.http
      .get('/api/catalog/tools/chatgpt')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(chatgpt.body.policy).toMatchObject({ status: 'prohibited', decidedBy: 'test-admin' });
    expect(await auditOf('policy.update', 'chatgpt')).toMatchObject([
      { detail: { via: 'import' } },
    ]);

    const broken = await t.http
      .post('/api/catalog/policies/import')
      .set(bearer(t.tokens.admin))
      .send({
        yaml: 'version: 1\npolicies:\n  cursor:\n    status: sanctioned\n  nope:\n    status: banned\n',
      })
      .expect(400);
    expect(broken.body.message).toMatch(/line 5: policies\.nope is not a tool/);
    const cursor = await t.http
      .get('/api/catalog/tools/cursor')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(cursor.body.policy.status).toBe('unreviewed');
  });

  it('should add a custom tool to the matcher, refuse a conflicting one and remove it', async () => {
    const tool = {
      id: 'acme-llm-gateway',
      name: 'ACME LLM Gateway',
      vendor: 'ACME internal',
      category: 'llm-api',
      rules: { domains: ['llm.acme.example'], packages: { npm: ['@acme/llm-client'] } },
    };
    await t.http.post('/api/catalog/custom-tools').set(bearer(t.tokens.coe)).send(tool).expect(201);
    const match = await t.http
      .get('/api/catalog/match?host=eu.llm.acme.example&ecosystem=npm&package=@acme/llm-client')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(match.body.host.toolId).toBe('acme-llm-gateway');
    expect(match.body.package.toolId).toBe('acme-llm-gateway');
    const listed = await t.http
      .get('/api/catalog/tools/acme-llm-gateway')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(listed.body).toMatchObject({ origin: 'custom', overridesBuiltin: false });
    expect(await auditOf('custom-tool.create', 'acme-llm-gateway')).toHaveLength(1);

    const clash = await t.http
      .post('/api/catalog/custom-tools')
      .set(bearer(t.tokens.coe))
      .send({
        ...tool,
        id: 'shadow-chat',
        name: 'Shadow chat',
        rules: { domains: ['chatgpt.com'] },
      })
      .expect(409);
    expect(clash.body.message).toBe('domain "chatgpt.com" already belongs to tool "chatgpt"');

    const invalid = await t.http
      .post('/api/catalog/custom-tools')
      .set(bearer(t.tokens.coe))
      .send({
        ...tool,
        id: 'bad-tool',
        name: 'Bad',
        rules: { domains: ['com'], paths: ['/etc/passwd'] },
      })
      .expect(400);
    expect(invalid.body.message).toMatch(/tool "bad-tool": rules\.domains\[0\]/);
    expect(invalid.body.message).toMatch(/rules\.paths\[0\]/);

    await t.http
      .delete('/api/catalog/custom-tools/acme-llm-gateway')
      .set(bearer(t.tokens.admin))
      .expect(204);
    const gone = await t.http
      .get('/api/catalog/match?host=llm.acme.example')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(gone.body.host.toolId).toBeNull();
    expect(await auditOf('custom-tool.delete', 'acme-llm-gateway')).toHaveLength(1);
  });

  it('should let a custom definition override a built-in tool until it is deleted', async () => {
    const override = {
      id: 'cursor',
      name: 'Cursor',
      vendor: 'Anysphere',
      category: 'coding-assistant',
      rules: { domains: ['cursor.com', 'cursor.acme-proxy.example'] },
    };
    await t.http
      .post('/api/catalog/custom-tools')
      .set(bearer(t.tokens.admin))
      .send(override)
      .expect(201);
    const res = await t.http
      .get('/api/catalog/tools/cursor')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(res.body).toMatchObject({ origin: 'custom', overridesBuiltin: true });
    const match = await t.http
      .get('/api/catalog/match?host=cursor.acme-proxy.example&path=.cursorrules')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(match.body.host.toolId).toBe('cursor');
    expect(match.body.path.matches).toEqual([]);
    await t.http.delete('/api/catalog/custom-tools/cursor').set(bearer(t.tokens.admin)).expect(204);
    const restored = await t.http
      .get('/api/catalog/match?path=.cursorrules&host=storage.googleapis.com')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(restored.body.path.matches.map((m: { toolId: string }) => m.toolId)).toEqual(['cursor']);
    expect(restored.body.host.toolId).toBeNull();
  });
});
