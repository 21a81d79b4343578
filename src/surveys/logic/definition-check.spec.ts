import type { QuestionDefinition, SurveySection } from '../survey.types';
import { evaluateCondition } from './condition';
import { logicProblems } from './definition-check';
import { isReachable } from './reachability';
import { formPages, visibilityOf } from './visibility';

const uses: QuestionDefinition = {
  key: 'uses',
  text: 'Do you use AI tools?',
  kind: 'single',
  required: true,
  options: [
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
  ],
};
const hours: QuestionDefinition = {
  key: 'hours',
  text: 'Hours saved per week',
  kind: 'number',
  required: true,
  number: { unit: 'hours', min: 0, max: 40 },
  showIf: { question: 'uses', op: 'equals', value: 'yes' },
};
const barriers: QuestionDefinition = {
  key: 'barriers',
  text: 'What stops you?',
  kind: 'text',
  required: true,
  section: 'barriers',
};
const sections: SurveySection[] = [
  { key: 'barriers', title: 'Barriers', showIf: { question: 'uses', op: 'equals', value: 'no' } },
];

describe(logicProblems.name, () => {
  it('should accept a skip path where each required question shows on some answer', () => {
    expect(logicProblems([uses, hours, barriers], sections)).toEqual([]);
  });

  it('should name a condition on an unknown or later question', () => {
    const sut = logicProblems([
      { ...uses, showIf: { question: 'hours', op: 'answered' } },
      { ...hours, showIf: { question: 'nope', op: 'answered' } },
    ]);
    expect(sut.map((p) => [p.code, p.question])).toEqual([
      ['show-if-later-question', 'uses'],
      ['show-if-unknown-question', 'hours'],
    ]);
  });

  it('should call mutual conditions a cycle', () => {
    const sut = logicProblems([
      { ...uses, showIf: { question: 'hours', op: 'answered' } },
      { ...hours, showIf: { question: 'uses', op: 'answered' } },
    ]);
    expect(sut.map((p) => [p.code, p.question])).toEqual([['show-if-cycle', 'uses']]);
  });

  it('should refuse a value the question does not offer and an operator that does not fit', () => {
    const sut = logicProblems([
      uses,
      { ...hours, showIf: { question: 'uses', op: 'equals', value: 'maybe' } },
      { ...barriers, section: null, showIf: { question: 'uses', op: 'gte', value: 3 } },
    ]);
    expect(sut.map((p) => [p.code, p.question])).toEqual([
      ['show-if-unknown-value', 'hours'],
      ['show-if-operator', 'barriers'],
    ]);
  });

  it('should find a required question no path of answers shows', () => {
    const sut = logicProblems([
      uses,
      {
        ...hours,
        showIf: {
          all: [
            { question: 'uses', op: 'equals', value: 'yes' },
            { question: 'uses', op: 'equals', value: 'no' },
          ],
        },
      },
      { ...barriers, section: null, showIf: { question: 'uses', op: 'not-answered' } },
    ]);
    expect(sut.map((p) => [p.code, p.question])).toEqual([
      ['required-unreachable', 'hours'],
      ['required-unreachable', 'barriers'],
    ]);
  });

  it('should follow a chain of conditions through numbers', () => {
    const many: QuestionDefinition = {
      ...barriers,
      section: null,
      key: 'many',
      showIf: { question: 'hours', op: 'gte', value: 10 },
    };
    expect(isReachable('many', [uses, hours, many])).toBe(true);
    expect(isReachable('many', [uses, { ...hours, number: { unit: 'h', max: 5 } }, many])).toBe(
      false,
    );
  });
});

describe(visibilityOf.name, () => {
  it('should drop the answers of a skipped path and show the section it leads to', () => {
    const sut = visibilityOf([uses, hours, barriers], sections, {
      uses: 'no',
      hours: '3',
      barriers: 'cost',
    });
    expect([...sut.visible]).toEqual(['uses', 'barriers']);
    expect(sut.kept).toEqual({ uses: 'no', barriers: 'cost' });
  });

  it('should read rankings, matrices and numbers in conditions', () => {
    const answers = { rank: ['b', 'a'], grid: { speed: '4' }, n: '7' };
    expect(evaluateCondition({ question: 'rank', op: 'equals', value: 'b' }, answers)).toBe(true);
    expect(evaluateCondition({ question: 'grid', op: 'includes', value: 'speed=4' }, answers)).toBe(
      true,
    );
    expect(evaluateCondition({ question: 'n', op: 'lte', value: 6 }, answers)).toBe(false);
    expect(evaluateCondition({ question: 'x', op: 'not-equals', value: 'a' }, answers)).toBe(true);
  });
});

describe(formPages.name, () => {
  it('should make one page per run of a section', () => {
    expect(formPages([uses, hours, barriers], sections).map((p) => p.keys)).toEqual([
      ['uses', 'hours'],
      ['barriers'],
    ]);
  });
});
