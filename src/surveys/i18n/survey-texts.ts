import { FORM_LANGUAGES, type FormLanguage } from './languages';

/** The author's title and description in one language; an empty field falls back to the original. */
export interface SurveyTextTranslation {
  title?: string;
  description?: string;
}
export type SurveyTextTranslations = Partial<Record<FormLanguage, SurveyTextTranslation>>;

export const TRANSLATED_LANGUAGES = FORM_LANGUAGES.filter((l) => l !== 'en');
export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 4000;

/** The survey's title and description as a respondent in `lang` reads them. */
export function localizeSurveyTexts(
  survey: { title: string; description: string | null; translations?: SurveyTextTranslations },
  lang: FormLanguage,
): { title: string; description: string | null } {
  const t = lang === 'en' ? undefined : survey.translations?.[lang];
  return {
    title: t?.title?.trim() || survey.title,
    description: t?.description?.trim() || survey.description,
  };
}

/** Why a `translations` value cannot be stored, or null when it can. */
export function surveyTextsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'an object keyed by language (de, es)';
  for (const [lang, t] of Object.entries(value as Record<string, unknown>)) {
    if (!(TRANSLATED_LANGUAGES as string[]).includes(lang))
      return `"${lang}" is not a form language to translate into (${TRANSLATED_LANGUAGES.join(', ')})`;
    if (typeof t !== 'object' || t === null || Array.isArray(t)) return `${lang}: an object`;
    for (const [field, v] of Object.entries(t as Record<string, unknown>)) {
      const max = field === 'title' ? MAX_TITLE : field === 'description' ? MAX_DESCRIPTION : 0;
      if (!max) return `${lang}: unknown field ${field} (title, description)`;
      if (typeof v !== 'string' || v.length > max) return `${lang}.${field}: text up to ${max}`;
    }
  }
  return null;
}

/** Drops empty fields and languages, so "not translated" is stored one way. */
export function compactSurveyTexts(value: SurveyTextTranslations): SurveyTextTranslations {
  const out: SurveyTextTranslations = {};
  for (const lang of TRANSLATED_LANGUAGES) {
    const t = value[lang];
    const title = t?.title?.trim();
    const description = t?.description?.trim();
    if (title || description)
      out[lang] = { ...(title && { title }), ...(description && { description }) };
  }
  return out;
}
