import { importFixture } from '../../../test/support/survey-fixtures';

const read = importFixture;

describe('typeformImporter', () => {
  it('should read a ranking written as ordered choices in one column, apart from a multi-select', async () => {
    const sut = await read('typeform-adoption.csv');
    expect(sut.questions.map((q) => [q.text, q.kind])).toEqual([
      ['How likely are you to recommend our AI tools to a colleague?', 'nps'],
      ['Rank what holds you back', 'ranking'],
      ['How clear is the AI policy to you?', 'scale'],
      ['How would you rate our AI training?', 'scale'],
      ['Time saved per week (hours)', 'number'],
      ['Which AI tools do you use?', 'multiple'],
    ]);
    expect(sut.responses[1].answers.rank_what_holds_you_back).toEqual([
      'Time',
      'Trust in the output',
      'Unclear policy',
    ]);
    expect(sut.questions[4].unit).toBe('hours');
  });

  it('should read a ranking written one column per choice holding its rank', async () => {
    const sut = await read('typeform-rank-columns.csv');
    expect(sut.questions[1]).toEqual({
      key: 'ranking_time',
      text: 'Ranking: Time / Unclear policy / Trust in the output',
      kind: 'ranking',
      options: ['Time', 'Unclear policy', 'Trust in the output'],
    });
    expect(sut.responses[0].answers.ranking_time).toEqual([
      'Unclear policy',
      'Time',
      'Trust in the output',
    ]);
  });

  it('should report a choice ranked twice and an NPS of 11, keeping the rest of the row', async () => {
    const joined = await read('typeform-adoption.csv');
    expect(joined.warnings).toEqual([
      'typeform-adoption.csv: line 4, column 2 ("How likely are you to recommend our AI tools to a colleague?"): "11" is not a whole number from 0 to 10; the rest of the row is kept',
      'typeform-adoption.csv: line 5, column 3 ("Rank what holds you back"): "Time" is ranked twice; the rest of the row is kept',
    ]);
    expect(joined.responses[3].answers.how_likely_are_you_to_recommend_our_ai_tools_to_).toBe('10');
    const columns = await read('typeform-rank-columns.csv');
    expect(columns.warnings[1]).toBe(
      'typeform-rank-columns.csv: line 5, column 4 ("Unclear policy"): rank 1 is given twice (also to "Time"); the rest of the row is kept',
    );
  });
});
