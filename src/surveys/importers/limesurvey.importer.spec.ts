import { importFixture } from '../../../test/support/survey-fixtures';

const read = importFixture;

describe('limeSurveyImporter', () => {
  it('should read an array question with code headings as a matrix and ranks Q3[1].. as a ranking', async () => {
    const sut = await read('limesurvey-adoption-code.csv');
    expect(sut.questions.map((q) => [q.key, q.kind])).toEqual([
      ['Q1', 'matrix'],
      ['Q2', 'number'],
      ['Q3', 'ranking'],
      ['Q4', 'number'],
      ['Q5', 'single'],
      ['Q6', 'single'],
    ]);
    expect(sut.questions[0].items).toEqual(['SQ001', 'SQ002']);
    expect(sut.responses[0].answers).toMatchObject({
      Q1: { SQ001: 'A4', SQ002: 'A5' },
      Q3: ['A2', 'A1', 'A3'],
    });
  });

  it('should read full-text headings: array on one Likert scale, ranking by position, NPS and unit', async () => {
    const sut = await read('limesurvey-adoption-full.csv');
    expect(sut.questions.map((q) => [q.text, q.kind])).toEqual([
      ['How much do you agree with each statement?', 'matrix'],
      ['How likely are you to recommend our AI tools to a colleague?', 'nps'],
      ['Rank what holds you back', 'ranking'],
      ['Time saved per week (hours)', 'number'],
      ['The AI policy is clear to me', 'likert'],
      ['Which tools [optional]', 'single'],
    ]);
    expect(sut.questions[0]).toMatchObject({
      items: ['I trust AI output in code', 'I know which data I may paste'],
      scale: { min: 1, max: 5, minLabel: 'Strongly disagree', maxLabel: 'Strongly agree' },
    });
    expect(sut.questions[3].unit).toBe('hours');
    expect(sut.responses[1].answers.rank_what_holds_you_back).toEqual([
      'Time',
      'Trust in the output',
      'Unclear policy',
    ]);
  });

  it('should keep a lone bracketed text heading a question of its own, not a one-item group', async () => {
    const sut = await read('limesurvey-adoption-full.csv');
    expect(sut.responses[0].answers.which_tools_optional).toBe('Cursor, mostly');
  });

  it('should report an answer ranked twice and an NPS of 11, keeping the rest of the row', async () => {
    const sut = await read('limesurvey-adoption-full.csv');
    expect(sut.warnings).toEqual([
      'limesurvey-adoption-full.csv: line 4, column 11 ("How likely are you to recommend our AI tools to a colleague?"): "11" is not a whole number from 0 to 10; the rest of the row is kept',
      'limesurvey-adoption-full.csv: line 5, column 13 ("Rank what holds you back [Ranking 2]"): "Time" is ranked twice; the rest of the row is kept',
    ]);
    expect(sut.responses[3].answers).toMatchObject({ time_saved_per_week_hours: '2' });
  });
});
