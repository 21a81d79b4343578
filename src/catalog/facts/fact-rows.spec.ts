import { factRows } from './fact-rows';

const src = { source: 'https://v.example/terms', checked: '2026-11-01' };

describe(factRows.name, () => {
  it('should list tool-wide facts, then each plan offered and the plan in force, unknowns named', () => {
    const sut = factRows(
      {
        jurisdiction: { value: ['US'], ...src },
        plans: { free: { trainsOnInputs: { value: 'yes', ...src, origin: 'organisation' } } },
      },
      'team',
    );
    expect(sut.map((r) => `${r.plan ?? 'all'}.${r.fact}=${r.value}/${r.origin}`)).toEqual([
      'all.jurisdiction=US/catalog',
      'all.certifications=unknown/none',
      'all.dataResidency=unknown/none',
      'all.enterpriseControls=unknown/none',
      'free.trainsOnInputs=yes/organisation',
      'free.retention=unknown/none',
      'free.zeroRetention=unknown/none',
      'team.trainsOnInputs=unknown/none',
      'team.retention=unknown/none',
      'team.zeroRetention=unknown/none',
    ]);
  });

  it('should show only what a tool without plans states, its note saying the rest', () => {
    expect(factRows({ plans: {}, note: 'open-source library' }, 'free')).toEqual([]);
  });
});
