import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import { type Actor, Role } from '../../auth/role';
import { CatalogService } from '../../catalog/catalog.service';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config';
import { FindingsService } from '../../findings/findings.service';
import { PeopleService } from '../../people/people.service';
import type { SurveyMessage } from '../../surveys/mail/survey-message';
import { approvedAlternatives, policySentence } from './approved-alternatives';
import type { PublishAupDto } from './dto/outreach.dto';
import type { AupVersionEntity } from './entities/aup-version.entity';
import type { NudgeEntity } from './entities/nudge.entity';
import {
  DEFAULT_NUDGE_TEMPLATE,
  fillTemplate,
  type NudgeTemplateText,
  templateProblems,
} from './nudge-template';
import { acknowledgementRates } from './outreach-aggregates';
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
import { nudgeMessage } from './outreach-message';
import { OutreachRepository } from './outreach.repository';
import type { AupAcknowledgementRates } from './outreach.types';
import { renderAcknowledgementForm } from './public/outreach-pages';
import { type PublicPage, usedLinkPage } from './public/public-page';

/** The key of the template every tool without its own uses. */
export const DEFAULT_TEMPLATE_KEY = '*';

/**
 * Nudges: an editable message to the people behind a tool's findings (what the policy says, the
 * approved alternative, how to ask for a review), each with a link to acknowledge the current
 * acceptable-use policy. The policy's versions are stored here; the newest is the one asked for.
 */
@Injectable()
export class NudgesService {
  constructor(
    private readonly repo: OutreachRepository,
    private readonly findings: FindingsService,
    private readonly people: PeopleService,
    private readonly catalog: CatalogService,
    private readonly delivery: OutreachDeliveryService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  // --- the acceptable-use policy

  async publishAup(dto: PublishAupDto, actor: Actor): Promise<AupVersionEntity> {
    if (await this.repo.aupVersion(dto.version))
      throw new DomainError(
        ErrorCode.Conflict,
        `version ${dto.version} of the acceptable-use policy is already published; publish a new version`,
      );
    const saved = await this.repo.saveAup({
      version: dto.version,
      title: dto.title,
      url: dto.url ?? null,
      summary: dto.summary ?? null,
      publishedAt: new Date(),
      publishedBy: actor.name,
    });
    await this.audit.record({
      actor,
      action: 'aup.publish',
      targetType: 'aup',
      targetId: dto.version,
      detail: { title: dto.title },
    });
    return saved;
  }

  async currentAup(): Promise<AupVersionEntity | null> {
    return this.repo.latestAup();
  }

  listAup(): Promise<AupVersionEntity[]> {
    return this.repo.listAup();
  }

  // --- templates

  async templates(): Promise<
    { toolId: string | null; subject: string; body: string; builtIn: boolean }[]
  > {
    const stored = await this.repo.listTemplates();
    const rows = stored.map((t) => ({
      toolId: t.toolKey === DEFAULT_TEMPLATE_KEY ? null : t.toolKey,
      subject: t.subject,
      body: t.body,
      builtIn: false,
    }));
    if (!stored.some((t) => t.toolKey === DEFAULT_TEMPLATE_KEY))
      rows.unshift({ toolId: null, ...DEFAULT_NUDGE_TEMPLATE, builtIn: true });
    return rows;
  }

  /** `toolId` null edits the default template. */
  async setTemplate(toolId: string | null, t: NudgeTemplateText, actor: Actor) {
    if (toolId !== null) this.catalog.definition(toolId);
    const problems = templateProblems(t);
    if (problems.length)
      throw new DomainError(
        ErrorCode.InvalidInput,
        `nudge template rejected: ${problems.join('; ')}`,
        {
          problems,
        },
      );
    const toolKey = toolId ?? DEFAULT_TEMPLATE_KEY;
    await this.repo.saveTemplate({ toolKey, ...t, updatedBy: actor.name, updatedAt: new Date() });
    await this.audit.record({
      actor,
      action: 'nudge-template.update',
      targetType: 'nudge-template',
      targetId: toolKey,
    });
    return { toolId, ...t };
  }

  async deleteTemplate(toolId: string | null, actor: Actor): Promise<void> {
    const toolKey = toolId ?? DEFAULT_TEMPLATE_KEY;
    if (!(await this.repo.deleteTemplate(toolKey)))
      throw new DomainError(
        ErrorCode.NotFound,
        `no edited nudge template for ${toolId ?? 'the default'}`,
      );
    await this.audit.record({
      actor,
      action: 'nudge-template.delete',
      targetType: 'nudge-template',
      targetId: toolKey,
    });
  }

  private async templateFor(toolId: string): Promise<NudgeTemplateText> {
    const t =
      (await this.repo.template(toolId)) ?? (await this.repo.template(DEFAULT_TEMPLATE_KEY));
    return t ? { subject: t.subject, body: t.body } : DEFAULT_NUDGE_TEMPLATE;
  }

  // --- sending

  /** The people behind claims of the tool (leads and false positives are not nudged). */
  private async peopleBehind(toolId: string): Promise<string[]> {
    const present = await this.findings.present();
    return [
      ...new Set(
        present
          .filter(
            (f) =>
              f.toolId === toolId &&
              f.subjectType === 'person' &&
              f.strength === 'claim' &&
              f.triageState !== 'false-positive',
          )
          .map((f) => f.subjectId),
      ),
    ].sort();
  }

  async send(
    dto: { toolId: string; personIds?: string[]; send?: boolean; expiresInDays?: number },
    origin: string,
    actor: Actor,
  ): Promise<OutreachDelivery> {
    const tool = this.catalog.definition(dto.toolId);
    const mailBase = dto.send ? this.delivery.requireMail() : null;
    const aup = await this.repo.latestAup();
    if (!aup)
      throw new DomainError(
        ErrorCode.Conflict,
        'no acceptable-use policy is published: POST /api/guardrails/aup first (a nudge asks people to acknowledge it)',
      );
    const behind = await this.peopleBehind(tool.id);
    let personIds = behind;
    if (dto.personIds) {
      const outside = dto.personIds.filter((p) => !behind.includes(p));
      if (outside.length)
        throw new DomainError(
          ErrorCode.InvalidInput,
          `personIds ${outside.join(', ')} are behind no finding of ${tool.id}`,
        );
      personIds = [...new Set(dto.personIds)].sort();
    }
    if (personIds.length === 0)
      throw new DomainError(ErrorCode.NotFound, `no person is behind a finding of ${tool.id}`);
    const [template, policies, contacts] = await Promise.all([
      this.templateFor(tool.id),
      this.catalog.policiesById(),
      this.people.contactsOf(personIds),
    ]);
    const alternatives = approvedAlternatives(tool.id, this.catalog.tools(), policies);
    const policy = policies.get(tool.id);
    const common = {
      tool: tool.name,
      policyStatus: policy?.status ?? 'unreviewed',
      policy: policySentence(tool.name, policy),
      alternative: alternatives.length
        ? alternatives.join(', ')
        : 'none is approved yet: ask for a review below',
      aupTitle: aup.title,
      aupVersion: aup.version,
      aupUrl: aup.url ? `at ${aup.url}` : '',
    };
    const rows = await this.repo.insertNudges(
      personIds.map((personId) => {
        const values = { ...common, name: contacts.get(personId)?.name ?? 'colleague' };
        return {
          personId,
          toolId: tool.id,
          aupVersion: aup.version,
          subject: fillTemplate(template.subject, values),
          body: fillTemplate(template.body, values),
          sentBy: actor.name,
        };
      }),
    );
    const ids = rows.map((r) => r.id);
    if (mailBase) {
      const job = await this.delivery.enqueue(
        { kind: 'nudge', ids, baseUrl: mailBase, expiresInDays: dto.expiresInDays },
        actor,
      );
      await this.audit.record({
        actor,
        action: 'nudge.send',
        targetType: 'tool',
        targetId: tool.id,
        detail: { recipients: ids.length, aupVersion: aup.version, jobId: job.id },
      });
      return { sent: job };
    }
    const issued = await this.issueLinks(ids, this.delivery.baseUrl(origin), dto.expiresInDays);
    await this.audit.record({
      actor,
      action: 'nudge.create',
      targetType: 'tool',
      targetId: tool.id,
      detail: { issued: issued.length, aupVersion: aup.version },
    });
    return { issued: issued.map(({ message: _m, ...link }) => link) };
  }

  /** The links of each nudge (new secrets each time) and the message with them filled in. */
  async issueLinks(
    ids: string[],
    baseUrl: string,
    expiresInDays = DEFAULT_LINK_DAYS,
    now = new Date(),
  ): Promise<(IssuedOutreachLink & { message: SurveyMessage })[]> {
    const rows = (await this.repo.nudgesById(ids)).filter((n) => !n.acknowledgedAt);
    const contacts = await this.people.contactsOf(
      rows.flatMap((r) => (r.personId ? [r.personId] : [])),
    );
    const expiresAt = expiryAfter(now, expiresInDays);
    const out = [];
    for (const n of rows) {
      const ack = issueLinkToken();
      const request = issueLinkToken();
      await this.repo.setNudgeTokens(n.id, ack.hash, request.hash, expiresAt);
      const urls = {
        ack: outreachUrl(baseUrl, 'ack', ack.token),
        request: outreachUrl(baseUrl, 'request', request.token),
      };
      const links = {
        ackUrl: urls.ack,
        requestUrl: urls.request,
        expires: expiresAt.toISOString().slice(0, 10),
      };
      const contact = (n.personId && contacts.get(n.personId)) || { email: null, name: null };
      out.push({
        id: n.id,
        personId: n.personId,
        email: contact.email,
        name: contact.name,
        toolId: n.toolId,
        urls,
        expiresAt: expiresAt.toISOString(),
        message: nudgeMessage(
          fillTemplate(n.subject, links, true),
          fillTemplate(n.body, links, true),
        ),
      });
    }
    return out;
  }

  // --- the acknowledgement link

  private async nudgeForAck(token: string, now: Date) {
    const n = await this.repo.nudgeByAckToken(hashLinkToken(token));
    const state = linkState(n && { usedAt: n.acknowledgedAt, expiresAt: n.expiresAt }, now);
    return { n, state };
  }

  async ackPage(token: string, now = new Date()): Promise<PublicPage> {
    const { n, state } = await this.nudgeForAck(token, now);
    if (state !== 'ok' || !n) return usedLinkPage(state);
    return { status: 200, html: await this.ackForm(n, token) };
  }

  private async ackForm(n: NudgeEntity, token: string): Promise<string> {
    const aup = await this.repo.aupVersion(n.aupVersion);
    return renderAcknowledgementForm({
      tool: this.catalog.has(n.toolId) ? this.catalog.definition(n.toolId).name : n.toolId,
      aupTitle: aup?.title ?? 'Acceptable-use policy',
      aupVersion: n.aupVersion,
      aupUrl: aup?.url ?? null,
      aupSummary: aup?.summary ?? null,
      action: `/g/ack/${token}`,
    });
  }

  async acknowledge(
    token: string,
    body: Record<string, unknown>,
    now = new Date(),
  ): Promise<PublicPage> {
    const { n, state } = await this.nudgeForAck(token, now);
    if (state !== 'ok' || !n) return usedLinkPage(state);
    if (body.confirm !== 'yes') return { status: 400, html: await this.ackForm(n, token) };
    if (!(await this.repo.acknowledge(n, now))) return usedLinkPage('used');
    await this.audit.record({
      // the person answering the CoE's nudge through their link
      actor: { tokenId: null, name: `link:nudge/${n.id}`, role: Role.Coe },
      action: 'aup.acknowledge',
      targetType: 'aup',
      targetId: n.aupVersion,
      detail: { nudgeId: n.id },
    });
    return {
      status: 200,
      title: 'Thank you',
      message: `Your acknowledgement of the acceptable-use policy, version ${n.aupVersion}, is recorded.`,
    };
  }

  /** The rate for the newest version, by team; teams asked fewer than k are pooled. */
  async acknowledgementRates(): Promise<AupAcknowledgementRates> {
    const k = this.config.privacyK;
    const aup = await this.repo.latestAup();
    if (!aup) return acknowledgementRates(null, [], k);
    const asked = await this.repo.askedFor(aup.version);
    const teams = await this.people.teamPathsOf(asked.map((a) => a.personId));
    return acknowledgementRates(
      aup.version,
      asked.map((a) => ({ ...a, team: teams.get(a.personId) ?? null })),
      k,
    );
  }

  list(filter: { toolId?: string; limit: number; offset: number }, actor: Actor) {
    return this.repo.listNudges(filter).then(async (rows) => {
      await this.audit.recordRead(actor, 'nudge', null, { returned: rows.length });
      return rows.map(({ ackTokenHash: _a, requestTokenHash: _r, ...n }) => n);
    });
  }
}
