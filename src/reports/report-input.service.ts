import { Inject, Injectable } from '@nestjs/common';
import type { CorrelationSources } from '../findings/correlation/correlation-sources';
import { CORRELATION_SOURCES } from '../findings/correlation/correlation-sources';
import { FindingsService } from '../findings/findings.service';
import { EvidenceService } from '../evidence/evidence.service';
import { buildReportInput } from './model/report-input.builder';
import type { ResolvableKind } from '../people/identity/identity-kinds';
import { PeopleService } from '../people/people.service';
import { VendorConnectorsService } from '../signals/vendors/vendor-connectors.service';
import { ADOPTION_WEEKS } from './model/adoption.builder';
import type { ReportInput, ReportSeat, ReportUsageDay } from './model/report.types';

export interface ReportInputOptions {
  organisation: string;
  k: number;
  now: Date;
  /** attach up to this many evidence rows to each finding (the security report) */
  evidencePerFinding?: number;
}

/**
 * Gathers a report's input: the findings and their evidence from their own modules, and the
 * people, tools, policies, answers and repositories through the same sources correlation read,
 * so that a report describes the directory its findings were scored against.
 */
@Injectable()
export class ReportInputService {
  constructor(
    private readonly findings: FindingsService,
    private readonly evidence: EvidenceService,
    private readonly vendors: VendorConnectorsService,
    private readonly people: PeopleService,
    @Inject(CORRELATION_SOURCES) private readonly sources: CorrelationSources,
  ) {}

  async read(o: ReportInputOptions): Promise<Omit<ReportInput, 'previous'>> {
    const [people, tools, policies, survey, repositories, findings] = await Promise.all([
      this.sources.people(),
      this.sources.tools(),
      this.sources.policies(),
      this.sources.disclosures(),
      this.sources.repositories(),
      this.findings.present(),
    ]);
    const evidence = o.evidencePerFinding
      ? await this.evidence.latestOf(
          (await this.findings.evidenceRefs(findings.map((f) => f.id))).map((r) => ({
            key: r.findingId,
            fingerprints: r.fingerprints,
          })),
          o.evidencePerFinding,
        )
      : [];
    const seats = await this.seatsOf(people);
    const vendorUsage = await this.usageOf(o.now);
    const copilotDays = await this.vendors.copilotOrgDays(
      new Date(o.now.getTime() - (ADOPTION_WEEKS + 1) * 7 * 86_400_000),
    );
    const built = buildReportInput({
      ...o,
      people,
      tools,
      policies,
      survey,
      repositories,
      findings,
      evidence,
    });
    return { ...built, seats, vendorUsage, copilotDays };
  }

  /** The vendors' records of use over the weeks the baseline shows, each user resolved once. */
  private async usageOf(now: Date): Promise<ReportUsageDay[]> {
    const since = new Date(now.getTime() - (ADOPTION_WEEKS + 1) * 7 * 86_400_000);
    const days = await this.evidence.vendorUsageDays(since);
    if (days.length === 0) return [];
    const keys = [...new Set(days.map((d) => `${d.kind}:${d.value}`))];
    const resolved = await this.people.resolveIdentities(
      keys.map((key) => {
        const i = key.indexOf(':');
        return { kind: key.slice(0, i) as ResolvableKind, value: key.slice(i + 1) };
      }),
      'report',
    );
    const userOf = new Map(keys.map((key, i) => [key, resolved[i]?.personId ?? key]));
    return days.map((d) => ({
      toolId: d.toolId,
      user: userOf.get(`${d.kind}:${d.value}`)!,
      day: d.day,
    }));
  }

  /** The connectors' seats, each holder resolved to the directory by e-mail (or login). */
  private async seatsOf(people: { id: string; team: string | null }[]): Promise<ReportSeat[]> {
    const held = await this.vendors.seatHolders();
    if (held.length === 0) return [];
    const resolved = await this.people.resolveIdentities(
      held.map((s) => ({ kind: s.identityKind, value: s.identity })),
      'report',
    );
    const teams = new Map(people.map((p) => [p.id, p.team]));
    return held.map((s, i) => {
      const personId = resolved[i]?.personId ?? null;
      return {
        toolId: s.toolId,
        personId,
        team: personId ? (teams.get(personId) ?? null) : null,
        lastActiveDay: s.lastActiveDay,
      };
    });
  }
}
