import { CONFIDENCE } from '../../evidence/confidence';
import { confidenceReason, explainEvidence } from './evidence-view';

describe(explainEvidence.name, () => {
  it('should say where a trace was seen and why it has its confidence', () => {
    const line = explainEvidence({
      signal: 'config-file',
      repository: 'acme/api',
      detail: { path: '.cursorrules', line: 1, commit: 'abc123' },
      confidence: CONFIDENCE.configFile.confidence,
      firstSeen: new Date('2026-01-01T00:00:00Z'),
      lastSeen: new Date('2026-02-01T00:00:00Z'),
    });
    expect(line.where).toEqual([
      { label: 'Repository', value: 'acme/api' },
      { label: 'Path', value: '.cursorrules:1' },
      { label: 'Commit', value: 'abc123' },
    ]);
    expect(line.reason).toBe(`${CONFIDENCE.configFile.trace}: ${CONFIDENCE.configFile.reason}`);
  });

  it('should prefer the reason the detector recorded, and name the signal when none matches', () => {
    expect(confidenceReason('dependency', 0.4, { reason: 'only in examples/' })).toBe(
      'only in examples/',
    );
    expect(confidenceReason('network', 0.123, {})).toBe('network evidence');
  });
});
