import { buildAdoption, completeWeeks } from './adoption.builder';
import { fixtureInput } from './report-fixture.spec-helper';

describe(buildAdoption.name, () => {
  const name = (id: string) => id.toUpperCase();

  it('should take the Mondays of the last four complete weeks', () => {
    // 2026-03-01 is a Sunday: its week is not over
    expect(completeWeeks(new Date('2026-03-01T12:00:00Z'))).toEqual([
      '2026-01-26',
      '2026-02-02',
      '2026-02-09',
      '2026-02-16',
    ]);
    expect(completeWeeks(new Date('2026-03-02T00:00:00Z')).at(-1)).toBe('2026-02-23');
  });

  it('should count weekly active users by the vendor beside survey and network, under k suppressed', () => {
    const input = fixtureInput({
      vendorUsage: [
        ...['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].flatMap((user) => [
          { toolId: 'github-copilot', user, day: '2026-02-16' },
          { toolId: 'github-copilot', user, day: '2026-02-18' },
        ]),
        { toolId: 'github-copilot', user: 'p0', day: '2026-02-10' },
        { toolId: 'github-copilot', user: 'email:zed@personal.example', day: '2026-02-11' },
        { toolId: 'cursor', user: 'p7', day: '2026-02-17' },
        // the current week is not complete: not shown
        { toolId: 'cursor', user: 'p8', day: '2026-02-24' },
      ],
    });
    const sut = buildAdoption(input, input.findings, name);
    expect(sut?.weeks).toEqual(['2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16']);
    expect(sut?.rows).toEqual([
      {
        toolId: 'github-copilot',
        name: 'GITHUB-COPILOT',
        survey: 5,
        network: 6,
        vendor: [
          { week: '2026-01-26', activeUsers: 0 },
          { week: '2026-02-02', activeUsers: 0 },
          { week: '2026-02-09', activeUsers: null },
          { week: '2026-02-16', activeUsers: 6 },
        ],
      },
      {
        toolId: 'cursor',
        name: 'CURSOR',
        survey: 0,
        // p7…p11 on the network; p13 is a false positive but buildAdoption gets the active list
        network: 6,
        vendor: [
          { week: '2026-01-26', activeUsers: 0 },
          { week: '2026-02-02', activeUsers: 0 },
          { week: '2026-02-09', activeUsers: 0 },
          { week: '2026-02-16', activeUsers: null },
        ],
      },
    ]);
  });

  it('should leave the section out when no vendor recorded use', () => {
    expect(buildAdoption(fixtureInput(), [], name)).toBeNull();
  });
});
