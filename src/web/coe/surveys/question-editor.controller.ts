import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { DomainError, ErrorCode } from '../../../common/domain-error';
import { SurveyQuestionsService } from '../../../surveys/survey-questions.service';
import { SurveyResultsService } from '../../../surveys/survey-results.service';
import { SurveysService } from '../../../surveys/surveys.service';
import type { QuestionDefinition, QuestionKind } from '../../../surveys/survey.types';
import { ConsolePage } from '../../console/console.decorators';
import { CONSOLE_ROLES } from '../../console/nav';
import { page, redirectTo, SignedIn } from '../../console/page';
import type { ConsoleSessionContext } from '../../session/console-session.service';
import { formText, type CoeFieldError, type CoeFormBody } from '../coe-form';
import {
  isEditorKind,
  parseQuestionForm,
  postedFormValues,
  questionFormValues,
  type QuestionFormValues,
} from './question-editor-form';
import { questionPageView } from './question-editor.view';
import { editorErrors, moveQuestion, removeQuestion, upsertQuestion } from './question-list';
import { questionShapeErrors } from './question-shape';
import { parseTranslationForm, translationFormView } from './question-translation-form';

const KEY = /^[A-Za-z][\w.-]{0,63}$/;

/**
 * The CoE's question editor: add, edit, move and delete a survey's questions, translate a
 * question, and download the answers. Every change is a whole list handed to
 * SurveyQuestionsService.replace, which checks it as it checks the API's PUT.
 */
@Controller('surveys')
export class QuestionEditorController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly questions: SurveyQuestionsService,
    private readonly results: SurveyResultsService,
  ) {}

  @Get(':id/questions/new')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async newQuestion(@Param('id', new ParseUUIDPipe()) id: string, @Query('kind') kind?: string) {
    const survey = await this.surveys.getSurvey(id);
    const chosen: QuestionKind = isEditorKind(kind) ? kind : 'single';
    return this.questionPage(survey, {
      kind: chosen,
      chosen: isEditorKind(kind),
      values: questionFormValues(undefined, chosen),
    });
  }

  @Post(':id/questions')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async add(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CoeFormBody,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    return this.save(id, undefined, body, session);
  }

  @Get(':id/questions/:key/edit')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async edit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('key') key: string,
    @Query('kind') kind?: string,
  ) {
    const survey = await this.surveys.getSurvey(id);
    const q = questionOf(survey.questions, key);
    const chosen = isEditorKind(kind) ? kind : q.kind;
    return this.questionPage(survey, {
      kind: chosen,
      chosen: true,
      editing: q.key,
      values: questionFormValues(q, chosen),
    });
  }

  @Post(':id/questions/:key')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('key') key: string,
    @Body() body: CoeFormBody,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    return this.save(id, key, body, session);
  }

  @Post(':id/questions/:key/move')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async move(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('key') key: string,
    @Body() body: CoeFormBody,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    const survey = await this.surveys.getSurvey(id);
    const q = questionOf(survey.questions, key);
    const direction = formText(body, 'direction') === 'down' ? 'down' : 'up';
    return this.replaceFromList(
      id,
      moveQuestion(survey.questions, q.key, direction),
      session,
      `Question "${q.key}" moved ${direction}.`,
    );
  }

  @Post(':id/questions/:key/delete')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('key') key: string,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    const survey = await this.surveys.getSurvey(id);
    const q = questionOf(survey.questions, key);
    const rest = removeQuestion(survey.questions, q.key);
    if (rest.length === 0)
      return redirectTo(
        `/surveys/${id}#questions-title`,
        'A survey keeps at least one question: add another before deleting this one.',
      );
    return this.replaceFromList(id, rest, session, `Question "${q.key}" deleted.`);
  }

  @Get(':id/questions/:key/translations')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async translations(@Param('id', new ParseUUIDPipe()) id: string, @Param('key') key: string) {
    const survey = await this.surveys.getSurvey(id);
    const q = questionOf(survey.questions, key);
    return this.translationPage(survey, q, undefined, [], await this.locked(id));
  }

  @Post(':id/questions/:key/translations')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async translate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('key') key: string,
    @Body() body: CoeFormBody,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    const survey = await this.surveys.getSurvey(id);
    const q = questionOf(survey.questions, key);
    const { translations, errors } = parseTranslationForm(body, q);
    if (!translations) return this.translationPage(survey, q, body, errors, null, 400);
    const { translations: _old, ...rest } = q;
    const next = Object.keys(translations).length ? { ...rest, translations } : rest;
    try {
      await this.questions.replace(
        id,
        upsertQuestion(survey.questions, next, q.key),
        session.actor,
      );
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const shown = editorErrors(error, survey.questions, q.key);
      return this.translationPage(survey, q, body, shown, null, statusOf(error));
    }
    return redirectTo(`/surveys/${id}#questions-title`, `Translations of "${q.key}" saved.`);
  }

  /** The answers as CSV or XLSX, through the export the API serves (suppressed, audited). */
  @Get(':id/export')
  @ConsolePage(...CONSOLE_ROLES.surveys)
  async export(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('format') format: string | undefined,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    let file: Awaited<ReturnType<SurveyResultsService['export']>>;
    try {
      file = await this.results.export(id, format === 'xlsx' ? 'xlsx' : 'csv', session.actor);
    } catch (error) {
      // fewer than k answers: say so on the survey's page rather than as a broken download
      if (error instanceof DomainError && error.code === ErrorCode.Conflict)
        return redirectTo(`/surveys/${id}#export-title`, `No export: ${error.message}`);
      throw error;
    }
    const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
    return new StreamableFile(body, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }

  private async save(
    id: string,
    key: string | undefined,
    body: CoeFormBody,
    session: ConsoleSessionContext,
  ) {
    const survey = await this.surveys.getSurvey(id);
    const before = key === undefined ? undefined : questionOf(survey.questions, key);
    const posted = formText(body, 'kind');
    const kind: QuestionKind = isEditorKind(posted) ? posted : (before?.kind ?? 'single');
    const others = survey.questions.filter((q) => q.key !== before?.key);
    const state = {
      kind,
      chosen: true,
      editing: before?.key,
      values: postedFormValues(body, before),
    };
    const parsed = parseQuestionForm(body, kind, before, others);
    if (!parsed.question)
      return this.questionPage(survey, { ...state, errors: parsed.errors }, 400);
    const shape = questionShapeErrors(parsed.question);
    if (shape.length) return this.questionPage(survey, { ...state, errors: shape }, 400);
    const list = upsertQuestion(survey.questions, parsed.question, before?.key);
    try {
      await this.questions.replace(id, list, session.actor);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const errors = editorErrors(error, list, parsed.question.key);
      return this.questionPage(survey, { ...state, errors }, statusOf(error));
    }
    return redirectTo(
      `/surveys/${id}#questions-title`,
      `Question "${parsed.question.key}" ${before ? 'saved' : 'added'}.`,
    );
  }

  /** A move or delete: refusals (a condition left pointing nowhere) are listed on the survey page. */
  private async replaceFromList(
    id: string,
    list: QuestionDefinition[],
    session: ConsoleSessionContext,
    done: string,
  ) {
    try {
      await this.questions.replace(id, list, session.actor);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const why = editorErrors(error, list)
        .map((e) => e.message)
        .join(' ');
      return redirectTo(`/surveys/${id}#questions-title`, `Not changed: ${why}`);
    }
    return redirectTo(`/surveys/${id}#questions-title`, done);
  }

  private async locked(id: string): Promise<string | null> {
    const why = await this.questions.lockedBecause(id);
    return why ? `${why.code}: ${why.message}` : null;
  }

  private async questionPage(
    survey: { id: string; title: string; questions: QuestionDefinition[] },
    state: {
      kind: QuestionKind;
      chosen: boolean;
      editing?: string;
      values: QuestionFormValues;
      errors?: CoeFieldError[];
    },
    status?: number,
  ) {
    const locked = await this.locked(survey.id);
    const view = questionPageView({
      surveyId: survey.id,
      surveyTitle: survey.title,
      kind: state.kind,
      editing: state.editing,
      values: state.values,
      questions: survey.questions,
      errors: state.errors,
    });
    const title = state.editing ? `Edit question "${state.editing}"` : 'Add a question';
    return page(
      'coe/surveys/question-editor',
      title,
      { ...view, title, chosen: state.chosen, locked },
      status ?? (locked ? 409 : undefined),
    );
  }

  private translationPage(
    survey: { id: string; title: string },
    q: QuestionDefinition,
    body: CoeFormBody | undefined,
    errors: CoeFieldError[],
    locked: string | null,
    status?: number,
  ) {
    return page(
      'coe/surveys/question-translations',
      `Translate "${q.key}"`,
      {
        survey: { id: survey.id, title: survey.title },
        question: { key: q.key, text: q.text },
        languages: translationFormView(q, body),
        errors,
        locked,
      },
      status,
    );
  }
}

function questionOf(list: QuestionDefinition[], key: string): QuestionDefinition {
  const q = KEY.test(key) ? list.find((o) => o.key === key) : undefined;
  if (!q) throw new DomainError(ErrorCode.NotFound, `No question "${key}" in this survey.`);
  return q;
}

/** What the author can fix: bad input, or a survey that already has answers. */
function isRefusal(error: unknown): error is DomainError {
  return (
    error instanceof DomainError &&
    (error.code === ErrorCode.InvalidInput || error.code === ErrorCode.Conflict)
  );
}

function statusOf(error: DomainError): number {
  return error.code === ErrorCode.Conflict ? 409 : 400;
}
