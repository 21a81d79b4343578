import { FORM_CATALOGS, say, type FormMessageKey } from './form-strings';
import { FORM_LANGUAGES } from './languages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('form catalog', () => {
  const english = FORM_CATALOGS.en;
  const keys = Object.keys(english) as FormMessageKey[];

  it.each(FORM_LANGUAGES.filter((l) => l !== 'en'))(
    'should say every English key in %s, with the same placeholders, and nothing more',
    (lang) => {
      const catalog: Record<string, unknown> = FORM_CATALOGS[lang];
      expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        const text = catalog[key];
        expect(typeof text === 'string' && text.trim().length > 0 ? key : `${key}: empty`).toBe(
          key,
        );
        expect({ key, placeholders: placeholders(text as string) }).toEqual({
          key,
          placeholders: placeholders(english[key]),
        });
        // an English sentence copied over is a missing translation too
        if (english[key].includes(' '))
          expect({ key, copied: text === english[key] }).toEqual({ key, copied: false });
      }
    },
  );

  it('should fill in every placeholder it is given and leave an unknown one visible', () => {
    expect(say('de', 'error.scaleRange', { min: 0, max: 10, question: 'NPS' })).toBe(
      'Wählen Sie eine Zahl von 0 bis 10 für „NPS“.',
    );
    expect(say('en', 'form.page', { page: 2 })).toBe('Page 2 of {count}');
  });
});
