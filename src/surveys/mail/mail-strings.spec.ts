import { FORM_LANGUAGES } from '../i18n/languages';
import { MAIL_CATALOGS, sayMail, type MailMessageKey } from './mail-strings';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('mail catalog', () => {
  const english = MAIL_CATALOGS.en;
  const keys = Object.keys(english) as MailMessageKey[];

  it.each(FORM_LANGUAGES.filter((l) => l !== 'en'))(
    'should say every English key in %s, with the same placeholders, not copied',
    (lang) => {
      const catalog: Record<string, unknown> = MAIL_CATALOGS[lang];
      expect(Object.keys(catalog).sort()).toEqual([...keys].sort());
      const problems = keys.flatMap((key) => {
        const text = catalog[key];
        if (typeof text !== 'string' || !text.trim()) return [`${key}: empty`];
        const found = placeholders(text).join(',');
        const wanted = placeholders(english[key]).join(',');
        if (found !== wanted) return [`${key}: placeholders ${found} instead of ${wanted}`];
        return english[key].includes(' ') && text === english[key] ? [`${key}: English`] : [];
      });
      expect(problems).toEqual([]);
    },
  );

  it('should fill in the values it is given', () => {
    expect(sayMail('de', 'subject.invitation', { title: 'KI' })).toBe('Umfrage: KI');
    expect(sayMail('es', 'greeting.named', { name: 'Ana' })).toBe('Hola, Ana:');
  });
});
