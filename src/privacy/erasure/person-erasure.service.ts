import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { identifierPattern, redactText } from '../../common/identifier-redaction';
import { EvidenceService } from '../../evidence/evidence.service';
import { FindingsService } from '../../findings/findings.service';
import { JobName } from '../../jobs/job-names';
import type { JobView, ProgressCallback } from '../../jobs/job.types';
import { JobsService } from '../../jobs/jobs.service';
import { PeopleService } from '../../people/people.service';
import { ReportsService } from '../../reports/reports.service';
import { NetworkUsageService } from '../../signals/network/network-usage.service';
import { SurveysService } from '../../surveys/surveys.service';
import { OutreachService } from '../../guardrails/outreach/outreach.service';
import { EndpointsService } from '../../signals/endpoints/endpoints.service';

export interface ErasePersonData {
  erasureId: string;
  personId: string;
  reason: string;
}

export interface ErasureResult {
  erasureId: string;
  /** rows removed, unlinked or scrubbed, by kind */
  counts: Record<string, number>;
}

/**
 * Erases one person across the modules, each through its own service, in an order that lets
 * every step still find them: reports (by finding id) before findings, every module before the
 * directory, which goes last and leaves tombstones. The audit record carries an opaque erasure
 * id and counts, never who it was.
 */
@Injectable()
export class PersonErasureService {
  constructor(
    private readonly people: PeopleService,
    private readonly reports: ReportsService,
    private readonly findings: FindingsService,
    private readonly surveys: SurveysService,
    private readonly network: NetworkUsageService,
    private readonly evidence: EvidenceService,
    private readonly outreach: OutreachService,
    private readonly endpoints: EndpointsService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  /** The person named by id, e-mail or GitHub login, or a not-found error that does not echo it. */
  async personIdOf(ref: string): Promise<string> {
    const id = await this.people.findPersonIdByReference(ref);
    if (!id) throw new DomainError(ErrorCode.NotFound, 'person: no single person matches');
    return id;
  }

  /** Queues the erasure as a job whose id is the erasure id. */
  async request(
    ref: string,
    reason: string,
    actor: Actor,
  ): Promise<{ erasureId: string; job: JobView }> {
    const personId = await this.personIdOf(ref);
    const erasureId = randomUUID();
    const job = await this.jobs.enqueue(
      JobName.ErasePerson,
      { erasureId, personId, reason } satisfies ErasePersonData,
      { jobId: erasureId, actor },
    );
    await this.audit.record({
      actor,
      action: 'person.erasure-request',
      targetType: 'erasure',
      targetId: erasureId,
    });
    return { erasureId, job };
  }

  /** Runs an erasure here and now (the CLI), recorded as a job like the API's. */
  async runNow(
    ref: string,
    reason: string,
    actor: Actor,
    progress?: ProgressCallback,
  ): Promise<ErasureResult> {
    const personId = await this.personIdOf(ref);
    const erasureId = randomUUID();
    return this.jobs.run<ErasureResult>(
      JobName.ErasePerson,
      { erasureId, personId, reason } satisfies ErasePersonData,
      progress,
      { jobId: erasureId, actor },
    );
  }

  /** The job's work. Safe to run again after a failure: the person stays until the last step. */
  async erase(
    data: ErasePersonData,
    actor: Actor,
    progress: ProgressCallback = () => undefined,
  ): Promise<ErasureResult> {
    const ids = await this.people.identifiersOf(data.personId);
    if (!ids) throw new DomainError(ErrorCode.NotFound, 'person: no such person (already erased?)');
    const pattern = identifierPattern(ids.strings);
    const counts: Record<string, number> = {};
    const steps: [string, () => Promise<Record<string, number>>][] = [
      ['reports', () => this.reports.erasePerson(data.personId)],
      ['findings', () => this.findings.erasePerson(data.personId)],
      ['surveys', () => this.surveys.erasePerson(data.personId)],
      ['outreach', () => this.outreach.erasePerson(data.personId)],
      // before the directory goes: a device is the person's by resolving its user now
      ['endpoints', () => this.endpoints.erasePerson(data.personId)],
      ['network', () => this.network.erasePerson(data.personId)],
      ['evidence', () => this.evidence.erasePerson(data.personId)],
      ['people', () => this.people.erasePerson(data.personId, data.erasureId)],
    ];
    for (const [i, [, step]] of steps.entries()) {
      Object.assign(counts, await step());
      await progress(Math.round((100 * (i + 1)) / (steps.length + 1)), { ...counts });
    }
    if (pattern) {
      counts.auditRecordsScrubbed = await this.audit.redactIdentifiers(pattern);
      counts.jobsScrubbed = await this.jobs.redactIdentifiers(pattern);
    }
    await this.audit.record({
      actor,
      action: 'person.erase',
      targetType: 'erasure',
      targetId: data.erasureId,
      detail: { reason: redactText(data.reason, pattern), counts },
    });
    await progress(100, counts);
    return { erasureId: data.erasureId, counts };
  }
}
