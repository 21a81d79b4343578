import { bearer, createTestApp, type TestApp } from './support/test-app';

/** What a hostile or careless JSON body gets: a 400 that says why, never a 500. */
describe('JSON bodies', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const deep = (levels: number, leaf = '1') => '['.repeat(levels) + leaf + ']'.repeat(levels);

  it('should answer 400 naming the depth when a body nests thousands of levels', async () => {
    for (const [route, body] of [
      ['/api/people/imports/github', `{"org":"acme","x":${deep(5000)}}`],
      ['/api/surveys', deep(5000)],
      ['/api/findings/correlate', `{"a":${deep(5000, '{}')}}`],
    ]) {
      const res = await t.http
        .post(route)
        .set(bearer(t.tokens.admin))
        .set('Content-Type', 'application/json')
        .send(body);
      expect({ route, status: res.status, body: res.body }).toEqual({
        route,
        status: 400,
        body: {
          statusCode: 400,
          error: 'invalid-input',
          message: expect.stringMatching(/^the JSON body nests deeper than \d+ levels/),
        },
      });
    }
  });

  it('should still accept ordinary nesting', async () => {
    await t.http
      .post('/api/people/imports/github')
      .set(bearer(t.tokens.admin))
      .send({ org: 'acme', extra: { a: [[1]] } })
      .expect(400)
      .expect((res) => expect(res.body.message).toMatch(/property extra should not exist/));
  });
});
