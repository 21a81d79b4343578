import { CONFIDENCE } from '../../src/evidence/confidence';
import type { EvidenceInput } from '../../src/evidence/evidence.types';
import { bearer, createTestApp, TestApp } from '../support/test-app';
import {
  configFile,
  correlate,
  day,
  findingRow,
  fixtureSources,
  net,
  record,
} from './findings-fixture';

const weak = (row: EvidenceInput, confidence: number): EvidenceInput => ({ ...row, confidence });

describe('claims and leads in findings', () => {
  let t: TestApp;

  beforeAll(async () => {
    // p3 said DeepSeek in the survey: an independent source for their weak traffic
    t = await createTestApp({
      correlationSources: fixtureSources({
        surveyed: ['p1', 'p2', 'p3'],
        said: [['p3', 'deepseek']],
      }),
    });
    await record(t, [
      weak(
        { ...configFile('site', 'aider', '.gitignore'), fingerprint: 'gi:site:aider' },
        CONFIDENCE.gitignoreEntry.confidence,
      ),
      configFile('site', 'cursor', '.cursor/rules/general.mdc'),
      weak(net('p5', 'deepseek', 1), CONFIDENCE.networkOneDayFew.confidence),
      weak(net('p3', 'deepseek', 2), CONFIDENCE.networkOneDayFew.confidence),
    ]);
    await correlate(t, day(10));
  });

  afterAll(() => t.close());

  it('should make a pair with only weak evidence a lead and a corroborated or strong one a claim', async () => {
    await expect(findingRow(t, 'site', 'aider')).resolves.toMatchObject({ strength: 'lead' });
    await expect(findingRow(t, 'site', 'cursor')).resolves.toMatchObject({ strength: 'claim' });
    await expect(findingRow(t, 'p5', 'deepseek')).resolves.toMatchObject({ strength: 'lead' });
    await expect(findingRow(t, 'p3', 'deepseek')).resolves.toMatchObject({ strength: 'claim' });
  });

  it('should filter the findings API by strength for security', async () => {
    const leads = await t.http.get('/api/findings?strength=lead').set(bearer(t.tokens.security));
    expect(leads.status).toBe(200);
    expect(
      (leads.body.items as { subjectId: string; toolId: string; strength: string }[])
        .map((f) => `${f.subjectId} ${f.toolId} ${f.strength}`)
        .sort(),
    ).toEqual(['p5 deepseek lead', 'site aider lead']);
    const bad = await t.http.get('/api/findings?strength=maybe').set(bearer(t.tokens.security));
    expect(bad.status).toBe(400);
  });
});
