import { formPages, visibilityOf, type FormPage } from '../logic/visibility';
import type { Answers, QuestionDefinition, SurveySection } from '../survey.types';
import type { PageView } from './form.renderer';
import { KIND_FORMS } from './kinds/kind-forms';

/**
 * The survey as pages the script-free form walks through: one per section, each showing only
 * the questions the answers so far apply to, and carrying the other answers as hidden fields.
 */
export class FormWalk {
  readonly pages: FormPage[];
  /** Pages and progressive logic need the page state fields; a plain survey posts as before. */
  readonly paged: boolean;

  constructor(
    private readonly questions: QuestionDefinition[],
    private readonly sections: SurveySection[],
  ) {
    this.pages = formPages(questions, sections);
    this.paged =
      this.pages.length > 1 || questions.some((q) => q.showIf) || sections.some((s) => s.showIf);
  }

  /** The posted page index, bounded to the survey's pages. */
  pageOf(posted: unknown): number {
    const n = Number(posted);
    return Number.isInteger(n) && n >= 0 && n < this.pages.length ? n : 0;
  }

  pageWithQuestion(key: string): number {
    return Math.max(
      0,
      this.pages.findIndex((p) => p.keys.includes(key)),
    );
  }

  /** The nearest page in a direction that shows a question on these answers (-1: none). */
  step(from: number, direction: 1 | -1, answers: Answers): number {
    const { visible } = visibilityOf(this.questions, this.sections, answers);
    for (let i = from + direction; i >= 0 && i < this.pages.length; i += direction)
      if (this.pages[i].keys.some((k) => visible.has(k))) return i;
    return -1;
  }

  firstPage(answers: Answers): number {
    return Math.max(0, this.step(-1, 1, answers));
  }

  view(index: number, answers: Answers): { questions: QuestionDefinition[]; page?: PageView } {
    const { visible, kept } = visibilityOf(this.questions, this.sections, answers);
    const onPage = new Set(this.pages[index]?.keys ?? []);
    const shown = this.questions.filter((q) => onPage.has(q.key) && visible.has(q.key));
    if (!this.paged) return { questions: shown };
    const carried = this.questions
      .filter((q) => !shown.includes(q) && kept[q.key] !== undefined)
      .flatMap((q) => KIND_FORMS[q.kind].fields(q, kept[q.key]));
    return {
      questions: shown,
      page: {
        index,
        count: this.pages.length,
        title: this.pages[index]?.section?.title,
        back: this.step(index, -1, kept) !== -1,
        next: this.step(index, 1, kept) !== -1,
        carried,
      },
    };
  }

  /** Questions of the page the answers now show but the respondent has not seen yet. */
  newlyShown(index: number, visible: Set<string>, posted: unknown): string[] {
    if (!this.paged) return [];
    const seen = new Set(typeof posted === 'string' ? posted.split(' ') : []);
    return (this.pages[index]?.keys ?? []).filter((k) => visible.has(k) && !seen.has(k));
  }
}
