import { Injectable } from '@nestjs/common';
import { isIn } from 'class-validator';
import { validateAnswers } from './form/answer-validation';
import { renderMessagePage, renderSurveyForm } from './form/form.renderer';
import { belowFullConfidence, findToolMentions } from './importers/tool-mentions';
import { SurveyEntity } from './entities/survey.entity';
import { SurveyCatalog } from './survey-catalog';
import { hashLinkToken, newLinkToken, SurveySecrets } from './survey-secrets';
import {
  answerValues,
  privacyStatement,
  type Answers,
  type QuestionDefinition,
} from './survey.types';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';

export type LinkKind = 'invitation' | 'open' | 'resume';

export interface FormResult {
  status: number;
  html?: string;
  redirect?: string;
}

interface OpenedLink {
  survey: SurveyEntity;
  /** the key the draft is saved under */
  draftHash: string;
  invitationId?: string;
  personId?: string;
}

const today = () => new Date().toISOString().slice(0, 10);
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** The respondent's side: server-rendered form, save and resume, single-use links. */
@Injectable()
export class SurveyFormService {
  constructor(
    private readonly repo: SurveysRepository,
    private readonly surveys: SurveysService,
    private readonly catalog: SurveyCatalog,
    private readonly secrets: SurveySecrets,
  ) {}

  async show(kind: LinkKind, token: string, notice?: string): Promise<FormResult> {
    const opened = await this.open(kind, token);
    if ('status' in opened) return opened;
    const draft = await this.repo.findDraft(opened.draftHash);
    return {
      status: 200,
      html: await this.render(kind, token, opened.survey, draft?.answers ?? {}, [], notice),
    };
  }

  async post(kind: LinkKind, token: string, body: Record<string, unknown>): Promise<FormResult> {
    const opened = await this.open(kind, token);
    if ('status' in opened) return opened;
    const { survey } = opened;
    const questions = await this.surveys.questionsOf(survey.id);
    const action = isIn(body.action, ['save', 'submit'])
      ? (body.action as 'save' | 'submit')
      : 'submit';
    const { answers, errors } = validateAnswers(questions, body, action);
    if (errors.length)
      return { status: 400, html: await this.render(kind, token, survey, answers, errors) };

    if (action === 'save') {
      if (kind === 'open') {
        // An open link is shared; a saved draft gets a private resume link of its own.
        const resume = newLinkToken();
        await this.repo.saveDraft(hashLinkToken(resume), survey.id, answers, today());
        return { status: 303, redirect: `/s/resume/${resume}?saved=1` };
      }
      await this.repo.saveDraft(opened.draftHash, survey.id, answers, today());
      const where = kind === 'resume' ? 'this page’s address (bookmark it)' : 'the same link';
      return {
        status: 200,
        html: await this.render(
          kind,
          token,
          survey,
          answers,
          [],
          `Your answers are saved. Open ${where} to continue.`,
        ),
      };
    }

    const identified = survey.privacyMode === 'identified' && opened.personId;
    const pseudonymous = survey.privacyMode === 'pseudonymous' && opened.personId;
    const anonymous = survey.privacyMode === 'anonymous';
    const stored = await this.repo.submitResponse(
      {
        surveyId: survey.id,
        personId: identified ? (opened.personId as string) : null,
        pseudonym: pseudonymous ? this.secrets.pseudonym(opened.personId as string) : null,
        respondentKey: null,
        source: kind === 'invitation' ? 'form' : 'open-link',
        // the invitation keeps the day it was used: an anonymous answer keeps no day to match it
        submittedOn: anonymous ? null : today(),
        answers,
        ...(await this.toolsOf(questions, answers)),
      },
      {
        invitationId: opened.invitationId,
        respondedOn: today(),
        draftHash: opened.draftHash,
        anonymous,
      },
    );
    if (!stored) return usedPage();
    return {
      status: 200,
      html: renderMessagePage(
        'Thank you',
        `Your answers to "${survey.title}" have been recorded. You can close this page.`,
      ),
    };
  }

  private async open(kind: LinkKind, token: string): Promise<OpenedLink | FormResult> {
    if (!TOKEN.test(token)) return invalidPage();
    const hash = hashLinkToken(token);
    switch (kind) {
      case 'invitation': {
        const invitation = await this.repo.findInvitationByTokenHash(hash);
        if (!invitation) return invalidPage();
        if (invitation.respondedOn) return usedPage();
        if (invitation.expiresAt.getTime() < Date.now()) return expiredPage();
        const survey = await this.repo.findSurvey(invitation.surveyId);
        if (!survey || survey.status !== 'open') return closedPage();
        return {
          survey,
          draftHash: hash,
          invitationId: invitation.id,
          personId: invitation.personId,
        };
      }
      case 'open': {
        const surveyId = await this.repo.findSurveyIdByOpenTokenHash(hash);
        const survey = surveyId ? await this.repo.findSurvey(surveyId) : null;
        if (!survey) return invalidPage();
        if (survey.status !== 'open') return closedPage();
        return { survey, draftHash: hash };
      }
      case 'resume': {
        const draft = await this.repo.findDraft(hash);
        if (!draft) return usedPage();
        const survey = await this.repo.findSurvey(draft.surveyId);
        if (!survey || survey.status !== 'open') return closedPage();
        return { survey, draftHash: hash };
      }
    }
  }

  private async render(
    kind: LinkKind,
    token: string,
    survey: SurveyEntity,
    answers: Answers,
    errors: { key: string; message: string }[],
    notice?: string,
  ): Promise<string> {
    const action = kind === 'invitation' ? `/s/${token}` : `/s/${kind}/${token}`;
    return renderSurveyForm({
      title: survey.title,
      description: survey.description,
      privacyStatement: privacyStatement(
        kind === 'invitation' ? survey.privacyMode : 'anonymous',
        survey.k,
      ),
      questions: await this.surveys.questionsOf(survey.id),
      answers,
      errors,
      action,
      notice,
    });
  }

  private async toolsOf(
    questions: QuestionDefinition[],
    answers: Answers,
  ): Promise<{ toolIds: string[]; toolConfidence: Record<string, number> }> {
    const tools: Record<string, number> = {};
    const matcher = await this.catalog.matcher();
    const note = (id: string, c: number) => (tools[id] = Math.max(tools[id] ?? 0, c));
    for (const q of questions) {
      const values = answerValues(answers[q.key]);
      if (q.role === 'tools' && q.kind === 'tool-picker') values.forEach((v) => note(v, 1));
      else if (q.role === 'tools' || q.role === 'tools-other')
        for (const v of values)
          for (const m of findToolMentions(v, matcher)) note(m.toolId, m.confidence);
    }
    return { toolIds: Object.keys(tools).sort(), toolConfidence: belowFullConfidence(tools) };
  }
}

function invalidPage(): FormResult {
  return {
    status: 404,
    html: renderMessagePage(
      'Link not recognised',
      'This survey link is not valid. Check that you copied the whole link, or ask the sender for a new one.',
    ),
  };
}

function usedPage(): FormResult {
  return {
    status: 410,
    html: renderMessagePage(
      'Link already used',
      'This survey link has already been used to send answers, and each link works once. If you did not send them, ask the AI Centre of Excellence for a new link.',
    ),
  };
}

function expiredPage(): FormResult {
  return {
    status: 410,
    html: renderMessagePage(
      'Link expired',
      'This survey link has expired. Ask the AI Centre of Excellence for a new link if the survey is still running.',
    ),
  };
}

function closedPage(): FormResult {
  return {
    status: 410,
    html: renderMessagePage(
      'Survey closed',
      'This survey is closed and no longer takes answers. Thank you for your interest.',
    ),
  };
}
