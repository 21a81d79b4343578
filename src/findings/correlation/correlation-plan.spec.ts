import type { CorrelationState } from './correlation-plan';
import { digest, planCorrelation } from './correlation-plan';

const prev: CorrelationState = {
  evidenceMark: '2026-03-01 00:00:00.123456+00',
  evidenceBeforeMark: '100',
  evidenceRevision: '2',
  suppressed: '0::',
  inputsHash: 'in',
  toolHashes: { cursor: 'c1', chatgpt: 'g1' },
};
const same = {
  evidenceRevision: '2',
  suppressed: '0::',
  inputsHash: 'in',
  toolHashes: { cursor: 'c1', chatgpt: 'g1' },
};

describe(planCorrelation.name, () => {
  it('should run everything when there is no previous run', () => {
    expect(planCorrelation(null, same, null).kind).toBe('full');
  });

  it('should go on from the previous mark with no dirty tool when nothing moved', () => {
    expect(planCorrelation(prev, same, '100')).toEqual({
      kind: 'incremental',
      since: prev.evidenceMark,
      dirtyTools: [],
    });
  });

  it('should name the tools whose definition or policy changed, added or removed', () => {
    const plan = planCorrelation(
      prev,
      { ...same, toolHashes: { cursor: 'c2', claude: 'k1' } },
      '100',
    );
    expect(plan).toEqual({
      kind: 'incremental',
      since: prev.evidenceMark,
      dirtyTools: ['chatgpt', 'claude', 'cursor'],
    });
  });

  it('should run everything when evidence was removed or a revision moved', () => {
    expect(planCorrelation(prev, same, '99').kind).toBe('full');
    expect(planCorrelation(prev, { ...same, evidenceRevision: '3' }, '100').kind).toBe('full');
  });

  it('should run everything when answers, directory or suppressions changed', () => {
    expect(planCorrelation(prev, { ...same, inputsHash: 'x' }, '100').kind).toBe('full');
    expect(planCorrelation(prev, { ...same, suppressed: '1::' }, '100').kind).toBe('full');
  });
});

describe(digest.name, () => {
  it('should not depend on the order keys or map entries were added in', () => {
    expect(
      digest({
        a: 1,
        b: new Map([
          ['x', 1],
          ['y', 2],
        ]),
      }),
    ).toBe(
      digest({
        b: new Map([
          ['y', 2],
          ['x', 1],
        ]),
        a: 1,
      }),
    );
    expect(digest({ a: 1 })).not.toBe(digest({ a: 2 }));
  });
});
