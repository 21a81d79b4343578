import {
  configFile,
  correlate,
  day,
  findingRow,
  fixtureSources,
  net,
  record,
} from '../findings/findings-fixture';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

interface Reference {
  id: string;
  framework: string;
  ref: string;
  source: string;
}

// Policy decisions and findings name the framework provisions they document, from one table.
describe('compliance references on policies and findings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ correlationSources: fixtureSources() });
    await record(t, [
      net('p1', 'deepseek', 1),
      configFile('records', 'github-copilot', '.github/copilot-instructions.md'),
    ]);
    await correlate(t, day(30));
  });

  afterAll(() => t.close());

  it('should list the framework provisions with their published source', async () => {
    const res = await t.http.get('/api/catalog/compliance-references').set(bearer(t.tokens.leader));
    expect(res.status).toBe(200);
    const refs = res.body.references as Reference[];
    expect(refs.find((r) => r.id === 'nist-ai-rmf:govern-1.6')).toMatchObject({
      ref: 'GOVERN 1.6',
      source: 'https://doi.org/10.6028/NIST.AI.100-1',
    });
  });

  it('should change a tool’s references when the CoE decides on it', async () => {
    const before = await t.http.get('/api/catalog/tools/cursor').set(bearer(t.tokens.coe));
    expect(before.body.complianceReferences).toEqual([
      'nist-ai-rmf:govern-1.6',
      'nist-ai-rmf:map-4.1',
    ]);
    const put = await t.http
      .put('/api/catalog/tools/cursor/policy')
      .set(bearer(t.tokens.coe))
      .send({ status: 'sanctioned', dataClasses: ['internal'] });
    expect(put.status).toBe(200);
    const after = await t.http.get('/api/catalog/tools/cursor').set(bearer(t.tokens.coe));
    expect(after.body.complianceReferences).toEqual(
      expect.arrayContaining([
        'iso-42001:a.2.2',
        'iso-42001:a.10.3',
        'iso-42001:a.9.4',
        'eu-ai-act:art-4',
      ]),
    );
    expect(after.body.complianceReferences).not.toContain('nist-ai-rmf:map-4.1');
  });

  it('should cite what a shadow finding is evidence for on the finding’s page', async () => {
    const { id } = await findingRow(t, 'p1', 'deepseek');
    const res = await t.http.get(`/api/findings/${String(id)}`).set(bearer(t.tokens.security));
    expect(res.status).toBe(200);
    const refs = (res.body.complianceReferences as Reference[]).map((r) => r.id);
    expect(refs).toEqual(
      expect.arrayContaining(['nist-ai-rmf:govern-1.6', 'iso-42001:a.9.2', 'eu-ai-act:art-4']),
    );
  });
});
