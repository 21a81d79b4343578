import type { Answers, QuestionDefinition } from '../survey.types';
import { computeQuestionResults, quartiles } from './question-results';

const likert: QuestionDefinition = {
  key: 'policy',
  text: 'Policy is clear',
  kind: 'likert',
  required: true,
  scale: { min: 1, max: 5 },
};
const nps: QuestionDefinition = { key: 'nps', text: 'Recommend', kind: 'nps', required: true };
const matrix: QuestionDefinition = {
  key: 'phases',
  text: 'Use per phase',
  kind: 'matrix',
  required: true,
  items: [
    { value: 'coding', label: 'Coding' },
    { value: 'testing', label: 'Testing' },
  ],
  scale: { min: 1, max: 3 },
};
const hours: QuestionDefinition = {
  key: 'hours',
  text: 'Hours saved',
  kind: 'number',
  required: false,
  number: { unit: 'hours' },
};
const rank: QuestionDefinition = {
  key: 'rank',
  text: 'Barriers',
  kind: 'ranking',
  required: false,
  options: [
    { value: 'a', label: 'A' },
    { value: 'b', label: 'B' },
  ],
};

const responses = (list: Answers[]) => list.map((answers) => ({ answers }));

describe(computeQuestionResults.name, () => {
  it('should give counts and the mean of a Likert question when no count is small', () => {
    const [sut] = computeQuestionResults(
      [likert],
      responses([...Array(3).fill({ policy: '4' }), ...Array(3).fill({ policy: '2' })]),
      3,
    );
    expect(sut.distribution).toEqual({
      counts: { '1': 0, '2': 3, '3': 0, '4': 3, '5': 0 },
      mean: 3,
    });
  });

  it('should hide a small count, its complement and the mean that would reveal them', () => {
    const [sut] = computeQuestionResults(
      [likert],
      responses([
        ...Array(5).fill({ policy: '4' }),
        ...Array(3).fill({ policy: '2' }),
        { policy: '1' },
      ]),
      3,
    );
    expect(sut.distribution).toEqual({
      counts: { '1': null, '2': null, '3': 0, '4': 5, '5': 0 },
      mean: null,
    });
  });

  it('should score NPS as promoters minus detractors', () => {
    const [sut] = computeQuestionResults(
      [nps],
      responses([
        ...Array(5).fill({ nps: '10' }),
        ...Array(3).fill({ nps: '8' }),
        ...Array(2).fill({ nps: '3' }),
      ]),
      2,
    );
    expect(sut.nps).toEqual({ detractors: 2, passives: 3, promoters: 5, score: 30 });
  });

  it('should summarise a matrix per item, a number by quartiles and a ranking by mean rank', () => {
    const sut = computeQuestionResults(
      [matrix, hours, rank],
      responses([
        { phases: { coding: '3', testing: '1' }, hours: '2', rank: ['a', 'b'] },
        { phases: { coding: '3' }, hours: '4', rank: ['b', 'a'] },
        { phases: { coding: '2' }, hours: '10', rank: ['a', 'b'] },
      ]),
      2,
    );
    expect(sut[0].items).toEqual([
      {
        item: 'coding',
        label: 'Coding',
        answered: 3,
        counts: { '1': 0, '2': null, '3': null },
        mean: null,
      },
      { item: 'testing', label: 'Testing', answered: null, counts: {}, mean: null },
    ]);
    expect(sut[1].number).toEqual({ unit: 'hours', q1: 3, median: 4, q3: 7, mean: 5.33 });
    expect(sut[2].ranking).toEqual([
      { option: 'a', label: 'A', meanRank: 1.33 },
      { option: 'b', label: 'B', meanRank: 1.67 },
    ]);
  });

  it('should show nothing of a question fewer than k answered', () => {
    const [sut] = computeQuestionResults([hours], responses([{ hours: '3' }, {}]), 2);
    expect(sut).toEqual({
      key: 'hours',
      text: 'Hours saved',
      kind: 'number',
      answered: null,
      suppressed: true,
    });
  });
});

describe(quartiles.name, () => {
  it('should interpolate like QUARTILE.INC', () => {
    expect(quartiles([1, 2, 3, 4])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25, mean: 2.5 });
  });
});
