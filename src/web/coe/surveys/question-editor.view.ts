// What the question list (on the survey page) and the question page show.
import type { Condition, QuestionDefinition, QuestionKind } from '../../../surveys/survey.types';
import type { CoeFieldError } from '../coe-form';
import {
  EDITOR_KINDS,
  kindLabel,
  simpleCondition,
  type QuestionFormValues,
} from './question-editor-form';
import { translationLanguages } from './question-translation-form';
import { LANGUAGE_NAMES } from '../../../surveys/i18n/form-strings';

export interface QuestionRowView {
  key: string;
  number: number;
  text: string;
  kind: string;
  required: boolean;
  condition: string | null;
  languages: string;
  first: boolean;
  last: boolean;
}

/** "shown when frequency is daily"; complex conditions (set through the API) in short. */
export function conditionLabel(c: Condition, questions: QuestionDefinition[]): string {
  const simple = simpleCondition(c);
  if (!simple) return 'shown on a combined condition (set through the API)';
  const read = questions.find((q) => q.key === simple.question);
  const label = read?.options?.find((o) => o.value === simple.value)?.label ?? simple.value;
  return simple.value === ''
    ? `shown when "${simple.question}" is answered`
    : `shown when "${simple.question}" has the answer "${label}"`;
}

export function questionListView(questions: QuestionDefinition[]): QuestionRowView[] {
  return questions.map((q, i) => ({
    key: q.key,
    number: i + 1,
    text: q.text,
    kind: kindLabel(q.kind),
    required: q.required,
    condition: q.showIf ? conditionLabel(q.showIf, questions) : null,
    languages: translationLanguages()
      .map(
        (l) =>
          `${LANGUAGE_NAMES[l]}: ${q.translations?.[l]?.text ? 'translated' : 'English shown'}`,
      )
      .join(' · '),
    first: i === 0,
    last: i === questions.length - 1,
  }));
}

/** Which groups of fields the page shows for a kind. */
function kindFields(kind: QuestionKind) {
  return {
    options: kind === 'single' || kind === 'multiple' || kind === 'ranking',
    likert: kind === 'likert',
    nps: kind === 'nps',
    scale: kind === 'scale',
    matrix: kind === 'matrix',
    number: kind === 'number',
    toolPicker: kind === 'tool-picker',
    /** the labelled ends of a scale */
    ends: kind === 'likert' || kind === 'nps' || kind === 'scale' || kind === 'matrix',
  };
}

export interface QuestionPageInput {
  surveyId: string;
  surveyTitle: string;
  kind: QuestionKind;
  /** the key of the question being edited; absent for a new one */
  editing?: string;
  values: QuestionFormValues;
  /** the survey's questions (the one edited included) */
  questions: QuestionDefinition[];
  errors?: CoeFieldError[];
}

export function questionPageView(input: QuestionPageInput) {
  const { surveyId, kind, editing, values, questions } = input;
  const errors = input.errors ?? [];
  const fieldErrors: Record<string, string> = {};
  for (const e of errors) {
    const field = ALIASES[e.field] ?? e.field;
    fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]} ${e.message}` : e.message;
  }
  const base = `/surveys/${surveyId}/questions`;
  return {
    survey: { id: surveyId, title: input.surveyTitle },
    editing: editing ?? null,
    action: editing ? `${base}/${encodeURIComponent(editing)}` : base,
    kindAction: editing ? `${base}/${encodeURIComponent(editing)}/edit` : `${base}/new`,
    kind,
    kindLabel: kindLabel(kind),
    kinds: EDITOR_KINDS.map((k) => ({ ...k, checked: k.kind === kind })),
    show: kindFields(kind),
    values,
    points7: values.points === '7',
    columnsOptions: values.columns === 'options',
    showIfChoices: questions
      .filter((q) => q.key !== editing)
      .map((q) => ({
        key: q.key,
        label: `${questions.indexOf(q) + 1}. ${q.text} (${q.key})`,
        selected: q.key === values.showIfQuestion,
      })),
    // suggestions for the answer field: each other question's options, by label
    showIfAnswers: questions
      .filter((q) => q.key !== editing && q.kind !== 'tool-picker')
      .flatMap((q) => (q.options ?? []).map((o) => ({ value: o.label, question: q.key }))),
    // errors with no field on this page (other questions, the survey) go to the summary only
    errors: errors.map((e) => ({ ...e, anchor: ANCHORS[e.field] ?? null })),
    fieldErrors,
  };
}

/** The service names a whole part (scale, number) where the page has several inputs. */
const ALIASES: Record<string, string> = { scale: 'min', number: 'unit' };

/** The id of the input each field error points to, for the summary's links. */
const ANCHORS: Record<string, string> = {
  key: 'qe-key',
  text: 'qe-text',
  help: 'qe-help',
  required: 'qe-required',
  options: 'qe-options',
  items: 'qe-items',
  scale: 'qe-min',
  min: 'qe-min',
  max: 'qe-max',
  unit: 'qe-unit',
  number: 'qe-unit',
  tools: 'qe-tools',
  showIf: 'qe-showIfQuestion',
};
