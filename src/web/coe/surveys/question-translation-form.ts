// A custom question's wording in the form's other languages, as the translation page shows and
// posts it. Fields are flat (`de_text`, `de_option_0`) so no option value has to survive a field
// name; an empty field is left out, and the form then shows the original wording there.
import { FORM_LANGUAGES, type FormLanguage } from '../../../surveys/i18n/languages';
import { LANGUAGE_NAMES } from '../../../surveys/i18n/form-strings';
import type { QuestionDefinition, QuestionTranslation } from '../../../surveys/survey.types';
import { formText, type CoeFieldError, type CoeFormBody } from '../coe-form';

/** Surveys are written in English; the author translates into the form's other languages. */
export const SOURCE_LANGUAGE: FormLanguage = 'en';

export function translationLanguages(): FormLanguage[] {
  return FORM_LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE);
}

export interface TranslationField {
  name: string;
  label: string;
  /** the original wording, shown beside the field and used by the form while it is empty */
  original: string;
  value: string;
  long?: boolean;
}

export interface TranslationLanguageView {
  lang: FormLanguage;
  name: string;
  fields: TranslationField[];
  /** fields still empty, which the form shows in the original language */
  missing: number;
}

type Field = {
  suffix: string;
  label: string;
  original: string;
  read: (t: QuestionTranslation | undefined) => string | undefined;
  write: (t: QuestionTranslation, value: string) => void;
  long?: boolean;
};

type TextKey = 'text' | 'help' | 'minLabel' | 'maxLabel' | 'unit';

/** One text of the question, translated under the same name (text, help, minLabel, …). */
function textField(key: TextKey, label: string, original: string | null | undefined): Field[] {
  if (!original) return [];
  return [
    {
      suffix: key,
      label,
      original,
      read: (t) => t?.[key],
      write: (t, v) => (t[key] = v),
      long: key === 'text',
    },
  ];
}

/** A list's labels (options or matrix items), translated by value. */
function listFields(
  key: 'options' | 'items',
  label: string,
  list: { value: string; label: string }[],
): Field[] {
  const stem = key === 'options' ? 'option' : 'item';
  return list.map((o, i) => ({
    suffix: `${stem}_${i}`,
    label: `${label} ${i + 1}`,
    original: o.label,
    read: (t) => t?.[key]?.[o.value],
    write: (t, v) => (t[key] = { ...t[key], [o.value]: v }),
  }));
}

/** The texts of a question a respondent reads, each with where its translation lives. */
function translatableFields(q: QuestionDefinition): Field[] {
  return [
    ...textField('text', 'Question', q.text),
    ...textField('help', 'Hint', q.help),
    // tool names are names: they are not translated
    ...listFields('options', 'Option', q.kind === 'tool-picker' ? [] : (q.options ?? [])),
    ...listFields('items', 'Item', q.items ?? []),
    ...textField('minLabel', 'Label of the lowest point', q.scale?.minLabel),
    ...textField('maxLabel', 'Label of the highest point', q.scale?.maxLabel),
    ...textField('unit', 'Unit', q.number?.unit),
  ];
}

export function translationFormView(
  q: QuestionDefinition,
  body?: CoeFormBody,
): TranslationLanguageView[] {
  return translationLanguages().map((lang) => {
    const fields = translatableFields(q).map((f) => {
      const name = `${lang}_${f.suffix}`;
      const value = body ? formText(body, name) : (f.read(q.translations?.[lang]) ?? '');
      return { name, label: f.label, original: f.original, value, long: f.long };
    });
    return {
      lang,
      name: LANGUAGE_NAMES[lang],
      fields,
      missing: fields.filter((f) => f.value === '').length,
    };
  });
}

const LIMITS: Record<string, number> = { text: 1000, help: 1000 };

/**
 * The question's translations from the posted page: the languages the page edits are replaced
 * (an empty field removes that text, an empty language is dropped); any other language the API
 * stored stays as it was.
 */
export function parseTranslationForm(
  body: CoeFormBody,
  q: QuestionDefinition,
): { translations?: Record<string, QuestionTranslation>; errors: CoeFieldError[] } {
  const errors: CoeFieldError[] = [];
  const out: Record<string, QuestionTranslation> = { ...(q.translations ?? {}) };
  for (const lang of translationLanguages()) {
    const t: QuestionTranslation = {};
    for (const f of translatableFields(q)) {
      const name = `${lang}_${f.suffix}`;
      const value = formText(body, name);
      if (value === '') continue;
      const limit = LIMITS[f.suffix] ?? 300;
      if (value.length > limit) {
        errors.push({
          field: name,
          message: `${LANGUAGE_NAMES[lang]}, ${f.label}: at most ${limit} characters`,
        });
        continue;
      }
      f.write(t, value);
    }
    if (Object.keys(t).length) out[lang] = t;
    else delete out[lang];
  }
  return errors.length ? { errors } : { translations: out, errors };
}
