import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import type { Actor } from '../auth/role';
import { AppConfig } from '../config/app-config';
import { JobName } from '../jobs/job-names';
import type { JobView } from '../jobs/job.types';
import { JobsService } from '../jobs/jobs.service';
import type { IssueInvitationsDto, SendRemindersDto } from './dto/survey.dto';
import type { SendSurveyMailData } from './mail/send-survey-mail.processor';
import { SurveyMailer } from './mail/survey-mailer.service';
import { type IssuedLinks, SurveyInvitationsService } from './survey-invitations.service';

/** Links went out by e-mail (a job), or were issued to hand over as JSON or a mail-merge CSV. */
export type LinkDelivery = { sent: JobView } | { issued: IssuedLinks };

/**
 * How survey links go out: e-mailed by a job, or issued to the caller. Links are built on
 * PUBLIC_URL when the service runs behind a proxy, else on the origin the request came to.
 */
@Injectable()
export class SurveyLinkDeliveryService {
  constructor(
    private readonly invitations: SurveyInvitationsService,
    private readonly mailer: SurveyMailer,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  invite(id: string, dto: IssueInvitationsDto, origin: string, actor: Actor) {
    return this.deliver('invitation', id, dto, origin, actor, {
      recipients: () => this.invitations.resolveInvitees(id, dto),
      issue: (baseUrl) => this.invitations.issue(id, dto, baseUrl),
    });
  }

  remind(id: string, dto: SendRemindersDto, origin: string, actor: Actor) {
    return this.deliver('reminder', id, dto, origin, actor, {
      recipients: () => this.invitations.pendingInvitees(id),
      issue: (baseUrl) => this.invitations.remind(id, baseUrl, dto.expiresInDays),
    });
  }

  async openLink(id: string, origin: string, actor: Actor): Promise<{ url: string }> {
    const link = await this.invitations.createOpenLink(id, this.baseUrl(origin));
    await this.audit.record({
      actor,
      action: 'survey.open-link',
      targetType: 'survey',
      targetId: id,
    });
    return link;
  }

  private baseUrl(origin: string): string {
    return this.config.publicUrl ?? origin;
  }

  private async deliver(
    kind: SendSurveyMailData['kind'],
    id: string,
    dto: SendRemindersDto,
    origin: string,
    actor: Actor,
    how: {
      recipients: () => Promise<string[]>;
      issue: (baseUrl: string) => Promise<IssuedLinks>;
    },
  ): Promise<LinkDelivery> {
    const baseUrl = this.baseUrl(origin);
    const action = kind === 'invitation' ? 'survey.invite' : 'survey.remind';
    if (dto.send) {
      this.mailer.requireEnabled();
      const personIds = await how.recipients();
      const data: SendSurveyMailData = {
        surveyId: id,
        kind,
        personIds,
        expiresInDays: dto.expiresInDays,
        baseUrl,
      };
      const job = await this.jobs.enqueue(JobName.SendSurveyMail, data, { actor });
      await this.audit.record({
        actor,
        action: `${action}.send`,
        targetType: 'survey',
        targetId: id,
        detail: { recipients: personIds.length, jobId: job.id },
      });
      return { sent: job };
    }
    const issued = await how.issue(baseUrl);
    await this.audit.record({
      actor,
      action,
      targetType: 'survey',
      targetId: id,
      detail: { issued: issued.issued },
    });
    return { issued };
  }
}
