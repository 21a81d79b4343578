import { buildBaseline } from './baseline.builder';
import { grade, measure, ORGANISATION, type MaturityMeasures } from './maturity';
import { finding, fixtureInput, fixtureTools } from './report-fixture.spec-helper';

const tools = new Map(fixtureTools.map((t) => [t.id, t]));

const allMet: MaturityMeasures = {
  sanctionedShare: 1,
  disclosureRate: 1,
  instructionsShare: 1,
  trailerShare: 1,
  guardrailShare: 1,
  repositoriesWithAi: 3,
};

describe('maturity grade', () => {
  it('reaches level 5 only when every measure meets its floor', () => {
    expect(grade(allMet).level).toBe(5);
    expect(grade({ ...allMet, guardrailShare: 0.5 }).level).toBe(4);
    expect(grade({ ...allMet, trailerShare: 0.2 }).level).toBe(3);
    expect(grade({ ...allMet, disclosureRate: 0.5 }).level).toBe(2);
    expect(grade({ ...allMet, sanctionedShare: 0.4 }).level).toBe(1);
  });

  it('never claims a level on a measure it could not take', () => {
    const { level, reasons } = grade({ ...allMet, disclosureRate: null });
    expect(level).toBe(2);
    expect(reasons.join('\n')).toMatch(
      /Level 3 needs the disclosure rate measured: no survey answers/,
    );
  });

  it('says what holds the team back, with the figure and the floor', () => {
    const { reasons } = grade({ ...allMet, sanctionedShare: 0.8, trailerShare: 0.1 });
    expect(reasons).toContain('80% of observed AI use is on sanctioned tools (level 3 needs 75%)');
    expect(reasons).toContain(
      'Level 4 needs 90% of observed AI use is on sanctioned tools; today 80%',
    );
    expect(reasons).toContain(
      'Level 4 needs 50% of repositories with AI use carry AI co-author trailers on their commits; today 10%',
    );
  });
});

describe('maturity measures', () => {
  it('counts repositories by what their findings show, and leaves out leads', () => {
    const repo = (subjectId: string, toolId: string, signals: string[], strength = 'claim') =>
      finding({
        subjectType: 'repository',
        subjectId,
        team: 'a',
        toolId,
        signals,
        strength: strength as 'claim' | 'lead',
        disclosure: 'not-applicable',
      });
    const m = measure(
      [
        repo('acme/one', 'github-copilot', ['config-file']),
        repo('acme/one', 'cursor', ['commit-trailer']),
        repo('acme/two', 'deepseek', ['config-file']), // a chat assistant: not agent instructions
        repo('acme/three', 'cursor', ['dependency']),
      ],
      tools,
      new Set(['acme/two']),
      5,
    );
    expect(m.repositoriesWithAi).toBe(3);
    expect(m.instructionsShare).toBeCloseTo(1 / 3, 3);
    expect(m.trailerShare).toBeCloseTo(1 / 3, 3);
    expect(m.guardrailShare).toBeCloseTo(1 / 3, 3);
    // no person findings: the person measures are not measured, never 0%
    expect(m.sanctionedShare).toBeNull();
    expect(m.disclosureRate).toBeNull();
  });

  it('suppresses person shares over fewer uses than k', () => {
    const few = [0, 1, 2].map((i) =>
      finding({ subjectId: `p${i}`, toolId: 'github-copilot', disclosure: 'disclosed' }),
    );
    expect(measure(few, tools, new Set(), 5).sanctionedShare).toBeNull();
    expect(measure(few, tools, new Set(), 3).sanctionedShare).toBe(1);
  });
});

describe('maturity in the baseline', () => {
  it('grades the organisation and every team a leader may see, and no small team alone', () => {
    const model = buildBaseline(fixtureInput());
    const teams = (model.maturity ?? []).map((m) => m.team);
    expect(teams[0]).toBe(ORGANISATION);
    expect(teams.slice(1)).toEqual(model.teams.map((t) => t.team));
    expect(teams).not.toContain('c');
    const a = model.maturity?.find((m) => m.team === 'a');
    // team a: 6 Copilot uses (sanctioned) and one prohibited DeepSeek use = 6/7 sanctioned
    expect(a?.measures.sanctionedShare).toBeCloseTo(6 / 7, 3);
    expect(a?.level).toBe(3);
    const b = model.maturity?.find((m) => m.team === 'b');
    expect(b?.measures.sanctionedShare).toBe(0);
    expect(b?.level).toBe(1);
  });

  it('shows the level of the previous baseline beside this one', () => {
    const first = buildBaseline(fixtureInput());
    const second = buildBaseline(
      fixtureInput({ previous: first, generatedAt: new Date('2026-06-01T00:00:00Z') }),
    );
    const a = second.maturity?.find((m) => m.team === 'a');
    expect(a?.previousLevel).toBe(3);
    const older = buildBaseline(
      fixtureInput({ previous: { ...first, maturity: undefined } }),
    ).maturity?.find((m) => m.team === 'a');
    expect(older?.previousLevel).toBeNull();
  });
});
