import { Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import type { SurveyMessage } from './survey-message';

export interface OutgoingSurveyMail {
  personId: string;
  to: string | null;
  message: SurveyMessage | null;
}

export interface SurveyMailFailure {
  personId: string;
  email: string | null;
  reason: string;
}

export interface SurveyMailOutcome {
  total: number;
  sent: number;
  failed: number;
  failures: SurveyMailFailure[];
}

const MAX_REASON_CHARS = 300;

/** Sends survey e-mails through SMTP_URL, one message per person; one bad address never stops the rest. */
@Injectable()
export class SurveyMailer {
  private readonly logger = new Logger(SurveyMailer.name);

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.smtpUrl);
  }

  requireEnabled(): void {
    if (!this.enabled)
      throw new DomainError(
        ErrorCode.Unavailable,
        'e-mail delivery is not configured: set SMTP_URL (smtp:// or smtps://) to send survey invitations and reminders',
      );
  }

  async sendAll(
    mails: OutgoingSurveyMail[],
    onProgress: (done: number, outcome: SurveyMailOutcome) => Promise<void>,
  ): Promise<SurveyMailOutcome> {
    this.requireEnabled();
    const outcome: SurveyMailOutcome = { total: mails.length, sent: 0, failed: 0, failures: [] };
    // One pooled connection reused for every message; query options in SMTP_URL still apply.
    const transport: Transporter = createTransport({
      url: this.config.smtpUrl,
      pool: true,
      maxConnections: 1,
    });
    try {
      for (const [i, mail] of mails.entries()) {
        const reason = await this.sendOne(transport, mail);
        if (reason === null) outcome.sent++;
        else {
          outcome.failed++;
          outcome.failures.push({ personId: mail.personId, email: mail.to, reason });
        }
        await onProgress(i + 1, outcome);
      }
    } finally {
      transport.close();
    }
    if (outcome.failed > 0)
      this.logger.warn(`survey mail: ${outcome.failed} of ${outcome.total} could not be sent`);
    return outcome;
  }

  /** null when sent, else why not. */
  private async sendOne(transport: Transporter, mail: OutgoingSurveyMail): Promise<string | null> {
    if (!mail.to || !mail.message) return 'no e-mail address in the directory';
    try {
      await transport.sendMail({
        from: this.config.smtpFrom,
        to: mail.to,
        subject: mail.message.subject,
        text: mail.message.text,
        html: mail.message.html,
      });
      return null;
    } catch (e) {
      return this.reasonOf(e);
    }
  }

  // The server's answer says why (e.g. "550 no such user"); the URL and its password never appear.
  private reasonOf(e: unknown): string {
    let reason = e instanceof Error ? e.message : String(e);
    const url = this.config.smtpUrl;
    if (url) reason = reason.split(url).join('(SMTP_URL)');
    reason = reason.replace(/\s+/g, ' ').trim();
    return reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS)}…` : reason;
  }
}
