import { sayMessage, type FormMessage } from '../i18n/form-strings';
import type { FormLanguage } from '../i18n/languages';
import { visibilityOf } from '../logic/visibility';
import type { Answers, QuestionDefinition, SurveySection } from '../survey.types';
import { KIND_FORMS } from './kinds/kind-forms';

export { MAX_TEXT_ANSWER } from './kinds/text.kind';

export interface AnswerError {
  key: string;
  message: string;
}

export interface ValidateOptions {
  sections?: SurveySection[];
  /** only these questions must be answered (the page being left); default: every question */
  requiredOf?: Set<string>;
  /** the language errors are said in (the questions given should be in it too); default English */
  lang?: FormLanguage;
}

/**
 * Normalise the posted form fields to answers, checking each against its question, in survey
 * order. A question hidden by its or its section's showIf is never required and its posted
 * fields are dropped. A draft ("save") skips the required check.
 */
export function validateAnswers(
  questions: QuestionDefinition[],
  posted: Record<string, unknown>,
  mode: 'save' | 'submit',
  options: ValidateOptions = {},
): { answers: Answers; errors: AnswerError[]; visible: Set<string> } {
  const read: Answers = {};
  const errors: AnswerError[] = [];
  const say = (m: FormMessage) => sayMessage(options.lang ?? 'en', m);
  const incomplete = new Map<string, FormMessage>();
  for (const question of questions) {
    const {
      answer,
      problem,
      incomplete: partial,
    } = KIND_FORMS[question.kind].read(question, posted);
    if (problem) errors.push({ key: question.key, message: say(problem) });
    else if (answer !== undefined) read[question.key] = answer;
    if (partial) incomplete.set(question.key, partial);
  }
  const { visible, kept } = visibilityOf(questions, options.sections, read);
  const shownErrors = errors.filter((e) => visible.has(e.key));
  if (mode === 'submit')
    for (const q of questions) {
      if (!visible.has(q.key) || !q.required || shownErrors.some((e) => e.key === q.key)) continue;
      if (options.requiredOf && !options.requiredOf.has(q.key)) continue;
      if (kept[q.key] === undefined)
        shownErrors.push({
          key: q.key,
          message: say({ key: 'error.required', params: { question: q.text } }),
        });
      else if (incomplete.has(q.key))
        shownErrors.push({ key: q.key, message: say(incomplete.get(q.key) as FormMessage) });
    }
  const order = new Map(questions.map((q, i) => [q.key, i]));
  shownErrors.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  return { answers: kept, errors: shownErrors, visible };
}
