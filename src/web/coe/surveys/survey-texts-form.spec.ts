import { parseSurveyTextsForm, surveyTextsView } from './survey-texts-form';

describe('survey texts form', () => {
  it('should keep what is filled in, leave empty fields out and read the e-mail language', () => {
    const { input, errors } = parseSurveyTextsForm({
      de_title: ' KI ',
      de_description: '',
      es_title: '',
      es_description: 'Cinco minutos.',
      invitationLanguage: 'es',
    });
    expect(errors).toEqual([]);
    expect(input).toEqual({
      translations: { de: { title: 'KI' }, es: { description: 'Cinco minutos.' } },
      invitationLanguage: 'es',
    });
  });

  it('should refuse an unknown e-mail language and a title that is too long', () => {
    const { input, errors } = parseSurveyTextsForm({
      de_title: 'x'.repeat(201),
      invitationLanguage: 'fr',
    });
    expect(input).toBeUndefined();
    expect(errors.map((e) => e.field)).toEqual(['de_title', 'invitationLanguage']);
  });

  it('should offer no description field when the survey has none', () => {
    const view = surveyTextsView({ title: 'T', description: null, invitationLanguage: 'de' });
    expect(view.languages[0].fields.map((f) => f.name)).toEqual(['de_title']);
    expect(view.mailLanguages.find((l) => l.selected)?.lang).toBe('de');
  });
});
