import { Injectable } from '@nestjs/common';
import { AuditService } from '../auth/audit.service';
import { SYSTEM_ACTOR, type Actor } from '../auth/role';
import { DomainError, ErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { OutreachService } from '../guardrails/outreach/outreach.service';
import type { ReportSnapshotEntity } from './entities/report-snapshot.entity';
import { buildBaseline } from './model/baseline.builder';
import { buildFindingsReport } from './model/findings-report.builder';
import { buildInventory } from './model/inventory.builder';
import { buildSeatSection } from './model/seats.builder';
import type {
  BaselineCsvPart,
  BaselineModel,
  InventoryModel,
  ReportFormat,
  ReportKind,
  ReportInput,
  ReportModel,
} from './model/report.types';
import { kindsFor, REPORT_FORMATS_BY_KIND, REPORT_ROLES } from './report-access';
import { ReportInputService } from './report-input.service';
import type { RenderedReport } from './report-renderer.service';
import { ReportRendererService } from './report-renderer.service';
import { ReportSnapshotRepository } from './report-snapshot.repository';
import { identifierPattern, redactJson } from '../common/identifier-redaction';
import { FindingsService } from '../findings/findings.service';
import { PeopleService } from '../people/people.service';
import { ReportErasureRepository } from './report-erasure.repository';
import { SurveyWavesService } from '../surveys/waves/survey-waves.service';

export interface BuildReportOptions {
  organisation?: string;
  now?: Date;
  /** who asked; the build is audited as theirs (the system's when no one did) */
  actor?: Actor;
  jobId?: string | null;
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly inputs: ReportInputService,
    private readonly snapshots: ReportSnapshotRepository,
    private readonly renderer: ReportRendererService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly people: PeopleService,
    private readonly findings: FindingsService,
    private readonly erasure: ReportErasureRepository,
    private readonly outreach: OutreachService,
    private readonly waves: SurveyWavesService,
  ) {}

  /** Builds a report model from the current findings and keeps it as a snapshot. */
  async build(kind: ReportKind, o: BuildReportOptions = {}): Promise<ReportSnapshotEntity> {
    const now = o.now ?? new Date();
    const organisation = o.organisation ?? 'the organisation';
    const input = await this.inputs.read({
      organisation,
      k: this.config.privacyK,
      now,
      evidencePerFinding: kind === 'findings' ? 10 : undefined,
    });
    const model = await this.model(kind, kind === 'findings' ? this.pseudonymised(input) : input);
    const actor = o.actor ?? SYSTEM_ACTOR;
    const snapshot = await this.snapshots.save({
      kind,
      createdAt: now,
      actor: actor.name,
      jobId: o.jobId ?? null,
      model,
    });
    await this.audit.record({
      actor,
      action: 'report.create',
      targetType: 'report',
      targetId: snapshot.id,
      detail: { kind, organisation },
    });
    return snapshot;
  }

  private async model(
    kind: ReportKind,
    input: Omit<ReportInput, 'previous'>,
  ): Promise<ReportModel> {
    switch (kind) {
      case 'baseline': {
        const previous = (await this.snapshots.latest('baseline'))?.model as
          BaselineModel | undefined;
        return buildBaseline({
          ...input,
          previous: previous ?? null,
          acknowledgements: await this.outreach.acknowledgementRateByTeam(),
          pulse: await this.waves.latestSummary(),
        });
      }
      case 'inventory': {
        const previous = (await this.snapshots.latest('inventory'))?.model as
          InventoryModel | undefined;
        return {
          ...buildInventory({ ...input, previous: null }, previous ?? null),
          seats: buildSeatSection(
            { ...input, previous: null },
            this.config.seatIdleDays,
            this.config.seatPrices,
          ),
        };
      }
      case 'findings':
        return buildFindingsReport({ ...input, previous: null });
    }
  }

  list(actor: Actor, limit = 50) {
    return this.snapshots.list(kindsFor(actor.role), limit);
  }

  async get(id: string, actor: Actor): Promise<ReportSnapshotEntity> {
    const snapshot = await this.snapshots.findById(id);
    if (!snapshot) throw new DomainError(ErrorCode.NotFound, `No report with id ${id}`);
    if (!REPORT_ROLES[snapshot.kind].includes(actor.role)) {
      throw new DomainError(
        ErrorCode.Forbidden,
        `role ${actor.role} may not read the ${snapshot.kind} report`,
      );
    }
    if (snapshot.kind === 'findings')
      await this.audit.recordRead(actor, 'report', id, { kind: snapshot.kind });
    return snapshot;
  }

  async download(
    id: string,
    format: ReportFormat,
    actor: Actor,
    part?: BaselineCsvPart,
  ): Promise<RenderedReport & { filename: string }> {
    const snapshot = await this.get(id, actor);
    if (!REPORT_FORMATS_BY_KIND[snapshot.kind].includes(format)) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `format ${format} is not offered for the ${snapshot.kind} report (${REPORT_FORMATS_BY_KIND[snapshot.kind].join(', ')})`,
      );
    }
    if (part && (snapshot.kind !== 'baseline' || format !== 'csv'))
      throw new DomainError(
        ErrorCode.InvalidInput,
        `part=${part} is for the baseline report as CSV, not ${snapshot.kind} as ${format}`,
      );
    const rendered = await this.renderer.render(snapshot.model, format, part);
    const day = snapshot.createdAt.toISOString().slice(0, 10);
    const name = part && part !== 'tools' ? `${snapshot.kind}-${part}` : snapshot.kind;
    return { ...rendered, filename: `${name}-${day}.${rendered.extension}` };
  }

  // --- erasure (privacy) ---

  /**
   * Findings reports (person-level, for security) lose the person's rows and their tier counts;
   * every snapshot loses the strings that name them. Leaders' baselines and inventories carry
   * no names, so their figures stay as they were taken. Run before the findings are erased.
   */
  async erasePerson(personId: string): Promise<Record<string, number>> {
    const ids = await this.people.identifiersOf(personId);
    const pattern = identifierPattern(ids?.strings ?? [personId]);
    const findingIds = new Set(await this.findings.findingIdsOf(personId));
    const names = pattern ? new RegExp(pattern, 'i') : null;
    let rows = 0;
    let snapshots = 0;
    for (const snapshot of await this.erasure.findingsSnapshots()) {
      const kept = snapshot.model.findings.filter(
        (f) => !findingIds.has(f.id) && !(f.subjectType === 'person' && names?.test(f.subject)),
      );
      const removed = snapshot.model.findings.length - kept.length;
      if (removed === 0) continue;
      const byTier = { ...snapshot.model.byTier };
      for (const f of snapshot.model.findings) if (!kept.includes(f)) byTier[f.tier]--;
      await this.erasure.replaceModel(
        snapshot.id,
        redactJson({ ...snapshot.model, byTier, findings: kept }, pattern),
      );
      rows += removed;
      snapshots++;
    }
    const scrubbed = pattern ? await this.erasure.scrubText(pattern) : 0;
    return {
      reportRows: rows,
      reportSnapshotsChanged: snapshots,
      reportSnapshotsScrubbed: scrubbed,
    };
  }

  // --- pseudonymised triage ---

  /**
   * With PSEUDONYMISED_TRIAGE the findings report names people by their triage pseudonym, as
   * the findings API does; evidence fingerprints and summaries that fell back to raw detail are withheld.
   */
  private pseudonymised(input: Omit<ReportInput, 'previous'>): Omit<ReportInput, 'previous'> {
    return {
      ...input,
      findings: input.findings.map((f) => {
        const pseudonym =
          f.subjectType === 'person' ? this.findings.triagePseudonymOf(f.subjectId) : null;
        if (!pseudonym) return f;
        return {
          ...f,
          subjectId: pseudonym,
          subjectLabel: pseudonym,
          // a fingerprint may spell the identity out (`network:username:…`)
          evidence: f.evidence?.map((e) => ({
            ...e,
            fingerprint: '(withheld)',
            summary: e.summary.startsWith('{') ? '(detail withheld)' : e.summary,
          })),
        };
      }),
    };
  }
}
