import { importFixture } from '../../../test/support/survey-fixtures';

const NAME = 'surveymonkey-adoption.csv';
const read = () => importFixture(NAME);

describe('surveyMonkeyImporter', () => {
  it('should read a matrix of agreement labels as items on one Likert scale with labelled ends', async () => {
    const sut = await read();
    expect(sut.questions[0]).toEqual({
      key: 'how_much_do_you_agree_with_each_statement',
      text: 'How much do you agree with each statement?',
      kind: 'matrix',
      items: ['I trust AI output in code', 'I know which data I may paste'],
      options: ['1', '2', '3', '4', '5'],
      scale: { min: 1, max: 5, minLabel: 'Strongly disagree', maxLabel: 'Strongly agree' },
    });
    expect(sut.responses[0].answers[sut.questions[0].key]).toEqual({
      'I trust AI output in code': '4',
      'I know which data I may paste': '5',
    });
  });

  it('should read rank columns as a ranking in rank order', async () => {
    const sut = await read();
    expect(sut.questions[2]).toEqual({
      key: 'rank_what_holds_you_back',
      text: 'Rank what holds you back',
      kind: 'ranking',
      options: ['Time', 'Unclear policy', 'Trust in the output'],
    });
    expect(sut.responses.map((r) => r.answers.rank_what_holds_you_back)).toEqual([
      ['Unclear policy', 'Time', 'Trust in the output'],
      ['Time', 'Trust in the output', 'Unclear policy'],
      ['Trust in the output', 'Unclear policy', 'Time'],
      undefined,
    ]);
  });

  it('should read NPS, an open-ended number with its unit and a single agreement question', async () => {
    const sut = await read();
    expect(sut.questions.slice(1).map((q) => [q.kind, q.unit])).toEqual([
      ['nps', undefined],
      ['ranking', undefined],
      ['number', 'hours'],
      ['likert', undefined],
    ]);
  });

  it('should report a rank given twice and an NPS of 11 by line and column, keeping the rest', async () => {
    const sut = await read();
    expect(sut.warnings).toEqual([
      `${NAME}: line 5, column 12 ("How likely are you to recommend our AI tools to a colleague?"): "11" is not a whole number from 0 to 10; the rest of the row is kept`,
      `${NAME}: line 6, column 14 ("Rank what holds you back - Unclear policy"): rank 1 is given twice (also to "Time"); the rest of the row is kept`,
    ]);
    expect(sut.responses[3].answers).toMatchObject({
      how_likely_are_you_to_recommend_our_ai_tools_to_: '10',
      time_saved_per_week_hours: '2',
    });
  });
});
