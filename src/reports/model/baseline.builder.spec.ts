import { buildBaseline } from './baseline.builder';
import { finding, fixtureInput } from './report-fixture.spec-helper';

describe(buildBaseline.name, () => {
  it('should count observed and self-reported adoption when findings and answers are given', () => {
    const sut = buildBaseline(fixtureInput());
    expect(sut.headline).toMatchObject({
      headcount: 14,
      observedUsers: 12, // p0-p5, p7-p11, p12; p13 is a false positive
      observedShare: 0.857,
      respondents: 10,
      selfReportedUsers: 5,
      selfReportedShare: 0.5,
      toolsInUse: 3,
      toolsSanctioned: 1,
      shadowTools: 2,
      shadowFindings: 8,
      shadowByTier: { critical: 1, high: 1, medium: 6, low: 0 },
      repositoriesWithAi: 1,
    });
  });

  it('should leave leads out of every headline count when their evidence is only weak', () => {
    const base = fixtureInput();
    const leads = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].map((subjectId) =>
      finding({ subjectId, toolId: 'deepseek', strength: 'lead', tier: 'critical', score: 80 }),
    );
    const repoLead = finding({
      subjectType: 'repository',
      subjectId: 'acme/lead-only',
      toolId: 'cursor',
      strength: 'lead',
    });
    const sut = buildBaseline({ ...base, findings: [...base.findings, ...leads, repoLead] });
    expect(sut.headline).toEqual(buildBaseline(base).headline);
  });

  it('should suppress tool counts under k and keep the rest', () => {
    const sut = buildBaseline(fixtureInput());
    const byId = Object.fromEntries(sut.tools.map((t) => [t.toolId, t]));
    expect(byId['github-copilot'].observedPeople).toBe(6);
    expect(byId['cursor'].observedPeople).toBe(5);
    expect(byId['deepseek'].observedPeople).toBeNull();
    expect(byId['github-copilot'].disclosureGap).toBe(0.167);
  });

  it('should pool teams under k and never print a person identifier', () => {
    const sut = buildBaseline(fixtureInput());
    expect(sut.teams.map((t) => t.team)).toEqual(['a', 'b']); // c (2 people) pooled alone stays under k: dropped
    const json = JSON.stringify(sut);
    expect(json).not.toMatch(/@example\.test/);
    expect(json).not.toMatch(/"p\d+"/);
  });

  it('should rank top risks by tier and explain them', () => {
    const sut = buildBaseline(fixtureInput());
    expect(sut.topRisks[0]).toMatchObject({
      toolId: 'deepseek',
      tier: 'critical',
      maxScore: 82,
      findings: 2,
      people: null,
    });
    expect(sut.topRisks[0].reasons.map((r) => r.reason)).toEqual([
      'DeepSeek is prohibited by policy',
      'data processed under CN jurisdiction',
    ]);
  });

  it('should recommend sanctioning a widely used acceptable tool and blocking a prohibited one', () => {
    const sut = buildBaseline(fixtureInput());
    expect(sut.recommendations.sanction.map((r) => r.toolId)).toEqual(['cursor']);
    expect(sut.recommendations.block.map((r) => r.toolId)).toEqual(['deepseek']);
  });

  it('should show the change since a previous baseline when one is given', () => {
    const first = buildBaseline(fixtureInput());
    const more = fixtureInput().findings.concat(
      finding({ subjectId: 'p6', team: 'a', toolId: 'chatgpt', score: 50, tier: 'high' }),
    );
    const sut = buildBaseline(
      fixtureInput({
        findings: more,
        previous: first,
        generatedAt: new Date('2026-04-01T00:00:00Z'),
      }),
    );
    expect(sut.change).toMatchObject({
      previousAt: '2026-03-01T00:00:00.000Z',
      observedShare: { before: 0.857, after: 0.929 },
      toolsInUse: { before: 3, after: 4 },
      newTools: ['chatgpt'],
      goneTools: [],
    });
    expect(sut.change?.shadowByTier.high).toEqual({ before: 1, after: 2 });
  });
});
