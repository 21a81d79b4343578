import type { QuestionDefinition } from '../../../surveys/survey.types';
import { parseTranslationForm, translationFormView } from './question-translation-form';

const ranking: QuestionDefinition = {
  key: 'wish',
  text: 'Rank what would help',
  kind: 'ranking',
  required: false,
  options: [
    { value: 'training', label: 'Training' },
    { value: 'time', label: 'Time to learn' },
  ],
  translations: { fr: { text: 'Classez' }, es: { text: 'Ordene' } },
};

describe(translationFormView.name, () => {
  it('should offer German and Spanish fields beside the English wording, counting the empty ones', () => {
    const [de, es] = translationFormView(ranking);
    expect(de.lang).toBe('de');
    expect(de.fields.map((f) => [f.name, f.original, f.value])).toEqual([
      ['de_text', 'Rank what would help', ''],
      ['de_option_0', 'Training', ''],
      ['de_option_1', 'Time to learn', ''],
    ]);
    expect(de.missing).toBe(3);
    expect(es.fields[0].value).toBe('Ordene');
    expect(es.missing).toBe(2);
  });
});

describe(parseTranslationForm.name, () => {
  it('should key option labels by value, leave out empty fields and keep other languages', () => {
    const sut = parseTranslationForm(
      { de_text: ' Was würde helfen? ', de_option_0: 'Schulung', de_option_1: '', es_text: '' },
      ranking,
    );
    expect(sut).toEqual({
      errors: [],
      translations: {
        fr: { text: 'Classez' },
        de: { text: 'Was würde helfen?', options: { training: 'Schulung' } },
      },
    });
  });

  it('should refuse a label that is too long, naming the language and field', () => {
    const sut = parseTranslationForm({ de_option_1: 'x'.repeat(301) }, ranking);
    expect(sut.translations).toBeUndefined();
    expect(sut.errors).toEqual([
      { field: 'de_option_1', message: 'Deutsch, Option 2: at most 300 characters' },
    ]);
  });
});
