import { dependencyFingerprint, toDependencyEvidence } from './dependency-evidence';
import type { DependencyMatch } from './dependency.types';

const seenAt = new Date('2026-11-24T10:00:00Z');

const match = (overrides: Partial<DependencyMatch> = {}): DependencyMatch => ({
  ecosystem: 'npm',
  name: 'openai',
  version: '^4.52.0',
  direct: true,
  scope: 'runtime',
  manifestPath: 'web/package.json',
  line: 5,
  toolId: 'openai-api',
  ...overrides,
});

describe(toDependencyEvidence.name, () => {
  it('should build a dependency row with the package detail when a package matches', () => {
    const sut = toDependencyEvidence([match()], {
      repository: 'acme/portal',
      sourceRunId: 'job-7',
      seenAt,
    });
    expect(sut).toEqual([
      {
        toolId: 'openai-api',
        signal: 'dependency',
        repository: 'acme/portal',
        sourceRunId: 'job-7',
        firstSeen: seenAt,
        lastSeen: seenAt,
        detail: {
          ecosystem: 'npm',
          package: 'openai',
          version: '^4.52.0',
          direct: true,
          scope: 'runtime',
          manifestPath: 'web/package.json',
          path: 'web/package.json',
          line: 5,
        },
        fingerprint: dependencyFingerprint('acme/portal', match()),
      },
    ]);
    expect(sut[0].fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should keep the fingerprint stable when the version or line changes between scans', () => {
    const [before] = toDependencyEvidence([match()], { repository: 'acme/portal', seenAt });
    const [after] = toDependencyEvidence([match({ version: '^5.0.0', line: 9 })], {
      repository: 'acme/portal',
      seenAt: new Date('2026-12-01T00:00:00Z'),
    });
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(after.detail.version).toBe('^5.0.0');
  });

  it('should change the fingerprint when the repository, manifest or ecosystem differs', () => {
    const base = dependencyFingerprint('acme/portal', match());
    expect(dependencyFingerprint('acme/other', match())).not.toBe(base);
    expect(
      dependencyFingerprint('acme/portal', match({ manifestPath: 'api/package.json' })),
    ).not.toBe(base);
    expect(dependencyFingerprint('acme/portal', match({ ecosystem: 'pypi' }))).not.toBe(base);
  });

  it('should keep the strongest declaration when one manifest declares a package twice', () => {
    const sut = toDependencyEvidence(
      [
        match({ scope: 'peer', line: 12 }),
        match({ scope: 'dev', line: 20 }),
        match({ manifestPath: 'web/yarn.lock', direct: false, version: '3.3.0', line: undefined }),
        match({ manifestPath: 'web/yarn.lock', direct: true, version: '4.52.7', line: undefined }),
      ],
      { repository: 'acme/portal', seenAt },
    );
    expect(
      sut.map((r) => [r.detail.path, r.detail.scope, r.detail.version, r.detail.direct]),
    ).toEqual([
      ['web/package.json', 'peer', '^4.52.0', true],
      ['web/yarn.lock', 'runtime', '4.52.7', true],
    ]);
  });

  it('should carry the lowered confidence and its reason when the manifest is a fixture', () => {
    const [sut] = toDependencyEvidence(
      [
        match({
          confidence: 0.3,
          confidenceReason: 'manifest in a test fixtures folder (fixtures/)',
        }),
      ],
      { repository: 'acme/portal', seenAt },
    );
    expect(sut.confidence).toBe(0.3);
    expect(sut.detail.confidenceReason).toBe('manifest in a test fixtures folder (fixtures/)');
  });
});
