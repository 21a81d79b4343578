import type { QuestionDefinition } from '../survey.types';
import { localPrivacyStatement, say } from './form-strings';
import { localizeQuestion, pickLanguage } from './languages';

describe(pickLanguage.name, () => {
  it('should prefer the link parameter over the browser', () => {
    expect(pickLanguage('es', 'de-DE,de;q=0.9')).toBe('es');
  });

  it("should follow the browser's weights and match a regional tag to its language", () => {
    expect(pickLanguage(undefined, 'fr-FR,fr;q=0.9,de-CH;q=0.8,en;q=0.5')).toBe('de');
    expect(pickLanguage(undefined, 'en;q=0.4,es-MX;q=0.9')).toBe('es');
  });

  it('should fall back to English for an unknown or missing language', () => {
    expect(pickLanguage('xx', 'ja-JP')).toBe('en');
    expect(pickLanguage(undefined, undefined)).toBe('en');
  });
});

describe(localizeQuestion.name, () => {
  const q: QuestionDefinition = {
    key: 'policy',
    text: 'Do you know the policy?',
    kind: 'single',
    required: false,
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
    translations: { de: { text: 'Kennen Sie die Richtlinie?', options: { yes: 'Ja' } } },
  };

  it('should translate what has a translation and keep the rest as written', () => {
    const de = localizeQuestion(q, 'de');
    expect(de.text).toBe('Kennen Sie die Richtlinie?');
    expect(de.options).toEqual([
      { value: 'yes', label: 'Ja' },
      { value: 'no', label: 'No' },
    ]);
    expect(localizeQuestion(q, 'es')).toBe(q);
  });

  it('should translate the form chrome and the privacy statement with k', () => {
    expect(say('de', 'form.submit')).toBe('Antworten absenden');
    expect(localPrivacyStatement('es', 'anonymous', 7)).toContain('al menos 7 personas');
  });
});
