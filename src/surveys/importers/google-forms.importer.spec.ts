import { importFixture } from '../../../test/support/survey-fixtures';

const read = importFixture;

describe('googleFormsImporter', () => {
  it('should read a multiple-choice grid as one matrix whose items are the bracketed rows', async () => {
    const sut = await read('google-forms-adoption.csv');
    const grid = sut.questions.find((q) => q.kind === 'matrix');
    expect(grid).toEqual({
      key: 'how_often_do_you_use_ai_in_each_phase',
      text: 'How often do you use AI in each phase?',
      kind: 'matrix',
      items: ['Coding', 'Code review'],
      // the grid's columns in their scale's order, whatever order respondents used them in
      options: ['Rarely', 'Sometimes', 'Often', 'Always'],
    });
    expect(sut.responses[2].answers[grid?.key as string]).toEqual({ Coding: 'Sometimes' });
  });

  it('should read each row of a checkbox grid as a multi-select, not one scale', async () => {
    const sut = await read('google-forms-adoption.csv');
    const rows = sut.questions.filter((q) =>
      q.text.startsWith('Which tools do you use per phase?'),
    );
    expect(rows.map((q) => [q.kind, q.text])).toEqual([
      ['multiple', 'Which tools do you use per phase? [Coding]'],
      ['multiple', 'Which tools do you use per phase? [Code review]'],
    ]);
    expect(sut.responses[0].answers[rows[0].key]).toEqual(['GitHub Copilot', 'ChatGPT']);
    expect(sut.responses[2].answers[rows[1].key]).toEqual(['ChatGPT', 'Cursor']);
  });

  it('should keep a lone bracketed heading as a question of its own, not a one-item matrix', async () => {
    const sut = await read('google-forms-adoption.csv');
    expect(sut.questions.find((q) => q.text === 'Which tools [optional]')).toMatchObject({
      kind: 'single',
      options: ['Cursor', 'ChatGPT'],
    });
  });

  it('should read NPS 0–10, the number with its unit and a linear scale, never a Likert from bare numbers', async () => {
    const sut = await read('google-forms-adoption.csv');
    const kinds = Object.fromEntries(sut.questions.map((q) => [q.text, q]));
    expect(kinds['How likely are you to recommend our AI tools to a colleague?'].kind).toBe('nps');
    expect(kinds['Time saved per week (hours)']).toMatchObject({ kind: 'number', unit: 'hours' });
    expect(kinds['How well do you understand the AI policy?']).toMatchObject({
      kind: 'scale',
      scale: { min: 1, max: 5 },
    });
    // options "1".."3" of a plain multiple choice: no agreement labels, so no Likert
    expect(kinds['How many AI tools do you use?'].kind).not.toBe('likert');
  });

  it('should report an NPS cell of 11 with file, line and column and keep the rest of the row', async () => {
    const sut = await read('google-forms-adoption.csv');
    expect(sut.warnings).toEqual([
      'google-forms-adoption.csv: line 4, column 7 ("How likely are you to recommend our AI tools to a colleague?"): "11" is not a whole number from 0 to 10; the rest of the row is kept',
    ]);
    const cy = sut.responses[2].answers;
    expect(cy.how_likely_are_you_to_recommend_our_ai_tools_to_).toBeUndefined();
    expect(cy.time_saved_per_week_hours).toBe('12');
  });
});
