import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobName } from '../../jobs/job-names';
import type { JobContext, JobProcessor } from '../../jobs/job.types';
import { SurveyInvitationsService } from '../survey-invitations.service';
import { SurveysService } from '../surveys.service';
import { SurveyMailer, type SurveyMailFailure } from './survey-mailer.service';
import { localizeSurveyTexts } from '../i18n/survey-texts';
import { buildSurveyMessage, type SurveyMailKind } from './survey-message';

export interface SendSurveyMailData {
  surveyId: string;
  kind: SurveyMailKind;
  /** resolved when the job was queued, so the job never widens who is written to */
  personIds: string[];
  expiresInDays?: number;
  /** where respondents reach the form */
  baseUrl: string;
}

export interface SendSurveyMailResult {
  surveyId: string;
  kind: SurveyMailKind;
  total: number;
  sent: number;
  failed: number;
  alreadyAnswered: number;
  failures: SurveyMailFailure[];
}

/**
 * Issues the links inside the job, so personal tokens exist only in memory and in the mails,
 * never in the job's stored data; then sends one mail per person.
 */
@JobHandler(JobName.SendSurveyMail)
export class SendSurveyMailProcessor implements JobProcessor<
  SendSurveyMailData,
  SendSurveyMailResult
> {
  constructor(
    private readonly surveys: SurveysService,
    private readonly invitations: SurveyInvitationsService,
    private readonly mailer: SurveyMailer,
  ) {}

  async handle(ctx: JobContext<SendSurveyMailData>): Promise<SendSurveyMailResult> {
    const { surveyId, kind, personIds, expiresInDays, baseUrl } = ctx.data;
    this.mailer.requireEnabled();
    const survey = await this.surveys.requireSurvey(surveyId);
    const issued = await this.invitations.issue(surveyId, { personIds, expiresInDays }, baseUrl);
    // the directory keeps no language per person: the survey's invitation language (the link has it)
    const lang = survey.invitationLanguage ?? 'en';
    const surveyTitle = localizeSurveyTexts(survey, lang).title;
    const mails = issued.links.map((link) => ({
      personId: link.personId,
      to: link.email,
      message: link.email
        ? buildSurveyMessage({
            kind,
            lang,
            surveyTitle,
            privacyMode: survey.privacyMode,
            k: survey.k,
            url: link.url,
            recipientName: link.name,
            expiresAt: issued.expiresAt,
          })
        : null,
    }));
    const outcome = await this.mailer.sendAll(mails, (done, so) =>
      ctx.progress(mails.length ? (done / mails.length) * 100 : 100, {
        sent: so.sent,
        failed: so.failed,
        total: so.total,
      }),
    );
    ctx.log(`survey ${surveyId} ${kind}: ${outcome.sent} sent, ${outcome.failed} failed`);
    return { surveyId, kind, alreadyAnswered: issued.alreadyAnswered, ...outcome };
  }
}
