import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import { CatalogService } from '../../catalog/catalog.service';
import { SIGNALS } from '../../catalog/catalog.types';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { STRENGTHS } from '../../evidence/confidence';
import { FindingReadsService } from '../../findings/finding-reads.service';
import { RISK_TIERS, SUBJECT_TYPES, TRIAGE_STATES } from '../../findings/findings.types';
import { TriageService } from '../../findings/triage/triage.service';
import { ConsolePage } from '../console/console.decorators';
import { CONSOLE_ROLES } from '../console/nav';
import { localPath, page, redirectTo, SignedIn } from '../console/page';
import { withQuery } from '../render/console-helpers';
import type { ConsoleSessionContext } from '../session/console-session.service';
import { explainEvidence } from './evidence-view';
import { CONSOLE_TRIAGE_ACTIONS, FindingsFilterForm, TriageForm } from './findings-forms.dto';

export const FINDINGS_PAGE_SIZE = 50;

const ACTION_LABELS: Record<string, string> = {
  acknowledge: 'Acknowledge',
  accept: 'Accept the risk',
  remediate: 'Mark remediated',
  'mark-false-positive': 'False positive',
};

/** The security triage queue and the finding page; every read is audited by the service. */
@Controller('findings')
export class FindingsPagesController {
  constructor(
    private readonly reads: FindingReadsService,
    private readonly triage: TriageService,
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
  ) {}

  @Get()
  @ConsolePage(...CONSOLE_ROLES.findings)
  async list(@Query() q: FindingsFilterForm, @SignedIn() session: ConsoleSessionContext) {
    const pageNo = q.page ?? 1;
    const { page: _page, ...filters } = q;
    const { total, items } = await this.reads.list(
      { ...filters, limit: FINDINGS_PAGE_SIZE, offset: (pageNo - 1) * FINDINGS_PAGE_SIZE },
      session.actor,
    );
    const [subjects, teams] = await Promise.all([this.reads.subjects(items), this.reads.teams()]);
    const toolNames = new Map(this.catalog.tools().map((t) => [t.id, t.name]));
    return page('findings/findings-list', 'Findings', {
      query: filters,
      total,
      page: pageNo,
      pages: Math.max(1, Math.ceil(total / FINDINGS_PAGE_SIZE)),
      rows: items.map((f) => ({
        ...f,
        toolName: toolNames.get(f.toolId) ?? f.toolId,
        subject: subjects.get(f.subjectId),
      })),
      options: {
        tiers: RISK_TIERS,
        states: TRIAGE_STATES,
        signals: SIGNALS,
        strengths: STRENGTHS,
        subjectTypes: SUBJECT_TYPES,
        teams,
        tools: [...toolNames]
          .map(([id, name]) => ({ id, name }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      },
      actions: CONSOLE_TRIAGE_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] })),
      back: withQuery('/findings', filters, { page: pageNo > 1 ? pageNo : undefined }),
      today: new Date().toISOString().slice(0, 10),
    });
  }

  /** Bulk triage from the list: each finding in turn, one result line for all. */
  @Post('bulk')
  @ConsolePage(...CONSOLE_ROLES.findings)
  async bulk(@Body() form: TriageForm, @SignedIn() session: ConsoleSessionContext) {
    const back = localPath(form.back, '/findings');
    const ids = form.ids ?? [];
    if (ids.length === 0) return redirectTo(back, 'Select at least one finding.');
    const request = triageRequest(form);
    let done = 0;
    const failed: string[] = [];
    for (const id of ids) {
      try {
        await this.triage.triage(id, request, session.actor);
        done++;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        failed.push(e.message);
      }
    }
    const summary = `${ACTION_LABELS[form.action]}: ${done} of ${ids.length} finding${ids.length === 1 ? '' : 's'} changed.`;
    return redirectTo(
      back,
      failed.length ? `${summary} Not changed: ${failed.slice(0, 5).join('; ')}` : summary,
    );
  }

  @Get(':id')
  @ConsolePage(...CONSOLE_ROLES.findings)
  async detail(@Param('id', ParseUUIDPipe) id: string, @SignedIn() session: ConsoleSessionContext) {
    const finding = await this.reads.get(id, session.actor);
    const [subjects, audit] = await Promise.all([
      this.reads.subjects([finding]),
      this.audit.read(
        { targetType: 'finding', targetId: id, exceptAction: 'finding.read', limit: 200 },
        session.actor,
      ),
    ]);
    const tool = this.catalog.tools().find((t) => t.id === finding.toolId);
    return page('findings/finding-detail', `Finding: ${tool?.name ?? finding.toolId}`, {
      finding,
      toolName: tool?.name ?? finding.toolId,
      subject: subjects.get(finding.subjectId),
      evidence: finding.evidence
        .map(explainEvidence)
        .sort((a, b) => a.firstSeen.getTime() - b.firstSeen.getTime()),
      factors: [...finding.factors].sort((a, b) => b.points - a.points),
      events: finding.events,
      audit,
      actions: CONSOLE_TRIAGE_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] })),
      today: new Date().toISOString().slice(0, 10),
    });
  }

  @Post(':id/triage')
  @ConsolePage(...CONSOLE_ROLES.findings)
  async triageOne(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: TriageForm,
    @SignedIn() session: ConsoleSessionContext,
  ) {
    await this.triage.triage(id, triageRequest(form), session.actor);
    return redirectTo(`/findings/${id}`, `${ACTION_LABELS[form.action]}: done.`);
  }
}

/** An acceptance lasts to the end of the day chosen (UTC), and needs a reason in the console. */
function triageRequest(form: TriageForm) {
  if (form.action === 'accept') {
    if (!form.acceptedUntil)
      throw new DomainError(
        ErrorCode.InvalidInput,
        'Accepting a risk needs the date it is accepted until.',
      );
    if (!form.comment?.trim())
      throw new DomainError(ErrorCode.InvalidInput, 'Accepting a risk needs a reason.');
  }
  const until = form.acceptedUntil ? new Date(form.acceptedUntil) : undefined;
  until?.setUTCHours(23, 59, 59, 999);
  return {
    action: form.action,
    acceptedUntil: form.action === 'accept' ? until : undefined,
    comment: form.comment?.trim() || undefined,
  };
}
