import { bearer, createTestApp, TestApp } from '../support/test-app';

// The findings list reads a team's people from the directory (not the whole directory) and keeps
// its totals until the finding table changes (bench/api-load): both must answer as before.
describe('findings list', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    await ds.query(
      `INSERT INTO team (name, path) VALUES ('eng', 'eng'), ('web', 'eng/web'), ('engineering', 'engineering')`,
    );
    for (const [name, team] of [
      ['ann', 'eng'],
      ['bob', 'eng/web'],
      ['cat', 'engineering'],
      ['dan', null],
    ] as const) {
      const [row] = (await ds.query(
        `INSERT INTO person (email, name, team_id, source)
         VALUES ($1, $2, (SELECT id FROM team WHERE path = $3), 'test') RETURNING id`,
        [`${name}@corp.example`, name, team],
      )) as { id: string }[];
      ids[name] = row.id;
    }
    for (const [name, score] of [
      ['ann', 90],
      ['bob', 60],
      ['cat', 40],
      ['dan', 10],
    ] as const) {
      await ds.query(
        `INSERT INTO finding (subject_type, subject_id, tool_id, sanction_status, shadow, disclosure,
                score, tier, factors, first_seen, last_seen, correlation_hash)
         VALUES ('person', $1, 'chatgpt', 'unreviewed', true, 'not-surveyed', $2, 'high', '[]',
                now(), now(), 'h')`,
        [ids[name], score],
      );
    }
  });

  afterAll(() => t.close());

  const list = async (query: string) => {
    const res = await t.http.get(`/api/findings${query}`).set(bearer(t.tokens.security));
    expect(res.status).toBe(200);
    return res.body as { total: number; items: { id: string; subjectId: string }[] };
  };

  it("should list a team's findings with those of the teams under it, and no other", async () => {
    const eng = await list('?team=eng');
    expect(eng.total).toBe(2);
    expect(eng.items.map((f) => f.subjectId)).toEqual([ids.ann, ids.bob]);
    expect((await list('?team=eng%2Fweb')).items.map((f) => f.subjectId)).toEqual([ids.bob]);
    expect((await list('?team=en')).total).toBe(0);
    expect((await list('?team=engineering')).items.map((f) => f.subjectId)).toEqual([ids.cat]);
  });

  it('should page in score order with the total of all pages', async () => {
    const page = await list('?limit=2&offset=1');
    expect(page.total).toBe(4);
    expect(page.items.map((f) => f.subjectId)).toEqual([ids.bob, ids.cat]);
  });

  it('should count again once a finding changes', async () => {
    expect((await list('?triageState=open')).total).toBe(4);
    const [first] = (await list('?triageState=open')).items;
    const triaged = await t.http
      .post(`/api/findings/${first.id}/triage`)
      .set(bearer(t.tokens.security))
      .send({ action: 'acknowledge' });
    expect(triaged.status).toBe(201);
    expect((await list('?triageState=open')).total).toBe(3);
    expect((await list('?triageState=acknowledged')).total).toBe(1);

    // a change made by anything else (correlation, erasure) is seen too
    await t.dataSource.query(`UPDATE finding SET present = false WHERE subject_id = $1`, [ids.dan]);
    expect((await list('?triageState=open')).total).toBe(2);
    expect((await list('')).total).toBe(3);
  });
});
