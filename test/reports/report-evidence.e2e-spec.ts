import { EvidenceService } from '../../src/evidence/evidence.service';
import type { FindingsReportModel } from '../../src/reports/model/report.types';
import { ReportsService } from '../../src/reports/reports.service';
import { bearer, createTestApp, TestApp } from '../support/test-app';
import {
  configFile,
  correlate,
  day,
  findingRow,
  fixtureSources,
  net,
  record,
} from '../findings/findings-fixture';

// The evidence beside a finding comes from the evidence module, looked up by the finding's
// fingerprints: the findings report (10 per finding) and the finding's page (50) read it alike.
describe('evidence beside findings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ correlationSources: fixtureSources() });
    const days = Array.from({ length: 12 }, (_, i) => i + 1);
    await record(t, [
      ...days.map((d) => net('p1', 'deepseek', d)),
      net('p2', 'deepseek', 20),
      configFile('records', 'github-copilot', '.github/copilot-instructions.md'),
    ]);
    await correlate(t, day(30));
  });

  afterAll(() => t.close());

  it('should attach the ten newest evidence rows of each finding to the findings report', async () => {
    const snapshot = await t.app
      .get(ReportsService)
      .build('findings', { organisation: 'Acme', now: day(30) });
    const model = snapshot.model as FindingsReportModel;
    const p1 = model.findings.find((f) => f.subject === 'p1@corp.example');
    expect(p1?.evidence.map((e) => e.fingerprint)).toEqual(
      [12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((d) => `net:p1:deepseek:${d}`),
    );
    expect(p1?.evidence[0]).toEqual({
      signal: 'network',
      fingerprint: 'net:p1:deepseek:12',
      repository: null,
      summary: 'deepseek.example · 2026-02-13',
      lastSeen: '2026-02-13T00:00:00.000Z',
    });
    const p2 = model.findings.find((f) => f.subject === 'p2@corp.example');
    expect(p2?.evidence.map((e) => e.fingerprint)).toEqual(['net:p2:deepseek:20']);
    const repo = model.findings.find((f) => f.subject === 'records');
    expect(repo?.evidence).toEqual([
      expect.objectContaining({
        signal: 'config-file',
        summary: 'records · .github/copilot-instructions.md',
      }),
    ]);
  });

  it('should show every evidence row of one finding, newest first, on its page', async () => {
    const { id } = await findingRow(t, 'p1', 'deepseek');
    const res = await t.http.get(`/api/findings/${String(id)}`).set(bearer(t.tokens.security));
    expect(res.status).toBe(200);
    const evidence = res.body.evidence as { findingId: string; fingerprint: string }[];
    expect(evidence).toHaveLength(12);
    expect(evidence.every((e) => e.findingId === id)).toBe(true);
    expect(evidence[0].fingerprint).toBe('net:p1:deepseek:12');
    expect(evidence[11].fingerprint).toBe('net:p1:deepseek:1');
  });

  it('should look up each group on its own, skip unknown fingerprints and honour the limit', async () => {
    const sut = t.app.get(EvidenceService);
    const rows = await sut.latestOf(
      [
        { key: 'a', fingerprints: ['net:p1:deepseek:1', 'net:p1:deepseek:2', 'no-such-row'] },
        { key: 'b', fingerprints: ['net:p1:deepseek:2', 'net:p1:deepseek:2'] },
        { key: 'c', fingerprints: [] },
      ],
      1,
    );
    expect(rows.map((r) => [r.key, r.fingerprint])).toEqual([
      ['a', 'net:p1:deepseek:2'],
      ['b', 'net:p1:deepseek:2'],
    ]);
    await expect(
      sut.latestOf([{ key: 'a', fingerprints: ['net:p1:deepseek:1'] }], 0),
    ).resolves.toEqual([]);
  });
});
