// Dependency evidence through the real evidence store (PostgreSQL): a re-scan of the same
// manifests adds nothing, an upgraded version updates the row in place.
import { createTestToolMatcher } from '../../../src/signals/dependencies/__fixtures__/test-tool-matcher';
import { detectAiDependencies } from '../../../src/signals/dependencies/dependency-discovery';
import { toDependencyEvidence } from '../../../src/signals/dependencies/dependency-evidence';
import type { ManifestFile } from '../../../src/signals/dependencies/dependency.types';
import { EvidenceService } from '../../../src/evidence/evidence.service';
import { createTestApp, type TestApp } from '../../support/test-app';

const manifests = (openaiVersion: string): ManifestFile[] => [
  {
    path: 'web/package.json',
    content: JSON.stringify(
      { dependencies: { openai: openaiVersion }, peerDependencies: { openai: '>=4' } },
      null,
      2,
    ),
  },
  {
    path: 'ml/pyproject.toml',
    content: '[project]\nname = "ml"\ndependencies = ["anthropic>=0.30", "numpy"]\n',
  },
  { path: 'examples/demo/requirements.txt', content: 'langchain-openai==0.1.23\n' },
];

describe(`${toDependencyEvidence.name} recorded by ${EvidenceService.name}`, () => {
  let t: TestApp;
  let sut: EvidenceService;
  const matcher = createTestToolMatcher();
  const scan = (files: ManifestFile[], seenAt: Date) =>
    toDependencyEvidence(detectAiDependencies(files, matcher).matches, {
      repository: 'acme/portal',
      seenAt,
    });

  beforeAll(async () => {
    t = await createTestApp();
    sut = t.app.get(EvidenceService);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should store one row per declared AI package and add nothing when the scan is repeated', async () => {
    const first = scan(manifests('^4.52.0'), new Date('2026-11-01T00:00:00Z'));
    await expect(sut.record(first)).resolves.toEqual({ inserted: 3, updated: 0 });
    await expect(sut.record(first)).resolves.toEqual({ inserted: 0, updated: 0 });

    const rows = await sut.list({ signal: 'dependency', repository: 'acme/portal' });
    const byTool = new Map(rows.map((r) => [r.toolId, r]));
    expect([...byTool.keys()].sort()).toEqual(['anthropic-api', 'langchain', 'openai-api']);
    expect(byTool.get('openai-api')?.detail).toMatchObject({
      ecosystem: 'npm',
      package: 'openai',
      version: '^4.52.0',
      direct: true,
      scope: 'runtime',
      manifestPath: 'web/package.json',
    });
    expect(byTool.get('langchain')?.confidence).toBe(0.4);
  });

  it('should update the row in place when a later scan sees a new version', async () => {
    const later = scan(manifests('^5.0.0'), new Date('2026-11-20T00:00:00Z'));
    await expect(sut.record(later)).resolves.toEqual({ inserted: 0, updated: 3 });
    const rows = await sut.list({ signal: 'dependency', toolId: 'openai-api' });
    expect(rows).toHaveLength(1);
    expect(rows[0].detail).toMatchObject({ version: '^5.0.0' });
  });
});
