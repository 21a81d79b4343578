import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import type { Actor, Role } from '../../auth/role';
import { CatalogService } from '../../catalog/catalog.service';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import { ClarifiedDisclosureService } from '../../findings/disclosure/clarified-disclosure.service';
import { PeopleService } from '../../people/people.service';
import type { SurveyMessage } from '../../surveys/mail/survey-message';
import type { ClarificationRequestEntity } from './entities/clarification-request.entity';
import { clarificationSummary } from './outreach-aggregates';
import {
  type IssuedOutreachLink,
  type OutreachDelivery,
  OutreachDeliveryService,
} from './outreach-delivery.service';
import {
  DEFAULT_LINK_DAYS,
  expiryAfter,
  hashLinkToken,
  issueLinkToken,
  linkState,
  outreachUrl,
} from './outreach-links';
import { clarificationMessage } from './outreach-message';
import { OutreachRepository } from './outreach.repository';
import type { ClarificationToolSummary } from './outreach.types';
import { parseClarificationForm } from './public/outreach-forms';
import { renderClarificationForm } from './public/outreach-pages';
import { type PublicPage, usedLinkPage } from './public/public-page';

/** "Do you use <Tool> for work? With which kinds of data?", asked through a single-use link. */
@Injectable()
export class ClarificationsService {
  constructor(
    private readonly repo: OutreachRepository,
    private readonly findings: ClarifiedDisclosureService,
    private readonly people: PeopleService,
    private readonly catalog: CatalogService,
    private readonly delivery: OutreachDeliveryService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async ask(
    findingIds: string[],
    opts: { send?: boolean; expiresInDays?: number },
    origin: string,
    actor: Actor,
  ): Promise<OutreachDelivery> {
    const mailBase = opts.send ? this.delivery.requireMail() : null;
    const findings = [];
    for (const id of [...new Set(findingIds)]) findings.push(await this.findings.clarifiable(id));
    const known = new Set(await this.people.existingPersonIds(findings.map((f) => f.subjectId)));
    const missing = findings.filter((f) => !known.has(f.subjectId));
    if (missing.length)
      throw new DomainError(
        ErrorCode.InvalidInput,
        `findings ${missing.map((f) => f.id).join(', ')} name no person of the directory`,
      );
    const rows = await this.repo.insertClarifications(
      findings.map((f) => ({
        findingId: f.id,
        personId: f.subjectId,
        toolId: f.toolId,
        askedBy: actor.name,
        askedByRole: actor.role,
      })),
    );
    const ids = rows.map((r) => r.id);
    if (mailBase) {
      const job = await this.delivery.enqueue(
        { kind: 'clarification', ids, baseUrl: mailBase, expiresInDays: opts.expiresInDays },
        actor,
      );
      await this.audit.record({
        actor,
        action: 'clarification.send',
        targetType: 'clarification',
        detail: { findingIds: findings.map((f) => f.id), jobId: job.id },
      });
      return { sent: job };
    }
    const issued = await this.issueLinks(ids, this.delivery.baseUrl(origin), opts.expiresInDays);
    await this.audit.record({
      actor,
      action: 'clarification.create',
      targetType: 'clarification',
      detail: { findingIds: findings.map((f) => f.id), issued: issued.length },
    });
    return { issued: issued.map(({ message: _m, ...link }) => link) };
  }

  /** New single-use links for requests not yet answered (the mail job calls it too). */
  async issueLinks(
    ids: string[],
    baseUrl: string,
    expiresInDays = DEFAULT_LINK_DAYS,
    now = new Date(),
  ): Promise<(IssuedOutreachLink & { message: SurveyMessage })[]> {
    const rows = await this.repo.clarificationsById(ids);
    const contacts = await this.people.contactsOf(
      rows.flatMap((r) => (r.personId ? [r.personId] : [])),
    );
    const expiresAt = expiryAfter(now, expiresInDays);
    const out = [];
    for (const r of rows) {
      const { token, hash } = issueLinkToken();
      if (!(await this.repo.setClarificationToken(r.id, hash, expiresAt))) continue;
      const contact = (r.personId && contacts.get(r.personId)) || { email: null, name: null };
      const url = outreachUrl(baseUrl, 'clarify', token);
      out.push({
        id: r.id,
        personId: r.personId,
        email: contact.email,
        name: contact.name,
        toolId: r.toolId,
        urls: { clarify: url },
        expiresAt: expiresAt.toISOString(),
        message: clarificationMessage({
          toolName: this.toolName(r.toolId),
          recipientName: contact.name,
          url,
          expiresAt,
        }),
      });
    }
    return out;
  }

  async page(token: string, now = new Date()): Promise<PublicPage> {
    const r = await this.repo.clarificationByToken(hashLinkToken(token));
    const state = linkState(r && { usedAt: r.answeredAt, expiresAt: r.expiresAt }, now);
    if (state !== 'ok' || !r) return usedLinkPage(state);
    return {
      status: 200,
      html: renderClarificationForm({
        tool: this.toolName(r.toolId),
        action: `/g/clarify/${token}`,
      }),
    };
  }

  async answer(
    token: string,
    body: Record<string, unknown>,
    now = new Date(),
  ): Promise<PublicPage> {
    const r = await this.repo.clarificationByToken(hashLinkToken(token));
    const state = linkState(r && { usedAt: r.answeredAt, expiresAt: r.expiresAt }, now);
    if (state !== 'ok' || !r) return usedLinkPage(state);
    const parsed = parseClarificationForm(body);
    if (!parsed.ok)
      return {
        status: 400,
        html: renderClarificationForm({
          tool: this.toolName(r.toolId),
          action: `/g/clarify/${token}`,
          errors: parsed.errors,
        }),
      };
    const a = parsed.answer;
    if (!(await this.repo.answerClarification(r.id, { ...a, at: now })))
      return usedLinkPage('used');
    const actor = linkActor(r);
    const { closedLead } = await this.findings.record(r.findingId, a, actor, now);
    if (closedLead) await this.repo.markLeadClosed(r.id);
    await this.audit.record({
      actor,
      action: 'clarification.answer',
      targetType: 'clarification',
      targetId: r.id,
      detail: { findingId: r.findingId, uses: a.uses, closedLead },
    });
    return {
      status: 200,
      title: 'Thank you',
      message: a.uses
        ? `Thank you: your answer about ${this.toolName(r.toolId)} is recorded.`
        : `Thank you: our records now say you do not use ${this.toolName(r.toolId)}.`,
    };
  }

  /** Per tool, what people answered; groups under k suppressed, as in every survey. */
  async summary(): Promise<{ k: number; tools: ClarificationToolSummary[] }> {
    const k = this.config.privacyK;
    return { k, tools: clarificationSummary(await this.repo.clarificationAnswers(), k) };
  }

  /** Person-level: who was asked and what they said; the read is audited. */
  async list(filter: { findingId?: string; limit: number; offset: number }, actor: Actor) {
    const rows = await this.repo.listClarifications(filter);
    await this.audit.recordRead(actor, 'clarification', filter.findingId ?? null, {
      returned: rows.length,
    });
    return rows.map(({ tokenHash: _t, ...r }) => r);
  }

  toolName(toolId: string): string {
    return this.catalog.has(toolId) ? this.catalog.definition(toolId).name : toolId;
  }
}

/** The person answering through their link, acting on the asker's behalf. */
function linkActor(r: ClarificationRequestEntity): Actor {
  return { tokenId: null, name: `link:clarification/${r.id}`, role: r.askedByRole as Role };
}
