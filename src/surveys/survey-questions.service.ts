import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import type { Actor } from '../auth/role';
import { DomainError, ErrorCode } from '../common/domain-error';
import { checkQuestions } from './question-rules';
import { SurveyCatalog } from './survey-catalog';
import type { QuestionDefinition, SurveySection } from './survey.types';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';

/** The CoE's edit of a survey's question list. */
@Injectable()
export class SurveyQuestionsService {
  constructor(
    private readonly repo: SurveysRepository,
    private readonly surveys: SurveysService,
    private readonly catalog: SurveyCatalog,
    private readonly audit: AuditService,
  ) {}

  /**
   * Why the questions can no longer change, or null: once answers exist they would no longer fit
   * (code `survey-has-answers`). The console asks before it offers the editor.
   */
  async lockedBecause(id: string): Promise<{ code: 'survey-has-answers'; message: string } | null> {
    if ((await this.repo.countResponses(id)) === 0) return null;
    return {
      code: 'survey-has-answers',
      message: `survey ${id} already has answers; create a new survey to change its questions`,
    };
  }

  /** Refused once answers exist, since they would no longer fit. */
  async replace(
    id: string,
    questions: QuestionDefinition[],
    actor: Actor,
    sections?: SurveySection[],
  ): Promise<QuestionDefinition[]> {
    const survey = await this.surveys.requireSurvey(id);
    const locked = await this.lockedBecause(id);
    if (locked)
      throw new DomainError(ErrorCode.Conflict, `${locked.code}: ${locked.message}`, {
        problems: [locked],
      });
    const kept = sections ?? survey.sections ?? [];
    const checked = checkQuestions(questions, await this.catalog.tools(), kept);
    await this.repo.replaceQuestions(id, checked);
    if (sections) await this.repo.setSections(id, sections);
    await this.audit.record({
      actor,
      action: 'survey.questions.update',
      targetType: 'survey',
      targetId: id,
      detail: { questions: checked.length },
    });
    return this.surveys.questionsOf(id);
  }
}
