import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import { type Actor, Role } from '../../auth/role';
import { CatalogService } from '../../catalog/catalog.service';
import { ToolPolicyService } from '../../catalog/tool-policy.service';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { PeopleService } from '../../people/people.service';
import type { SurveyMessage } from '../../surveys/mail/survey-message';
import type { CreateToolRequestDto, DecideToolRequestDto } from './dto/outreach.dto';
import type { ToolRequestEntity } from './entities/tool-request.entity';
import type { JobView } from '../../jobs/job.types';
import { OutreachDeliveryService } from './outreach-delivery.service';
import { hashLinkToken, issueLinkToken, linkState, outreachUrl } from './outreach-links';
import { decisionMessage } from './outreach-message';
import { OutreachRepository } from './outreach.repository';
import type { ToolRequestDecision, ToolRequestStatus } from './outreach.types';
import { parseToolRequestForm } from './public/outreach-forms';
import { renderToolRequestForm, renderToolRequestStatus } from './public/outreach-pages';
import { type PublicPage, usedLinkPage } from './public/public-page';

const REQUESTER = 'requester';

/**
 * Tool requests: a person or team asks the CoE to review a tool, from a nudge's link or the
 * console. The request, its discussion and the decision are the CoE's queue; a decision sets the
 * tool's policy (audited by the catalog) and tells the requester by mail, or on their status page.
 */
@Injectable()
export class ToolRequestsService {
  constructor(
    private readonly repo: OutreachRepository,
    private readonly catalog: CatalogService,
    private readonly policies: ToolPolicyService,
    private readonly people: PeopleService,
    private readonly delivery: OutreachDeliveryService,
    private readonly audit: AuditService,
  ) {}

  private toolName(toolId: string): string {
    return this.catalog.has(toolId) ? this.catalog.definition(toolId).name : toolId;
  }

  /** From the console: the answer carries the requester's status link, shown once. */
  async create(dto: CreateToolRequestDto, origin: string, actor: Actor) {
    this.catalog.definition(dto.toolId);
    if (dto.personId && !(await this.people.existingPersonIds([dto.personId])).length)
      throw new DomainError(
        ErrorCode.InvalidInput,
        `personId ${dto.personId} is not in the directory`,
      );
    const status = issueLinkToken();
    const row = await this.repo.insertRequest({
      toolId: dto.toolId,
      personId: dto.personId ?? null,
      team: dto.team ?? null,
      contactEmail: dto.contactEmail ?? null,
      reason: dto.reason,
      nudgeId: null,
      createdBy: actor.name,
      statusTokenHash: status.hash,
    });
    await this.audit.record({
      actor,
      action: 'tool-request.create',
      targetType: 'tool-request',
      targetId: row.id,
      detail: { toolId: dto.toolId },
    });
    return {
      ...view(row),
      statusUrl: outreachUrl(this.delivery.baseUrl(origin), 'status', status.token),
    };
  }

  // --- the request link of a nudge

  private async nudgeForRequest(token: string, now: Date) {
    const n = await this.repo.nudgeByRequestToken(hashLinkToken(token));
    return { n, state: linkState(n && { usedAt: n.requestUsedAt, expiresAt: n.expiresAt }, now) };
  }

  async requestPage(token: string, now = new Date()): Promise<PublicPage> {
    const { n, state } = await this.nudgeForRequest(token, now);
    if (state !== 'ok' || !n) return usedLinkPage(state);
    return {
      status: 200,
      html: renderToolRequestForm({ tool: this.toolName(n.toolId), action: `/g/request/${token}` }),
    };
  }

  async submitFromNudge(
    token: string,
    body: Record<string, unknown>,
    now = new Date(),
  ): Promise<PublicPage> {
    const { n, state } = await this.nudgeForRequest(token, now);
    if (state !== 'ok' || !n) return usedLinkPage(state);
    const parsed = parseToolRequestForm(body);
    if (!parsed.ok)
      return {
        status: 400,
        html: renderToolRequestForm({
          tool: this.toolName(n.toolId),
          action: `/g/request/${token}`,
          errors: parsed.errors,
        }),
      };
    if (!(await this.repo.claimRequestLink(n.id, now))) return usedLinkPage('used');
    const team =
      parsed.request.forTeam && n.personId
        ? ((await this.people.teamPathsOf([n.personId])).get(n.personId) ?? null)
        : null;
    const status = issueLinkToken();
    const row = await this.repo.insertRequest({
      toolId: n.toolId,
      personId: n.personId,
      team,
      contactEmail: parsed.request.contactEmail,
      reason: parsed.request.reason,
      nudgeId: n.id,
      createdBy: `link:nudge/${n.id}`,
      statusTokenHash: status.hash,
    });
    await this.audit.record({
      actor: { tokenId: null, name: `link:nudge/${n.id}`, role: Role.Coe },
      action: 'tool-request.create',
      targetType: 'tool-request',
      targetId: row.id,
      detail: { toolId: n.toolId, via: 'nudge' },
    });
    return { status: 303, redirect: `/g/status/${status.token}?sent=1` };
  }

  // --- the requester's status page

  async statusPage(token: string, notice?: string): Promise<PublicPage> {
    const r = await this.repo.requestByStatusToken(hashLinkToken(token));
    if (!r) return usedLinkPage('unknown');
    const comments = await this.repo.commentsOf(r.id);
    return {
      status: 200,
      html: renderToolRequestStatus({
        tool: this.toolName(r.toolId),
        status: r.status,
        reason: r.reason,
        decision: r.decision,
        comments: comments.map((c) => ({
          author: c.byRequester ? 'You' : 'AI Centre of Excellence',
          at: c.at,
          body: c.body,
        })),
        action: r.status === 'open' ? `/g/status/${token}` : null,
        notice,
      }),
    };
  }

  async statusComment(token: string, body: Record<string, unknown>): Promise<PublicPage> {
    const r = await this.repo.requestByStatusToken(hashLinkToken(token));
    if (!r) return usedLinkPage('unknown');
    const text = typeof body.comment === 'string' ? body.comment.trim().slice(0, 2000) : '';
    if (r.status !== 'open' || !text)
      return { ...(await this.statusPage(token)), status: r.status === 'open' ? 400 : 409 };
    await this.repo.addComment({
      requestId: r.id,
      author: REQUESTER,
      byRequester: true,
      body: text,
      at: new Date(),
    });
    return { status: 303, redirect: `/g/status/${token}` };
  }

  // --- the CoE's queue

  async list(q: { status?: ToolRequestStatus; limit: number; offset: number }, actor: Actor) {
    const [rows, total] = await this.repo.listRequests(q);
    await this.audit.recordRead(actor, 'tool-request', null, { returned: rows.length });
    return { total, items: rows.map(view) };
  }

  async get(id: string, actor: Actor) {
    const r = await this.require(id);
    const comments = await this.repo.commentsOf(id);
    await this.audit.recordRead(actor, 'tool-request', id);
    return {
      ...view(r),
      comments: comments.map((c) => ({
        author: c.author,
        byRequester: c.byRequester,
        body: c.body,
        at: c.at,
      })),
    };
  }

  async comment(id: string, body: string, actor: Actor) {
    const r = await this.require(id);
    if (r.status !== 'open')
      throw new DomainError(
        ErrorCode.Conflict,
        `tool request ${id} is ${r.status}: its discussion is closed`,
      );
    await this.repo.addComment({
      requestId: id,
      author: actor.name,
      byRequester: false,
      body,
      at: new Date(),
    });
    await this.audit.record({
      actor,
      action: 'tool-request.comment',
      targetType: 'tool-request',
      targetId: id,
    });
    return this.get(id, actor);
  }

  /**
   * Decides: the tool's policy is set through the catalog (which audits the change), then the
   * requester is told by mail when an address is known and mail is configured, else on the page
   * their link opens.
   */
  async decide(id: string, dto: DecideToolRequestDto, actor: Actor) {
    const r = await this.require(id);
    if (r.status !== 'open')
      throw new DomainError(ErrorCode.Conflict, `tool request ${id} is already ${r.status}`);
    const decision: ToolRequestDecision = {
      status: dto.status,
      dataClasses: [...new Set(dto.dataClasses ?? [])].sort(),
      tenantBound: dto.tenantBound ?? false,
      note: dto.note ?? null,
    };
    const now = new Date();
    if (!(await this.repo.decide(id, { decision, by: actor.name, at: now })))
      throw new DomainError(ErrorCode.Conflict, `tool request ${id} was decided meanwhile`);
    const policy = await this.policies.set({ toolId: r.toolId, ...decision }, actor);
    await this.audit.record({
      actor,
      action: 'tool-request.decide',
      targetType: 'tool-request',
      targetId: id,
      detail: { toolId: r.toolId, decision: { ...decision } },
    });
    const to = await this.requesterAddress(r);
    let job: JobView | null = null;
    let notified: 'mail' | 'status-page' = 'status-page';
    if (to && this.delivery.mailEnabled) {
      job = await this.delivery.enqueue(
        { kind: 'decision', ids: [id], baseUrl: this.delivery.baseUrl('') },
        actor,
      );
      notified = 'mail';
    }
    await this.repo.setNotified(id, notified);
    return { request: { ...view(r), status: 'decided', decision, notified }, policy, job };
  }

  /** The decision mail of each request (the mail job calls it). */
  async decisionMails(
    ids: string[],
  ): Promise<{ id: string; personId: string; to: string | null; message: SurveyMessage | null }[]> {
    const out = [];
    for (const id of ids) {
      const r = await this.repo.request(id);
      if (!r?.decision) continue;
      const to = await this.requesterAddress(r);
      out.push({
        id,
        personId: r.personId ?? id,
        to,
        message: to
          ? decisionMessage({ toolName: this.toolName(r.toolId), decision: r.decision })
          : null,
      });
    }
    return out;
  }

  private async requesterAddress(r: ToolRequestEntity): Promise<string | null> {
    if (r.contactEmail) return r.contactEmail;
    if (!r.personId) return null;
    return (await this.people.contactsOf([r.personId])).get(r.personId)?.email ?? null;
  }

  private async require(id: string): Promise<ToolRequestEntity> {
    const r = await this.repo.request(id);
    if (!r) throw new DomainError(ErrorCode.NotFound, `No tool request with id ${id}`);
    return r;
  }
}

function view(r: ToolRequestEntity) {
  const { statusTokenHash: _s, ...rest } = r;
  return rest;
}
