import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import { Actor, Role } from '../../auth/role';
import type { PersonDataSection } from '../../common/person-data';
import { AppConfig } from '../../config/app-config';
import { isResolvableKind } from '../../people/identity/identity-kinds';
import { PeopleService } from '../../people/people.service';
import type { UsageQueryDto } from './dto/network-query.dto';
import { LogIngestRepository } from './log-ingest.repository';
import { NetworkUsageRepository, type ToolUsageTotals } from './network-usage.repository';
import { identifierPattern } from '../../common/identifier-redaction';
import { identityPseudonym, triagePseudonym } from '../../common/triage-pseudonym';
import { NetworkErasureRepository } from './network-erasure.repository';
import type { PurgeCount } from '../../database/month-partitions';

export type UsageReport =
  | { level: 'tool'; tools: (ToolUsageTotals & { suppressed?: boolean })[] }
  | {
      level: 'person';
      rows: {
        identityKind: string;
        identityValue: string;
        toolId: string;
        day: string;
        requests: number;
        bytesUp: number;
        bytesDown: number;
        blocked: number;
        firstSeen: Date;
        lastSeen: Date;
      }[];
    };

/** Reads of the roll-ups: person-level for security, CoE and admin (audited), tool-level for leaders. */
@Injectable()
export class NetworkUsageService {
  constructor(
    private readonly usage: NetworkUsageRepository,
    private readonly ingestRepo: LogIngestRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly people: PeopleService,
    private readonly erasure: NetworkErasureRepository,
  ) {}

  // ── Subject access (privacy): the daily roll-ups whose identity resolves to the person ──

  /** Each day's roll-up under the person's id or an identity the rules give them (an IP by that day's lease). */
  async personData(personId: string): Promise<PersonDataSection[]> {
    const spans = await this.usage.identitySpans();
    const observed = spans.flatMap((s) =>
      isResolvableKind(s.kind)
        ? [{ kind: s.kind, value: s.value, at: { from: s.from, to: s.to }, day: s.day }]
        : [],
    );
    const theirs = await this.people.identitiesOfPerson(personId, observed);
    const rows = await this.usage.dailyOf(personId, theirs);
    return [
      {
        kind: 'network-usage',
        rows: rows.map((r) => ({
          day: r.day,
          tool: r.toolId,
          identityKind: r.identityKind,
          identityValue: r.identityValue,
          requests: r.requests,
          bytesUp: r.bytesUp,
          bytesDown: r.bytesDown,
          blocked: r.blocked,
        })),
      },
    ];
  }

  // ── end of subject access ──

  async report(q: UsageQueryDto, actor: Actor): Promise<UsageReport> {
    const isLeader = actor.role === Role.Leader;
    if (isLeader || q.level === 'tool') {
      const tools = await this.usage.toolTotals({ from: q.from, to: q.to, toolId: q.toolId });
      if (!isLeader) return { level: 'tool', tools };
      // a tool used by fewer than k people would point at them: leaders see only that it is used
      const k = this.config.privacyK;
      return {
        level: 'tool',
        tools: tools.map((t) =>
          t.identities >= k
            ? t
            : {
                toolId: t.toolId,
                requests: 0,
                bytesUp: 0,
                bytesDown: 0,
                blocked: 0,
                identities: 0,
                days: 0,
                suppressed: true,
              },
        ),
      };
    }
    const rows = await this.usage.findDaily({
      from: q.from,
      to: q.to,
      toolId: q.toolId,
      identityValue: q.identity,
      limit: q.limit,
      offset: q.offset,
    });
    await this.audit.recordRead(actor, 'network-usage', q.identity ?? null, {
      from: q.from,
      to: q.to,
      toolId: q.toolId,
      rows: rows.length,
    });
    return {
      level: 'person',
      rows: rows.map((r) => ({
        identityKind: r.identityKind,
        identityValue: this.shownIdentity(r.identityKind, r.identityValue, actor),
        toolId: r.toolId,
        day: r.day,
        requests: r.requests,
        bytesUp: r.bytesUp,
        bytesDown: r.bytesDown,
        blocked: r.blocked,
        firstSeen: r.firstSeen,
        lastSeen: r.lastSeen,
      })),
    };
  }

  async ingests(limit: number, offset: number) {
    const rows = await this.ingestRepo.list(limit, offset);
    return {
      ingests: rows.map((r) => ({
        id: r.id,
        file: r.fileName,
        size: r.fileSize,
        format: r.format,
        status: r.status,
        committedOffset: r.committedOffset,
        lines: r.lines,
        parsed: r.parsed,
        malformed: r.malformed,
        matched: r.matched,
        malformedSample: r.malformedSample,
        tools: Object.fromEntries(
          Object.entries(r.tools).map(([id, t]) => [
            id,
            { requests: t.requests, bytes: t.bytes, identities: t.identities.length },
          ]),
        ),
        jobId: r.jobId,
        error: r.error,
        createdAt: r.createdAt,
        completedAt: r.completedAt,
      })),
    };
  }

  // --- erasure (privacy) ---

  /** Removes the person's daily roll-ups; the files' records keep their counts, scrubbed of them. */
  async erasePerson(personId: string): Promise<Record<string, number>> {
    const ids = await this.people.identifiersOf(personId);
    if (!ids) return {};
    return this.erasure.erase(personId, ids.leases, identifierPattern(ids.strings));
  }

  // --- pseudonymised triage ---

  /** Under PSEUDONYMISED_TRIAGE security and the CoE read roll-ups under the findings' pseudonyms. */
  private shownIdentity(kind: string, value: string, actor: Actor): string {
    const key = this.config.triagePseudonymKey;
    if (!this.config.pseudonymisedTriage || !key) return value;
    if (actor.role !== Role.Security && actor.role !== Role.Coe) return value;
    return kind === 'person' ? triagePseudonym(key, value) : identityPseudonym(key, kind, value);
  }

  /** Retention: partitions for the months given (YYYY-MM-01), made ahead. */
  ensurePartitions(months: string[]): Promise<string[]> {
    return this.usage.ensurePartitions(months);
  }

  /** Retention (the evidence period covers roll-ups): days before the cut-off go. */
  purgeDaysBefore(cutoff: Date, dryRun: boolean): Promise<PurgeCount> {
    return this.usage.purgeDaysBefore(cutoff, dryRun);
  }
}
