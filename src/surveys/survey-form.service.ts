import { Injectable } from '@nestjs/common';
import { isIn } from 'class-validator';
import { PeopleService } from '../people/people.service';
import { validateAnswers } from './form/answer-validation';
import { FormWalk } from './form/form-pages';
import { renderMessagePage, renderSurveyForm } from './form/form.renderer';
import { belowFullConfidence, findToolMentions } from './importers/tool-mentions';
import { answerTeam } from './privacy/answer-team';
import { SurveyEntity } from './entities/survey.entity';
import { SurveyCatalog } from './survey-catalog';
import { hashLinkToken, newLinkToken, SurveySecrets } from './survey-secrets';
import { localPrivacyStatement, say } from './i18n/form-strings';
import { localizeSurveyTexts } from './i18n/survey-texts';
import { localizeQuestion, localizeSection, type FormLanguage } from './i18n/languages';
import { answerValues, type Answers, type QuestionDefinition } from './survey.types';
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
    private readonly people: PeopleService,
  ) {}

  async show(
    kind: LinkKind,
    token: string,
    lang: FormLanguage = 'en',
    justSaved = false,
  ): Promise<FormResult> {
    const opened = await this.open(kind, token, lang);
    if ('status' in opened) return opened;
    const draft = await this.repo.findDraft(opened.draftHash);
    const answers = draft?.answers ?? {};
    const walk = await this.walkOf(opened.survey);
    const page = walk.firstPage(answers);
    return {
      status: 200,
      html: await this.render(kind, token, opened.survey, answers, {
        notice: justSaved ? say(lang, 'notice.savedNewLink') : undefined,
        page,
        lang,
      }),
    };
  }

  async post(
    kind: LinkKind,
    token: string,
    body: Record<string, unknown>,
    lang: FormLanguage = 'en',
  ): Promise<FormResult> {
    const opened = await this.open(kind, token, lang);
    if ('status' in opened) return opened;
    const { survey } = opened;
    // validated in the respondent's language, so each error names the question as they read it
    const questions = (await this.surveys.questionsOf(survey.id)).map((q) =>
      localizeQuestion(q, lang),
    );
    const sections = survey.sections ?? [];
    const walk = new FormWalk(questions, sections);
    const action = isIn(body.action, ['save', 'submit', 'next', 'back'])
      ? (body.action as 'save' | 'submit' | 'next' | 'back')
      : 'submit';
    const page = walk.pageOf(body.page);
    const { answers, errors, visible } = validateAnswers(
      questions,
      body,
      action === 'save' || action === 'back' ? 'save' : 'submit',
      {
        sections,
        requiredOf: action === 'next' ? new Set(walk.pages[page].keys) : undefined,
        lang,
      },
    );
    const render = (at: number, errs: typeof errors, notice?: string) =>
      this.render(kind, token, survey, answers, { errors: errs, notice, page: at, lang });
    // Without script the page cannot reveal a question as it is answered: the server shows the
    // questions the post brought up before going on, and does not yet count them as missing.
    const brought =
      action === 'next' || action === 'submit' ? walk.newlyShown(page, visible, body.shown) : [];
    const standing = errors.filter((e) => !brought.includes(e.key));
    if (standing.length) {
      const at = action === 'submit' ? walk.pageWithQuestion(standing[0].key) : page;
      return { status: 400, html: await render(at, standing) };
    }
    if (brought.length)
      return {
        status: 200,
        html: await render(
          page,
          [],
          brought.length === 1
            ? say(lang, 'notice.broughtUpOne')
            : say(lang, 'notice.broughtUpMany', { n: brought.length }),
        ),
      };
    if (action === 'back' || action === 'next') {
      const to = walk.step(page, action === 'next' ? 1 : -1, answers);
      if (to !== -1 || action === 'back')
        return { status: 200, html: await render(to === -1 ? page : to, []) };
      // "Next" on the last page that applies: nothing is left, so it submits.
    }

    if (action === 'save') {
      if (kind === 'open') {
        // An open link is shared; a saved draft gets a private resume link of its own.
        const resume = newLinkToken();
        await this.repo.saveDraft(hashLinkToken(resume), survey.id, answers, today());
        return { status: 303, redirect: `/s/resume/${resume}?saved=1&lang=${lang}` };
      }
      await this.repo.saveDraft(opened.draftHash, survey.id, answers, today());
      return {
        status: 200,
        html: await render(
          page,
          [],
          say(lang, kind === 'resume' ? 'notice.savedHere' : 'notice.saved'),
        ),
      };
    }

    const identified = survey.privacyMode === 'identified' && opened.personId;
    const pseudonymous = survey.privacyMode === 'pseudonymous' && opened.personId;
    const anonymous = survey.privacyMode === 'anonymous';
    const team = opened.personId
      ? answerTeam(
          survey.privacyMode,
          (await this.people.teamsWithHeadcount([opened.personId])).get(opened.personId) ?? null,
          survey.k,
        )
      : null;
    const stored = await this.repo.submitResponse(
      {
        surveyId: survey.id,
        personId: identified ? (opened.personId as string) : null,
        pseudonym: pseudonymous ? this.secrets.pseudonym(opened.personId as string) : null,
        respondentKey: null,
        source: kind === 'invitation' ? 'form' : 'open-link',
        // the invitation keeps the day it was used: an anonymous answer keeps no day to match it
        submittedOn: anonymous ? null : today(),
        team,
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
    if (!stored) return messagePage(410, 'used', lang);
    return messagePage(200, 'thankYou', lang, { survey: localizeSurveyTexts(survey, lang).title });
  }

  private async open(
    kind: LinkKind,
    token: string,
    lang: FormLanguage,
  ): Promise<OpenedLink | FormResult> {
    const invalidPage = () => messagePage(404, 'invalid', lang);
    const usedPage = () => messagePage(410, 'used', lang);
    const expiredPage = () => messagePage(410, 'expired', lang);
    const closedPage = () => messagePage(410, 'closed', lang);
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
    at: {
      errors?: { key: string; message: string }[];
      notice?: string;
      page: number;
      lang: FormLanguage;
    },
  ): Promise<string> {
    const { errors = [], notice, page, lang } = at;
    const action = kind === 'invitation' ? `/s/${token}` : `/s/${kind}/${token}`;
    const questions = await this.surveys.questionsOf(survey.id);
    const walk = new FormWalk(
      questions.map((q) => localizeQuestion(q, lang)),
      (survey.sections ?? []).map((s) => localizeSection(s, lang)),
    );
    return renderSurveyForm({
      ...localizeSurveyTexts(survey, lang),
      privacyStatement: localPrivacyStatement(
        lang,
        kind === 'invitation' ? survey.privacyMode : 'anonymous',
        survey.k,
      ),
      ...walk.view(page, answers),
      answers,
      errors,
      action,
      notice,
      lang,
    });
  }

  private async walkOf(survey: SurveyEntity): Promise<FormWalk> {
    return new FormWalk(await this.surveys.questionsOf(survey.id), survey.sections ?? []);
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

type MessagePage = 'thankYou' | 'invalid' | 'used' | 'expired' | 'closed';

/** A page with a message and no form (thanks, or why the link does not open), in the language. */
function messagePage(
  status: number,
  page: MessagePage,
  lang: FormLanguage,
  params: Record<string, string> = {},
): FormResult {
  return {
    status,
    html: renderMessagePage(
      say(lang, `page.${page}Title`),
      say(lang, `page.${page}`, params),
      '',
      lang,
    ),
  };
}
