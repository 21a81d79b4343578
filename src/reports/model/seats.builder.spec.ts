import { finding, fixtureInput } from './report-fixture.spec-helper';
import { buildSeatSection } from './seats.builder';

describe('seats against use', () => {
  // generatedAt 2026-03-01; 30 idle days → use on or after 2026-01-30 keeps a seat busy
  const input = fixtureInput({
    seats: [
      { toolId: 'github-copilot', personId: 'p0', team: 'a', lastActiveDay: null },
      { toolId: 'github-copilot', personId: 'p7', team: 'b', lastActiveDay: '2026-02-25' },
      { toolId: 'github-copilot', personId: 'p8', team: 'b', lastActiveDay: '2025-12-01' },
      { toolId: 'github-copilot', personId: null, team: null, lastActiveDay: null },
    ],
  });

  it('counts a seat idle only when neither the vendor nor any other evidence shows use', () => {
    const [row] = buildSeatSection(input, 30, { 'github-copilot': 19 });
    // p0 has no vendor record but uses Copilot on the network (fixture): busy; p7 busy by the
    // vendor; p8 and the holder outside the directory are idle
    expect(row).toMatchObject({ toolId: 'github-copilot', seats: 4, idle: 2, idleMonthlyCost: 38 });
    expect(row.byTeam).toEqual([
      { team: 'b', seats: 2, idle: 1 },
      { team: 'Not in the directory', seats: 1, idle: 1 },
      { team: 'a', seats: 1, idle: 0 },
    ]);
  });

  it('leaves the cost unknown without a price, and the section empty without seats', () => {
    expect(buildSeatSection(input, 30, {})[0].idleMonthlyCost).toBeNull();
    expect(buildSeatSection(fixtureInput(), 30, {})).toEqual([]);
  });

  it('names heavy users of a sanctioned tool who hold no seat', () => {
    const heavy = fixtureInput({
      seats: [{ toolId: 'github-copilot', personId: 'p0', team: 'a', lastActiveDay: null }],
      findings: [
        finding({ subjectId: 'p1', toolId: 'github-copilot', evidenceCount: 12, shadow: false }),
        finding({ subjectId: 'p2', toolId: 'github-copilot', evidenceCount: 2, shadow: false }),
        finding({ subjectId: 'p3', toolId: 'github-copilot', evidenceCount: 9, strength: 'lead' }),
        finding({ subjectId: 'p0', toolId: 'github-copilot', evidenceCount: 30, shadow: false }),
      ],
    });
    expect(buildSeatSection(heavy, 30, {})[0].heavyUsersWithoutSeat).toBe(1);
  });
});
