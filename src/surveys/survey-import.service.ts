import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import type { Actor } from '../auth/role';
import { DomainError, ErrorCode } from '../common/domain-error';
import { PeopleService } from '../people/people.service';
import { SurveyImportError } from './importers/import-error';
import type {
  ColumnMapping,
  ColumnPlan,
  ImportOptions,
  SurveyFormat,
} from './importers/import.types';
import { buildSurvey } from './importers/plan.util';
import { encodingNote, planSurveyTable, readSurveyTable } from './importers/survey-import';
import { belowFullConfidence, resolveSurveyTools } from './importers/tool-mentions';
import { SurveyCatalog } from './survey-catalog';
import { importedQuestionDefinitions } from './survey-questions';
import { SurveySecrets } from './survey-secrets';
import type { PrivacyMode } from './survey.types';
import { SurveysRepository, type NewResponse } from './surveys.repository';
import { SurveysService } from './surveys.service';

export interface ImportSummary {
  surveyId: string;
  format: SurveyFormat;
  responses: number;
  questions: number;
  /** respondents naming each tool */
  tools: Record<string, number>;
  linkedToPeople: number;
  warnings: string[];
}

/** Other tools' survey exports, read into a survey of ours. */
@Injectable()
export class SurveyImportService {
  constructor(
    private readonly repo: SurveysRepository,
    private readonly surveys: SurveysService,
    private readonly people: PeopleService,
    private readonly catalog: SurveyCatalog,
    private readonly secrets: SurveySecrets,
    private readonly audit: AuditService,
  ) {}

  /** The detected column → question plan, for the CoE to adjust before importing. */
  async plan(buffer: Buffer, options: ImportOptions): Promise<ColumnPlan> {
    return this.guard(async () =>
      planSurveyTable(await readSurveyTable(buffer, options.fileName), options),
    );
  }

  /** A new survey holding the export (the CLI's import-survey). */
  async importAsNewSurvey(
    buffer: Buffer,
    options: ImportOptions & { title?: string; privacyMode?: PrivacyMode },
    actor: Actor,
  ): Promise<ImportSummary> {
    const table = await this.guard(() => readSurveyTable(buffer, options.fileName));
    const plan = this.guard(() => planSurveyTable(table, options));
    const survey = await this.repo.createSurvey({
      title: options.title ?? `Import of ${options.fileName ?? plan.format}`,
      description: null,
      privacyMode: options.privacyMode ?? 'identified',
      k: this.surveys.defaultK(),
      source: 'import',
      importFormat: plan.format,
      createdBy: actor.name,
    });
    await this.surveys.auditCreated(survey, actor);
    return this.importInto(survey.id, buffer, options, actor);
  }

  /** Adds an export's responses to a survey; its questions are added to the survey's own by key. */
  async importInto(
    surveyId: string,
    buffer: Buffer,
    options: ImportOptions,
    actor: Actor,
  ): Promise<ImportSummary> {
    const survey = await this.surveys.requireSurvey(surveyId);
    const table = await this.guard(() => readSurveyTable(buffer, options.fileName));
    const plan = this.guard(() => planSurveyTable(table, options));
    const imported = buildSurvey(plan, table, options.fileName);
    const existing = await this.surveys.questionsOf(surveyId);
    const known = new Set(existing.map((q) => q.key));
    const added = importedQuestionDefinitions(imported.questions).filter((q) => !known.has(q.key));
    if (added.length) await this.repo.replaceQuestions(surveyId, [...existing, ...added]);
    const questions = [...existing, ...added];
    const wish = new Set(questions.filter((q) => q.role === 'wished-tool').map((q) => q.key));
    const usage = resolveSurveyTools(imported, await this.catalog.matcher(), wish);

    const rows: NewResponse[] = [];
    let linked = 0;
    for (const [i, response] of imported.responses.entries()) {
      let personId: string | null = null;
      if (survey.privacyMode !== 'anonymous' && response.respondentKeyKind === 'email') {
        personId = (
          await this.people.resolveIdentity('email', response.respondentKey, {
            source: `survey-import:${surveyId}`,
          })
        ).personId;
      }
      if (personId) linked++;
      rows.push({
        surveyId,
        personId: survey.privacyMode === 'identified' ? personId : null,
        pseudonym:
          survey.privacyMode === 'pseudonymous' && personId
            ? this.secrets.pseudonym(personId)
            : null,
        respondentKey: survey.privacyMode === 'identified' ? response.respondentKey : null,
        source: 'import',
        submittedOn: response.submittedAt ? response.submittedAt.slice(0, 10) : null,
        answers: response.answers,
        toolIds: usage.perResponse[i],
        toolConfidence: belowFullConfidence(usage.confidence[i]),
      });
    }
    await this.repo.insertResponses(rows);
    await this.audit.record({
      actor,
      action: 'survey.import',
      targetType: 'survey',
      targetId: surveyId,
      detail: { format: imported.format, responses: imported.responses.length },
    });
    return {
      surveyId,
      format: imported.format,
      responses: imported.responses.length,
      questions: imported.questions.length,
      tools: usage.counts,
      linkedToPeople: linked,
      warnings: [...encodingNote(buffer, options.fileName), ...imported.warnings],
    };
  }

  private guard<T>(fn: () => T): T {
    try {
      const result = fn();
      if (result instanceof Promise) return result.catch(rethrow) as T;
      return result;
    } catch (error) {
      return rethrow(error);
    }
  }
}

function rethrow(error: unknown): never {
  if (error instanceof SurveyImportError)
    throw new DomainError(ErrorCode.InvalidInput, error.message);
  throw error;
}

export function parseMapping(raw: string | undefined): ColumnMapping | undefined {
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new DomainError(ErrorCode.InvalidInput, 'mapping: not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new DomainError(ErrorCode.InvalidInput, 'mapping: must be a JSON object');
  return value as ColumnMapping;
}
