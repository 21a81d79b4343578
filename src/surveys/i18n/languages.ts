import type { QuestionDefinition, SurveySection } from '../survey.types';

/**
 * The form's languages. English, German and Spanish: German for the DACH engineering sites,
 * Spanish for Spain and the Latin American hubs most global engineering organisations staff;
 * together with English they cover the first language of most of such an organisation's people.
 */
export const FORM_LANGUAGES = ['en', 'de', 'es'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

const isFormLanguage = (tag: string): tag is FormLanguage =>
  (FORM_LANGUAGES as readonly string[]).includes(tag);

/**
 * The `?lang=` link parameter wins, then the browser's Accept-Language by weight (a regional
 * tag like de-CH counts as de), then English.
 */
export function pickLanguage(query: unknown, acceptLanguage: string | undefined): FormLanguage {
  if (typeof query === 'string') {
    const tag = query.toLowerCase().split('-')[0];
    if (isFormLanguage(tag)) return tag;
  }
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), i };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked.find((r) => isFormLanguage(r.tag))?.tag as FormLanguage | undefined) ?? 'en';
}

/** A form link that opens in `lang` whatever the browser prefers. */
export function withLanguage(url: string, lang: FormLanguage): string {
  return `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;
}

/** A question in the respondent's language; a field without a translation stays as written. */
export function localizeQuestion(q: QuestionDefinition, lang: FormLanguage): QuestionDefinition {
  const t = lang === 'en' ? undefined : q.translations?.[lang];
  if (!t) return q;
  const relabel = (
    list: { value: string; label: string }[] | undefined,
    names?: Record<string, string>,
  ) => list?.map((o) => ({ ...o, label: names?.[o.value] || o.label }));
  return {
    ...q,
    text: t.text || q.text,
    help: t.help || q.help,
    options: relabel(q.options, t.options),
    items: relabel(q.items, t.items),
    scale: q.scale
      ? {
          ...q.scale,
          minLabel: t.minLabel || q.scale.minLabel,
          maxLabel: t.maxLabel || q.scale.maxLabel,
        }
      : q.scale,
    number: q.number ? { ...q.number, unit: t.unit || q.number.unit } : q.number,
  };
}

export function localizeSection(s: SurveySection, lang: FormLanguage): SurveySection {
  const title = lang === 'en' ? undefined : s.translations?.[lang]?.title;
  return title ? { ...s, title } : s;
}
