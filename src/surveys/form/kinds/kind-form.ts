import type { FormMessage, FormMessageKey, MessageParams } from '../../i18n/form-strings';
import type { Answer, QuestionDefinition } from '../../survey.types';

/** What the page shell hands each kind: ids, the required mark, help and error markup. */
export interface QuestionChrome {
  /** the element the error summary links to, and the base of every field name */
  id: string;
  required: string;
  help: string;
  errorText: string;
  /** aria-describedby / aria-invalid attributes for the first control */
  aria: string;
  /** the form's own words in the respondent's language */
  say: (key: FormMessageKey, params?: MessageParams) => string;
}

export interface ReadAnswer {
  /** undefined: not answered */
  answer?: Answer;
  /** a bad value, said to the respondent in their language by the page */
  problem?: FormMessage;
  /** answered in part; an error only when the question is required */
  incomplete?: FormMessage;
}

/** One question kind on the script-free form: its markup, its fields, and reading them back. */
export interface KindForm {
  render(q: QuestionDefinition, answer: Answer | undefined, chrome: QuestionChrome): string;
  /** the name/value pairs that post this answer, to carry it as hidden fields across pages */
  fields(q: QuestionDefinition, answer: Answer): [string, string][];
  read(q: QuestionDefinition, posted: Record<string, unknown>): ReadAnswer;
}

export const fieldName = (q: QuestionDefinition, part?: number) =>
  part === undefined ? `q_${q.key}` : `q_${q.key}__${part}`;

/** The trimmed, non-empty strings posted under a name (one, or several for checkboxes). */
export function postedValues(posted: Record<string, unknown>, name: string): string[] {
  const raw = posted[name];
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter(Boolean);
}
