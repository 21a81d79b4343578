import type { QuestionDefinition, QuestionTranslation } from '../survey.types';
import { TEMPLATES_DE } from './templates.de';
import { TEMPLATES_ES } from './templates.es';

export type BuiltInTemplate = 'inventory' | 'pulse';

/** One language's wording of the built-in templates, by template and question key. */
export type TemplateTranslations = Record<BuiltInTemplate, Record<string, QuestionTranslation>>;

const BY_LANGUAGE: Record<string, TemplateTranslations> = { de: TEMPLATES_DE, es: TEMPLATES_ES };

/**
 * Attaches the built-in translations to a template's questions. They are stored with the survey
 * like a custom question's, so the CoE can edit them with the questions.
 */
export function withTranslations(
  questions: QuestionDefinition[],
  template: BuiltInTemplate,
): QuestionDefinition[] {
  return questions.map((q) => {
    const translations: Record<string, QuestionTranslation> = { ...q.translations };
    for (const [lang, table] of Object.entries(BY_LANGUAGE)) {
      const t = table[template][q.key];
      if (t) translations[lang] = t;
    }
    return Object.keys(translations).length ? { ...q, translations } : q;
  });
}
