import {
  acknowledgementRates,
  clarificationSummary,
  NO_TEAM,
  SMALL_TEAMS_POOL,
  type AskedPerson,
} from './outreach-aggregates';

const people = (team: string | null, n: number, acked: number): AskedPerson[] =>
  Array.from({ length: n }, (_, i) => ({
    personId: `${team}-${i}`,
    team,
    acknowledged: i < acked,
  }));

describe(acknowledgementRates.name, () => {
  it('should show teams asked at least k people and pool the smaller ones', () => {
    const sut = acknowledgementRates(
      '2026-11',
      [...people('Eng', 5, 4), ...people('Data', 2, 2), ...people('Ops', 3, 0)],
      5,
    );
    expect(sut.overall).toEqual({ asked: 10, acknowledged: 6, rate: 0.6 });
    expect(sut.teams).toEqual([
      { team: 'Eng', asked: 5, acknowledged: 4, rate: 0.8 },
      { team: SMALL_TEAMS_POOL, asked: 5, acknowledged: 2, rate: 0.4 },
    ]);
    expect(JSON.stringify(sut)).not.toContain('Data');
  });

  it('should suppress the pool and the total when they are under k', () => {
    const sut = acknowledgementRates('v1', [...people('Eng', 5, 5), ...people(null, 1, 1)], 5);
    expect(sut.teams).toEqual([
      { team: 'Eng', asked: 5, acknowledged: 5, rate: 1 },
      { team: SMALL_TEAMS_POOL, asked: null, acknowledged: null, rate: null },
    ]);
    expect(acknowledgementRates('v1', people(null, 3, 1), 5).overall).toEqual({
      asked: null,
      acknowledged: null,
      rate: null,
    });
  });

  it('should name people without a team as one group', () => {
    const sut = acknowledgementRates('v1', people(null, 5, 1), 5);
    expect(sut.teams).toEqual([{ team: NO_TEAM, asked: 5, acknowledged: 1, rate: 0.2 }]);
  });

  it('should answer with no rows when no version is published', () => {
    expect(acknowledgementRates(null, [], 5)).toEqual({
      aupVersion: null,
      k: 5,
      overall: { asked: null, acknowledged: null, rate: null },
      teams: [],
    });
  });
});

describe(clarificationSummary.name, () => {
  const row = (toolId: string, uses: boolean | null, dataClasses: string[] = []) => ({
    toolId,
    answered: uses !== null,
    uses,
    dataClasses,
  });

  it('should show what k or more said and hide smaller groups', () => {
    const rows = [
      ...Array.from({ length: 5 }, () => row('cursor', true, ['internal'])),
      row('cursor', true, ['pii']),
      row('cursor', false),
      row('cursor', null),
    ];
    const [sut] = clarificationSummary(rows, 5);
    expect(sut).toEqual({
      toolId: 'cursor',
      asked: 8,
      answered: 7,
      saidYes: 6,
      saidNo: null,
      dataClasses: { internal: 5, pii: null },
    });
  });

  it('should show neither yes nor no when fewer than k answered', () => {
    const [sut] = clarificationSummary([row('deepseek', false), row('deepseek', true, ['pii'])], 5);
    expect(sut).toEqual({
      toolId: 'deepseek',
      asked: 2,
      answered: null,
      saidYes: null,
      saidNo: null,
      dataClasses: {},
    });
  });
});
