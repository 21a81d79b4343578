// The survey's own title and description in the form's other languages, and the language its
// e-mails are written in, as the console page shows and posts them (`de_title`, `es_description`,
// `invitationLanguage`). An empty field is left out: the form then shows the original there.
import { LANGUAGE_NAMES } from '../../../surveys/i18n/form-strings';
import { FORM_LANGUAGES, type FormLanguage } from '../../../surveys/i18n/languages';
import {
  MAX_DESCRIPTION,
  MAX_TITLE,
  TRANSLATED_LANGUAGES,
  type SurveyTextTranslations,
} from '../../../surveys/i18n/survey-texts';
import { formText, type CoeFieldError, type CoeFormBody } from '../coe-form';

export interface SurveyTextsSource {
  title: string;
  description: string | null;
  translations?: SurveyTextTranslations;
  invitationLanguage?: FormLanguage;
}

export interface SurveyTextsInput {
  translations: SurveyTextTranslations;
  invitationLanguage: FormLanguage;
}

const FIELDS = [
  { key: 'title', label: 'Title', max: MAX_TITLE },
  { key: 'description', label: 'Description', max: MAX_DESCRIPTION },
] as const;

/** The page's fields, filled from what was posted (after an error) or what is stored. */
export function surveyTextsView(survey: SurveyTextsSource, body?: CoeFormBody) {
  const chosen = body ? formText(body, 'invitationLanguage') : survey.invitationLanguage;
  return {
    languages: TRANSLATED_LANGUAGES.map((lang) => {
      const fields = FIELDS.filter((f) => f.key === 'title' || survey.description).map((f) => ({
        name: `${lang}_${f.key}`,
        label: f.label,
        original: f.key === 'title' ? survey.title : (survey.description ?? ''),
        value: body
          ? formText(body, `${lang}_${f.key}`)
          : (survey.translations?.[lang]?.[f.key] ?? ''),
        long: f.key === 'description',
      }));
      return {
        lang,
        name: LANGUAGE_NAMES[lang],
        fields,
        missing: fields.filter((f) => !f.value).length,
      };
    }),
    mailLanguages: FORM_LANGUAGES.map((lang) => ({
      lang,
      name: LANGUAGE_NAMES[lang],
      selected: lang === (chosen || 'en'),
    })),
  };
}

export function parseSurveyTextsForm(body: CoeFormBody): {
  input?: SurveyTextsInput;
  errors: CoeFieldError[];
} {
  const errors: CoeFieldError[] = [];
  const translations: SurveyTextTranslations = {};
  for (const lang of TRANSLATED_LANGUAGES) {
    for (const f of FIELDS) {
      const field = `${lang}_${f.key}`;
      const value = formText(body, field);
      if (value.length > f.max)
        errors.push({
          field,
          message: `${LANGUAGE_NAMES[lang]} ${f.key}: at most ${f.max} characters.`,
        });
      else if (value) translations[lang] = { ...translations[lang], [f.key]: value };
    }
  }
  const invitationLanguage = formText(body, 'invitationLanguage') || 'en';
  if (!(FORM_LANGUAGES as readonly string[]).includes(invitationLanguage))
    errors.push({ field: 'invitationLanguage', message: 'Choose one of the listed languages.' });
  if (errors.length) return { errors };
  return {
    input: { translations, invitationLanguage: invitationLanguage as FormLanguage },
    errors,
  };
}
