import { compactSurveyTexts, localizeSurveyTexts, surveyTextsProblem } from './survey-texts';

describe('survey texts', () => {
  const survey = {
    title: 'AI use',
    description: 'Five minutes.',
    translations: { de: { title: 'KI-Nutzung', description: '  ' } },
  };

  it('should show the translation, and the original where it is empty or missing', () => {
    expect(localizeSurveyTexts(survey, 'de')).toEqual({
      title: 'KI-Nutzung',
      description: 'Five minutes.',
    });
    expect(localizeSurveyTexts(survey, 'es')).toEqual({
      title: 'AI use',
      description: 'Five minutes.',
    });
  });

  it('should refuse languages the form has not and fields it does not know', () => {
    expect(surveyTextsProblem({ de: { title: 'x' } })).toBeNull();
    expect(surveyTextsProblem({ fr: { title: 'x' } })).toMatch(/"fr"/);
    expect(surveyTextsProblem({ de: { text: 'x' } })).toMatch(/unknown field text/);
    expect(surveyTextsProblem({ de: { title: 'x'.repeat(201) } })).toMatch(/up to 200/);
    expect(surveyTextsProblem([])).not.toBeNull();
  });

  it('should store "not translated" one way', () => {
    expect(compactSurveyTexts({ de: { title: ' ', description: ' D ' }, es: {} })).toEqual({
      de: { description: 'D' },
    });
  });
});
