import { bearer, createTestApp, TestApp } from '../support/test-app';

const FACT = {
  fact: 'trainsOnInputs',
  plan: 'team',
  value: 'no',
  source: 'https://cursor.com/privacy',
  checked: '2026-11-20',
  note: 'Business plan: privacy mode enforced',
};

describe('vendor facts over HTTP: plan in policy and organisation overrides', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const auditOf = (action: string) =>
    t.dataSource.query(
      `SELECT actor_name, detail FROM audit_event WHERE action = $1 AND target_id = 'cursor' ORDER BY id`,
      [action],
    ) as Promise<{ actor_name: string; detail: Record<string, unknown> }[]>;

  it('should let every role read a tool facts and refuse changes outside coe and admin', async () => {
    await t.http.get('/api/catalog/tools/cursor/facts').expect(401);
    const read = await t.http
      .get('/api/catalog/tools/cursor/facts')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(read.body).toMatchObject({ toolId: 'cursor', overrides: [] });
    for (const role of ['security', 'leader'] as const) {
      await t.http
        .put('/api/catalog/tools/cursor/facts')
        .set(bearer(t.tokens[role]))
        .send(FACT)
        .expect(403);
      await t.http
        .delete('/api/catalog/tools/cursor/facts?fact=trainsOnInputs&plan=team')
        .set(bearer(t.tokens[role]))
        .expect(403);
    }
  });

  it('should refuse a fact without an https source, with a future date or a plan it needs', async () => {
    const put = (body: Record<string, unknown>) =>
      t.http
        .put('/api/catalog/tools/cursor/facts')
        .set(bearer(t.tokens.coe))
        .send({ ...FACT, ...body });
    const http = await put({ source: 'http://cursor.com/privacy' }).expect(400);
    expect(http.body).toMatchObject({
      error: 'invalid-input',
      message: expect.stringMatching(/source must be an https URL/),
    });
    const future = await put({ checked: '2099-01-01' }).expect(400);
    expect(future.body.message).toMatch(/checked is in the future/);
    const noPlan = await put({ plan: null }).expect(400);
    expect(noPlan.body.message).toMatch(/plan is required for trainsOnInputs/);
    const badValue = await put({ value: 'maybe' }).expect(400);
    expect(badValue.body.message).toMatch(/value must be one of yes, no, not-stated/);
    await put({ fact: 'colour' }).expect(400);
    expect(await auditOf('vendor-fact.override')).toEqual([]);
  });

  it('should set an override as coe, audit it and show it as the organisation override', async () => {
    const res = await t.http
      .put('/api/catalog/tools/cursor/facts')
      .set(bearer(t.tokens.coe))
      .send(FACT)
      .expect(200);
    expect(res.body).toMatchObject({
      toolId: 'cursor',
      plan: 'team',
      fact: 'trainsOnInputs',
      value: 'no',
    });
    const read = await t.http
      .get('/api/catalog/tools/cursor/facts')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(read.body.facts.plans.team.trainsOnInputs).toEqual({
      value: 'no',
      source: 'https://cursor.com/privacy',
      checked: '2026-11-20',
      note: 'Business plan: privacy mode enforced',
      origin: 'organisation',
      setBy: expect.any(String),
    });
    const audit = await auditOf('vendor-fact.override');
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({
      via: 'api',
      fact: 'trainsOnInputs',
      plan: 'team',
      before: null,
      after: { value: 'no', source: 'https://cursor.com/privacy', checked: '2026-11-20' },
    });
  });

  it('should carry the plan and the overrides through the policy file, audited once', async () => {
    await t.http
      .put('/api/catalog/tools/cursor/policy')
      .set(bearer(t.tokens.coe))
      .send({ status: 'sanctioned', plan: 'team' })
      .expect(200);
    const exported = await t.http
      .get('/api/catalog/policies/export')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(exported.text).toMatch(
      /cursor:\n\s+status: sanctioned\n[\s\S]*plan: team[\s\S]*facts:\n\s+plans:\n\s+team:\n\s+trainsOnInputs:\n\s+value: "?no"?/,
    );
    const again = await t.http
      .post('/api/catalog/policies/import')
      .set(bearer(t.tokens.admin))
      .send({ yaml: exported.text })
      .expect(200);
    expect(again.body).toEqual({ changed: 0, unchanged: 1, factsChanged: 0 });
    const withJurisdiction = exported.text.replace(
      /facts:\n/,
      'facts:\n      jurisdiction: { value: US, source: "https://cursor.com/terms-of-service", checked: "2026-11-21" }\n',
    );
    const applied = await t.http
      .post('/api/catalog/policies/import')
      .set(bearer(t.tokens.admin))
      .send({ yaml: withJurisdiction })
      .expect(200);
    expect(applied.body.factsChanged).toBe(1);
    const read = await t.http
      .get('/api/catalog/tools/cursor')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(read.body.policy.plan).toBe('team');
    expect(read.body.vendorFacts.jurisdiction).toMatchObject({
      value: ['US'],
      origin: 'organisation',
    });
    const bad = await t.http
      .post('/api/catalog/policies/import')
      .set(bearer(t.tokens.admin))
      .send({
        yaml: 'version: 1\npolicies:\n  cursor:\n    status: sanctioned\n    plan: gold\n    facts:\n      jurisdiction: { value: US, checked: "2026-11-21" }\n',
      })
      .expect(400);
    expect(bad.body.message).toMatch(
      /policies\.cursor\.plan must be one of free, team, enterprise, api/,
    );
    expect(bad.body.message).toMatch(/policies\.cursor\.facts\.jurisdiction\.source is missing/);
  });

  it('should remove an override as admin and audit the removal', async () => {
    await t.http
      .delete('/api/catalog/tools/cursor/facts?fact=trainsOnInputs&plan=team')
      .set(bearer(t.tokens.admin))
      .expect(204);
    await t.http
      .delete('/api/catalog/tools/cursor/facts?fact=trainsOnInputs&plan=team')
      .set(bearer(t.tokens.admin))
      .expect(404);
    const read = await t.http
      .get('/api/catalog/tools/cursor/facts')
      .set(bearer(t.tokens.leader))
      .expect(200);
    expect(read.body.overrides.map((o: { fact: string }) => o.fact)).toEqual(['jurisdiction']);
    expect(await auditOf('vendor-fact.override-remove')).toHaveLength(1);
  });
});
