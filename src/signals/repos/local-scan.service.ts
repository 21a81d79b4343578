import { Injectable } from '@nestjs/common';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AuditService } from '../../auth/audit.service';
import { AgentInventoryService } from './agent-inventory.service';
import type { Actor } from '../../auth/role';
import { EvidenceService } from '../../evidence/evidence.service';
import { scanLocalRepository } from './local/local-repository.scanner';
import type { ToolView } from './output/scan-report';
import { traceToEvidence } from './repo-evidence';
import { RepoMatcherProvider } from './repo-matcher.provider';
import { RepoReportService } from './repo-report.service';
import { parseSince, toDomainError } from './repo-scan.error';
import type { ProgressCallback } from '../../jobs/job.types';
import type { ScanWarning } from './repo-scan.types';
import { ReposRepository } from './repos.repository';

export interface ScanRepoData {
  path: string;
  /** ISO date: bounds history on a first scan */
  since?: string;
  /** read all history again even when an earlier scan stored its last commit */
  full?: boolean;
}

export interface ScanRepoResult {
  scanId: string;
  repository: string;
  headCommit?: string;
  commitsRead: number;
  evidence: { inserted: number; updated: number };
  warnings: ScanWarning[];
  markerList?: string;
  /** tools the scan claims are used */
  tools: ToolView[];
  /** tools with weak evidence only: for review, never counted as use on their own */
  leads: ToolView[];
}

/** Scans a local checkout; a later run reads only the commits since the stored one. */
@Injectable()
export class LocalScanService {
  constructor(
    private readonly repos: ReposRepository,
    private readonly evidence: EvidenceService,
    private readonly matchers: RepoMatcherProvider,
    private readonly report: RepoReportService,
    private readonly audit: AuditService,
    private readonly inventory: AgentInventoryService,
  ) {}

  async scan(
    data: ScanRepoData,
    actor: Actor,
    progress: ProgressCallback = () => undefined,
    jobId: string | null = null,
  ): Promise<ScanRepoResult> {
    const since = parseSince(data.since);
    const dir = await realpath(resolve(data.path)).catch(() => resolve(data.path));
    const known = await this.repos.findByKey(dir);
    const scanId = await this.repos.startScan('local', dir, jobId);
    try {
      const result = await scanLocalRepository(dir, {
        matcher: await this.matchers.matcher(),
        toolPathSamples: this.matchers.pathSamples(),
        since: known?.lastScannedCommit && !data.full ? undefined : since,
        sinceCommit: data.full ? undefined : (known?.lastScannedCommit ?? undefined),
        onProgress: (pct, counts) => progress(Math.min(95, pct), counts),
      });
      const rows = result.traces.map((t) =>
        traceToEvidence(t, { repository: result.repository, sourceRunId: jobId ?? scanId }),
      );
      const evidence = await this.evidence.record(rows);
      await this.inventory.record(result.repository, result.traces, new Date());
      await this.repos.upsert([
        {
          source: 'local',
          locationKey: dir,
          name: result.repository,
          lastScannedCommit: result.headCommit,
          guardrails: result.guardrails,
          scannedAt: new Date(),
        },
      ]);
      await this.repos.finishScan(scanId, {
        repositories: 1,
        traces: result.traces.length,
        evidenceInserted: evidence.inserted,
        warnings: result.warnings,
      });
      await this.audit.record({
        actor,
        action: 'repos.scan',
        targetType: 'local-repository',
        targetId: dir,
        detail: {
          repository: result.repository,
          jobId,
          since: data.since,
          full: data.full,
          evidence,
        },
      });
      await progress(100, { traces: result.traces.length, commits: result.stats.commits });
      return {
        scanId,
        repository: result.repository,
        headCommit: result.headCommit,
        commitsRead: result.stats.commits,
        evidence,
        warnings: result.warnings,
        markerList: result.markerList,
        ...(await this.report.toolsOf(result.repository)),
      };
    } catch (err) {
      await this.repos.failScan(scanId, (err as Error).message);
      throw toDomainError(err);
    }
  }
}
