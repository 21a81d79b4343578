import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import { JobName } from '../../jobs/job-names';
import type { JobView } from '../../jobs/job.types';
import { JobsService } from '../../jobs/jobs.service';
import { SurveyMailer } from '../../surveys/mail/survey-mailer.service';
import type { SendOutreachMailData } from './outreach-mail.types';

/** One person's link(s), handed to the caller to pass on. */
export interface IssuedOutreachLink {
  id: string;
  personId: string | null;
  email: string | null;
  name: string | null;
  toolId: string;
  urls: Record<string, string>;
  expiresAt: string;
}

/** Links e-mailed by a job, or issued to the caller. */
export type OutreachDelivery = { sent: JobView } | { issued: IssuedOutreachLink[] };

/**
 * How outreach links go out, as survey links do: e-mailed by a job built on PUBLIC_URL only (the
 * job issues the secrets, so they are never stored in its data), or handed to the caller on
 * PUBLIC_URL when set, else on the request's origin.
 */
@Injectable()
export class OutreachDeliveryService {
  constructor(
    private readonly mailer: SurveyMailer,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
  ) {}

  baseUrl(origin: string): string {
    return this.config.publicUrl ?? origin;
  }

  get mailEnabled(): boolean {
    return this.mailer.enabled;
  }

  /** Fails before anything is written when mail cannot go out. */
  requireMail(): string {
    this.mailer.requireEnabled();
    const baseUrl = this.config.publicUrl;
    if (!baseUrl)
      throw new DomainError(
        ErrorCode.InvalidInput,
        'e-mailing links needs PUBLIC_URL: a mailed link points at the configured address, never at the Host a request names',
      );
    return baseUrl;
  }

  enqueue(data: SendOutreachMailData, actor: Actor): Promise<JobView> {
    return this.jobs.enqueue(JobName.SendOutreachMail, data, { actor });
  }
}
