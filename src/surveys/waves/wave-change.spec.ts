import type { QuestionDefinition } from '../survey.types';
import { ALL_TEAMS, computeWaveChange, type WaveResponse } from './wave-change';

const questions = [
  {
    key: 'policy',
    text: 'Do you know which tools are approved for which data?',
    kind: 'single',
    required: false,
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
  },
  { key: 'confidence', text: 'Confidence', kind: 'scale', required: false },
  {
    key: 'phases',
    text: 'Use per phase',
    kind: 'matrix',
    required: false,
    items: [{ value: 'coding', label: 'Coding' }],
  },
  { key: 'comments', text: 'Anything else?', kind: 'text', required: false },
] as unknown as QuestionDefinition[];

const answer = (team: string | null, policy: string, confidence: number, coding?: number) =>
  ({
    team,
    answers: {
      policy,
      confidence: String(confidence),
      ...(coding ? { phases: { coding: String(coding) } } : {}),
      comments: 'free text is never compared',
    },
  }) as WaveResponse;

const wave = (yes: number, no: number, team: string, confidence: number) => [
  ...Array.from({ length: yes }, (_, i) => answer(team, 'yes', confidence + (i % 2), 3 + (i % 2))),
  ...Array.from({ length: no }, () => answer(team, 'no', confidence, 2)),
];

describe(computeWaveChange.name, () => {
  const sut = computeWaveChange({
    questions,
    k: 5,
    before: [...wave(5, 5, 'Platform', 2), ...wave(1, 1, 'Data', 2), answer(null, 'no', 1)],
    after: [...wave(10, 0, 'Platform', 4), ...wave(2, 0, 'Data', 4)],
  });

  it('should compare only teams with at least k respondents in both waves', () => {
    expect(sut.teams).toEqual(['Platform']);
    expect(sut.suppressedTeams).toEqual(['Data']);
    const teams = sut.questions[0].measures[0].cells.map((c) => c.team);
    expect(teams).toEqual([ALL_TEAMS, 'Platform']);
  });

  it('should give a share with its Wilson interval and the change with its interval', () => {
    const yes = sut.questions[0].measures.find((m) => m.part === 'yes')!;
    const platform = yes.cells.find((c) => c.team === 'Platform')!;
    expect(platform.before).toMatchObject({ n: 10, value: 0.5 });
    expect(platform.after).toMatchObject({ n: 10, value: 1 });
    expect(platform.change?.value).toBe(0.5);
    expect(platform.change!.low!).toBeGreaterThan(0);
    expect(platform.change!.high!).toBeLessThanOrEqual(1);
    expect(platform.before!.low!).toBeLessThan(0.5);
  });

  it('should withhold a share that fewer than k chose in either wave', () => {
    const no = sut.questions[0].measures.find((m) => m.part === 'no')!;
    // 6 said no before (5 + the respondent without a team), 0 after: 0 is not a small count
    expect(no.cells[0].suppressed).toBe(false);
    const all = computeWaveChange({
      questions,
      k: 5,
      before: wave(8, 2, 'Platform', 2),
      after: wave(10, 0, 'Platform', 2),
    });
    expect(all.questions[0].measures.find((m) => m.part === 'no')!.cells[0]).toMatchObject({
      suppressed: true,
      before: null,
      change: null,
    });
  });

  it('should give means with a t interval for scales and matrix items', () => {
    const confidence = sut.questions.find((q) => q.key === 'confidence')!.measures[0];
    expect(confidence.measure).toBe('mean');
    const platform = confidence.cells.find((c) => c.team === 'Platform')!;
    expect(platform.after!.value).toBeGreaterThan(platform.before!.value);
    expect(platform.change!.low!).toBeGreaterThan(0);
    const coding = sut.questions.find((q) => q.key === 'phases')!.measures[0];
    expect(coding).toMatchObject({ part: 'coding', measure: 'mean' });
    // the respondent who skipped the matrix is not counted
    expect(coding.cells[0].before!.n).toBe(12);
  });

  it('should leave free text out', () => {
    expect(sut.questions.map((q) => q.key)).toEqual(['policy', 'confidence', 'phases']);
  });
});
