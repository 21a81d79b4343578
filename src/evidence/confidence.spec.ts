import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONFIDENCE,
  CLAIM_THRESHOLD,
  confidenceTableMarkdown,
  networkKind,
  pairStrength,
  strengthOf,
} from './confidence';

describe('confidence table', () => {
  it('should be printed in README.md exactly as the code holds it', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const block = /<!-- confidence-table:start -->\n([\s\S]*?)\n<!-- confidence-table:end -->/.exec(
      readme,
    );
    expect(block?.[1]).toBe(confidenceTableMarkdown());
  });

  it('should give every entry a confidence in 0..1 and a reason', () => {
    for (const e of Object.values(CONFIDENCE)) {
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
      expect(e.reason.length).toBeGreaterThan(10);
    }
  });

  it('should make a committed file a claim and a .gitignore entry alone a lead', () => {
    expect(CONFIDENCE.configFile.confidence).toBeGreaterThan(CONFIDENCE.historyFile.confidence);
    expect(CONFIDENCE.historyFile.confidence).toBeGreaterThanOrEqual(CLAIM_THRESHOLD);
    expect(CONFIDENCE.gitignoreEntry.confidence).toBeLessThan(CLAIM_THRESHOLD);
    expect(CONFIDENCE.dependencyTransitive.confidence).toBeLessThan(CLAIM_THRESHOLD);
  });

  it('should grade network traffic by days and volume', () => {
    expect(networkKind(3, 1)).toBe('networkOneDayFew');
    expect(networkKind(25, 1)).toBe('networkOneDayBusy');
    expect(networkKind(2, 2)).toBe('networkTwoDays');
    expect(networkKind(1, 5)).toBe('networkRecurring');
  });
});

describe(pairStrength.name, () => {
  it('should claim a pair when one piece of evidence is strong', () => {
    expect(pairStrength(0.95, ['config-file'])).toBe('claim');
  });

  it('should keep a pair as a lead when its weak evidence comes from one source', () => {
    expect(
      strengthOf([
        { signal: 'config-file', confidence: 0.4 },
        { signal: 'dependency', confidence: 0.3 },
      ]),
    ).toBe('lead');
  });

  it('should claim a pair when weak evidence from two independent sources agrees', () => {
    expect(
      strengthOf([
        { signal: 'config-file', confidence: 0.4 },
        { signal: 'network', confidence: 0.4 },
      ]),
    ).toBe('claim');
  });

  it('should not let evidence under the corroboration floor corroborate', () => {
    expect(
      strengthOf([
        { signal: 'config-file', confidence: 0.4 },
        { signal: 'commit-trailer', confidence: 0.2 },
      ]),
    ).toBe('lead');
  });
});
