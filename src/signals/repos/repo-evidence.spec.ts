import { traceToEvidence } from './repo-evidence';
import type { RepoTrace } from './repo-scan.types';

const trace = (over: Partial<RepoTrace> = {}): RepoTrace => ({
  toolId: 'cursor',
  signal: 'config-file',
  path: '.cursorrules',
  confidence: 1,
  firstSeen: new Date('2026-01-01T00:00:00Z'),
  detail: { rule: '.cursorrules' },
  ...over,
});

describe(traceToEvidence.name, () => {
  it('should give the same fingerprint when the same trace is seen at another time', () => {
    const a = traceToEvidence(trace(), { repository: 'acme/app' });
    const b = traceToEvidence(trace({ firstSeen: new Date('2026-05-01T00:00:00Z') }), {
      repository: 'acme/app',
    });
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  it('should give different fingerprints when repository, path, commit or key differ', () => {
    const fps = new Set([
      traceToEvidence(trace(), { repository: 'acme/app' }).fingerprint,
      traceToEvidence(trace(), { repository: 'acme/other' }).fingerprint,
      traceToEvidence(trace({ path: 'x/.cursorrules' }), { repository: 'acme/app' }).fingerprint,
      traceToEvidence(trace({ commit: 'abc' }), { repository: 'acme/app' }).fingerprint,
      traceToEvidence(trace({ key: 'deleted:abc' }), { repository: 'acme/app' }).fingerprint,
      traceToEvidence(trace(), { org: 'acme' }).fingerprint,
    ]);
    expect(fps.size).toBe(6);
  });

  it('should carry the person and location in the row when the trace names them', () => {
    const sut = traceToEvidence(
      trace({
        signal: 'commit-trailer',
        path: undefined,
        commit: 'abc',
        identity: { kind: 'commit-email', value: 'ann@acme.test', name: 'Ann' },
      }),
      { repository: 'acme/app', sourceRunId: 'job-1' },
    );
    expect(sut).toMatchObject({
      identityKind: 'commit-email',
      identityValue: 'ann@acme.test',
      sourceRunId: 'job-1',
      detail: { commit: 'abc', identityName: 'Ann' },
    });
  });
});
