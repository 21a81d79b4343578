import { buildBaseline } from './baseline.builder';
import { grade, measure, measureLevel, ORGANISATION } from './maturity';
import type { MaturityMeasures } from './report.types';
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
  it('gives each measure its own level by its floors', () => {
    expect(measureLevel('sanctionedShare', 0.2)).toBe(1);
    expect(measureLevel('sanctionedShare', 0.25)).toBe(2);
    expect(measureLevel('sanctionedShare', 0.89)).toBe(4);
    expect(measureLevel('sanctionedShare', 0.9)).toBe(5);
    expect(measureLevel('guardrailShare', 0)).toBe(1);
  });

  it('takes the mean of the measured levels, rounded down', () => {
    expect(grade(allMet).level).toBe(5);
    // 5 + 5 + 5 + 5 + 1 = 21 / 5 = 4.2
    expect(grade({ ...allMet, guardrailShare: 0 }).level).toBe(4);
    // 1 + 1 + 5 + 5 + 5 = 17 / 5 = 3.4
    expect(grade({ ...allMet, sanctionedShare: 0.1, disclosureRate: 0.2 }).level).toBe(3);
    expect(
      grade({
        ...allMet,
        sanctionedShare: 0,
        disclosureRate: 0,
        instructionsShare: 0,
        trailerShare: 0,
        guardrailShare: 0,
      }).level,
    ).toBe(1);
  });

  it('leaves out what it could not measure, and says so', () => {
    const { level, reasons } = grade({
      ...allMet,
      disclosureRate: null,
      instructionsShare: null,
      trailerShare: null,
      guardrailShare: null,
      sanctionedShare: 0.6,
    });
    expect(level).toBe(3);
    expect(reasons).toContain(
      'Not measured: the disclosure rate (no survey answers to compare observed use with (or too few to show))',
    );
    const nothing = grade({
      sanctionedShare: null,
      disclosureRate: null,
      instructionsShare: null,
      trailerShare: null,
      guardrailShare: null,
      repositoriesWithAi: 0,
    });
    expect(nothing.level).toBe(1);
    expect(nothing.reasons[0]).toBe('Nothing could be measured yet');
  });

  it('lists the weakest measure first, with its figure and the next floor', () => {
    const { reasons } = grade({ ...allMet, sanctionedShare: 0.8, trailerShare: 0.1 });
    expect(reasons[0]).toBe(
      '10% of repositories with AI use carry AI co-author trailers on their commits: level 2 (level 3 needs 25%)',
    );
    expect(reasons[1]).toBe(
      '80% of observed AI use is on sanctioned tools: level 4 (level 5 needs 90%)',
    );
    expect(reasons).toContain('100% of repositories with AI use run check-repo in CI: level 5');
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
