import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import { AppConfig } from '../../config/app-config';
import { monthsFrom, type PurgeCount } from '../../database/month-partitions';
import { EvidenceService } from '../../evidence/evidence.service';
import { NetworkUsageService } from '../../signals/network/network-usage.service';
import { SurveysService } from '../../surveys/surveys.service';
import {
  cutoffFor,
  RETENTION_KINDS,
  type PartitionsResult,
  type PurgedKind,
  type PurgedSurveys,
  type PurgeResult,
  type RetentionKind,
} from './retention.types';

/** Months made ahead of time, so rows never wait on (or pile into the default of) a missing month. */
export const MONTHS_AHEAD = 3;

/**
 * Enforces the stated retention (RETENTION_*_DAYS): each kind with a period loses what is older
 * than it, a whole month partition at a time where every row in it is expired.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly config: AppConfig,
    private readonly evidence: EvidenceService,
    private readonly network: NetworkUsageService,
    private readonly audit: AuditService,
    private readonly surveys: SurveysService,
  ) {}

  async purge(
    dryRun: boolean,
    progress: (done: number, of: number) => Promise<void> = async () => undefined,
    now = new Date(),
  ): Promise<PurgeResult> {
    const days: Record<RetentionKind, number | undefined> = {
      evidence: this.config.retentionDays.evidence,
      // the stated evidence period covers the network roll-ups (see the privacy notice)
      networkRollups: this.config.retentionDays.evidence,
      audit: this.config.retentionDays.audit,
      // counted from each survey's close; an open survey is never purged
      surveys: this.config.retentionDays.surveys,
    };
    // a kind may say more than rows and partitions (surveys: per table)
    const purgers: Record<RetentionKind, (cutoff: Date) => Promise<PurgeCount & object>> = {
      evidence: (c) => this.evidence.purgeSeenBefore(c, dryRun),
      networkRollups: (c) => this.network.purgeDaysBefore(c, dryRun),
      audit: async (c) => ({
        rows: await this.audit.purgeBefore(c, dryRun),
        partitionsDropped: [],
      }),
      surveys: async (c) => {
        const n = await this.surveys.purgeClosedBefore(c, dryRun);
        return { ...n, rows: n.responses + n.invitations + n.drafts, partitionsDropped: [] };
      },
    };
    const none: Record<RetentionKind, object> = {
      evidence: {},
      networkRollups: {},
      audit: {},
      surveys: { surveys: 0, responses: 0, invitations: 0, drafts: 0 },
    };
    const kinds = {} as Record<RetentionKind, PurgedKind>;
    for (const [i, kind] of RETENTION_KINDS.entries()) {
      const period = days[kind];
      if (period === undefined) {
        kinds[kind] = {
          retentionDays: null,
          cutoff: null,
          rows: 0,
          partitionsDropped: [],
          ...none[kind],
        };
      } else {
        const cutoff = cutoffFor(now, period);
        kinds[kind] = {
          retentionDays: period,
          cutoff: cutoff.toISOString(),
          ...(await purgers[kind](cutoff)),
        };
      }
      await progress(i + 1, RETENTION_KINDS.length);
    }
    return {
      dryRun,
      at: now.toISOString(),
      kinds: { ...kinds, surveys: kinds.surveys as PurgedSurveys },
    };
  }

  /** This month's partitions and the next ones, for evidence and the network roll-ups. */
  async ensurePartitions(now = new Date()): Promise<PartitionsResult> {
    const months = monthsFrom(now, MONTHS_AHEAD + 1);
    return {
      made: {
        evidence: await this.evidence.ensurePartitions(months),
        networkRollups: await this.network.ensurePartitions(months),
      },
    };
  }
}
