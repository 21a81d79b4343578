import { JobHandler } from '../../jobs/job-handler.decorator';
import { JobName } from '../../jobs/job-names';
import type { JobContext, JobProcessor } from '../../jobs/job.types';
import { SurveyMailer, type SurveyMailOutcome } from '../../surveys/mail/survey-mailer.service';
import { ClarificationsService } from './clarifications.service';
import type { SendOutreachMailData } from './outreach-mail.types';
import { NudgesService } from './nudges.service';
import { ToolRequestsService } from './tool-requests.service';

/**
 * Mails clarification requests, nudges and decisions through the surveys' mailer. Links are
 * issued inside the job, so their secrets exist only in memory and in the mails.
 */
@JobHandler(JobName.SendOutreachMail)
export class OutreachMailProcessor implements JobProcessor<
  SendOutreachMailData,
  SurveyMailOutcome & { kind: string }
> {
  constructor(
    private readonly clarifications: ClarificationsService,
    private readonly nudges: NudgesService,
    private readonly requests: ToolRequestsService,
    private readonly mailer: SurveyMailer,
  ) {}

  async handle(ctx: JobContext<SendOutreachMailData>) {
    const { kind, ids, baseUrl, expiresInDays } = ctx.data;
    this.mailer.requireEnabled();
    const mails = await this.mails(kind, ids, baseUrl, expiresInDays);
    const outcome = await this.mailer.sendAll(mails, (done, so) =>
      ctx.progress(mails.length ? (done / mails.length) * 100 : 100, {
        sent: so.sent,
        failed: so.failed,
        total: so.total,
      }),
    );
    ctx.log(`${kind}: ${outcome.sent} sent, ${outcome.failed} failed`);
    return { kind, ...outcome };
  }

  private async mails(
    kind: SendOutreachMailData['kind'],
    ids: string[],
    baseUrl: string,
    expiresInDays?: number,
  ) {
    switch (kind) {
      case 'clarification':
      case 'nudge': {
        const links =
          kind === 'clarification'
            ? await this.clarifications.issueLinks(ids, baseUrl, expiresInDays)
            : await this.nudges.issueLinks(ids, baseUrl, expiresInDays);
        return links.map((l) => ({
          personId: l.personId ?? l.id,
          to: l.email,
          message: l.email ? l.message : null,
        }));
      }
      case 'decision':
        return this.requests.decisionMails(ids);
    }
  }
}
