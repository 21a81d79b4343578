import type { Answers, QuestionDefinition, SurveySection } from '../survey.types';
import { evaluateCondition } from './condition';

export interface Visibility {
  /** keys of the questions shown on these answers */
  visible: Set<string>;
  /** the answers of shown questions only: a hidden question's answer is dropped */
  kept: Answers;
}

/**
 * Which questions the answers show, in survey order: a question is shown when its section's and
 * its own showIf hold on the kept answers of earlier questions (conditions only read earlier
 * questions; the definition check refuses the rest). Answers to hidden questions are dropped
 * before later conditions read them, so a skipped path leaves nothing behind.
 */
export function visibilityOf(
  questions: QuestionDefinition[],
  sections: SurveySection[] | undefined,
  answers: Answers,
): Visibility {
  const sectionOf = new Map((sections ?? []).map((s) => [s.key, s]));
  const visible = new Set<string>();
  const kept: Answers = {};
  for (const q of questions) {
    const section = q.section ? sectionOf.get(q.section) : undefined;
    const shown =
      (!section?.showIf || evaluateCondition(section.showIf, kept)) &&
      (!q.showIf || evaluateCondition(q.showIf, kept));
    if (!shown) continue;
    visible.add(q.key);
    if (answers[q.key] !== undefined) kept[q.key] = answers[q.key];
  }
  return { visible, kept };
}

export interface FormPage {
  section: SurveySection | null;
  keys: string[];
}

/** One page per run of questions in the same section; a survey without sections is one page. */
export function formPages(
  questions: QuestionDefinition[],
  sections: SurveySection[] | undefined,
): FormPage[] {
  const sectionOf = new Map((sections ?? []).map((s) => [s.key, s]));
  const pages: FormPage[] = [];
  let current: string | null | undefined;
  for (const q of questions) {
    const key = q.section ?? null;
    if (pages.length === 0 || key !== current)
      pages.push({ section: (key && sectionOf.get(key)) || null, keys: [] });
    pages[pages.length - 1].keys.push(q.key);
    current = key;
  }
  return pages;
}
