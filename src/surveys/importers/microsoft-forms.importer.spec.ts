import { microsoftFormsAdoptionXlsx } from '../../../test/support/survey-kind-exports';
import { importSurveyExport } from './survey-import';

const read = async () =>
  importSurveyExport(await microsoftFormsAdoptionXlsx(), { fileName: 'pulse.xlsx' });

describe('microsoftFormsImporter', () => {
  it('should read a Likert question written one column per statement as a matrix on one scale', async () => {
    const sut = await read();
    expect(sut.questions[0]).toMatchObject({
      text: 'How much do you agree with each statement?',
      kind: 'matrix',
      items: ['I trust AI output in code', 'I know which data I may paste'],
      scale: { min: 1, max: 5, minLabel: 'Strongly disagree', maxLabel: 'Strongly agree' },
    });
    // "Neutral" is Forms' middle label
    expect(sut.responses[1].answers[sut.questions[0].key]).toEqual({
      'I trust AI output in code': '3',
      'I know which data I may paste': '4',
    });
  });

  it('should read "a;b;c;" as a ranking when every row orders the same options, and a multi-select otherwise', async () => {
    const sut = await read();
    const byText = Object.fromEntries(sut.questions.map((q) => [q.text, q]));
    expect(byText['Rank what holds you back'].kind).toBe('ranking');
    expect(byText['Which AI tools do you use?'].kind).toBe('multiple');
    expect(sut.responses[0].answers.rank_what_holds_you_back).toEqual([
      'Unclear policy',
      'Time',
      'Trust in the output',
    ]);
  });

  it('should read NPS, the number with its unit and a rating as a numeric scale', async () => {
    const sut = await read();
    expect(sut.questions.map((q) => q.kind)).toEqual([
      'matrix',
      'nps',
      'ranking',
      'number',
      'scale',
      'multiple',
    ]);
    expect(sut.questions[3].unit).toBe('hours');
  });

  it('should report a ranking naming an option twice and an NPS of 11, keeping the rest of the row', async () => {
    const sut = await read();
    expect(sut.warnings).toEqual([
      'pulse.xlsx: line 4, column 9 ("How likely are you to recommend our AI tools to a colleague?"): "11" is not a whole number from 0 to 10; the rest of the row is kept',
      'pulse.xlsx: line 5, column 10 ("Rank what holds you back"): "Time" is ranked twice; the rest of the row is kept',
    ]);
    expect(sut.responses[2].answers.time_saved_per_week_hours).toBe('12');
  });
});
