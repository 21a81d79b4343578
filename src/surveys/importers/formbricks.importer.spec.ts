import { importFixture } from '../../../test/support/survey-fixtures';

describe('formbricksImporter', () => {
  it('should read "N. headline - Row" columns as one matrix on the agreement scale', async () => {
    const sut = await importFixture('formbricks-adoption.csv');
    expect(sut.questions[0]).toEqual({
      key: 'q1',
      text: 'How much do you agree with each statement?',
      kind: 'matrix',
      items: ['I trust AI output in code', 'I know which data I may paste'],
      options: ['1', '2', '3', '4', '5'],
      scale: { min: 1, max: 5, minLabel: 'Strongly disagree', maxLabel: 'Strongly agree' },
    });
    expect(sut.responses[2].answers.q1).toEqual({ 'I trust AI output in code': '2' });
  });

  it('should read an ordered list as a ranking and a subset list as a multi-select, skipping option ids', async () => {
    const sut = await importFixture('formbricks-adoption.csv');
    expect(sut.questions.map((q) => [q.key, q.kind])).toEqual([
      ['q1', 'matrix'],
      ['q2', 'nps'],
      ['q3', 'ranking'],
      ['q4', 'number'],
      ['q5', 'scale'],
      ['q6', 'multiple'],
    ]);
    expect(sut.questions[3].unit).toBe('hours');
    expect(sut.responses[0].answers).toMatchObject({
      q3: ['Unclear policy', 'Time', 'Trust in the output'],
      q6: ['GitHub Copilot', 'ChatGPT'],
    });
  });

  it('should read an older one-cell matrix of "row: answer" lines, reporting a line that is not a pair', async () => {
    const sut = await importFixture('formbricks-matrix-cell.csv');
    expect(sut.questions[0]).toMatchObject({ kind: 'matrix', items: ['Coding', 'Code review'] });
    expect(sut.questions[1].kind).toBe('text');
    expect(sut.responses[1].answers.q1).toEqual({ Coding: 'Always', 'Code review': 'Sometimes' });
    expect(sut.warnings).toEqual([
      'formbricks-matrix-cell.csv: line 6, column 10 ("1. How often do you use AI in each phase?"): "Review" is not a "row: answer" pair; the rest of the row is kept',
    ]);
  });

  it('should report a choice ranked twice and an NPS of 11, keeping the rest of the row', async () => {
    const sut = await importFixture('formbricks-adoption.csv');
    expect(sut.warnings).toEqual([
      'formbricks-adoption.csv: line 4, column 14 ("2. How likely are you to recommend our AI tools to a colleague?"): "11" is not a whole number from 0 to 10; the rest of the row is kept',
      'formbricks-adoption.csv: line 5, column 15 ("3. Rank what holds you back"): "Time" is ranked twice; the rest of the row is kept',
    ]);
    expect(sut.responses[3].answers).toMatchObject({ q2: '10', q4: '2' });
  });
});
