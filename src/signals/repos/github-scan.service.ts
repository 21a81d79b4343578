import { Injectable } from '@nestjs/common';
import { AuditService } from '../../auth/audit.service';
import { AgentInventoryService } from './agent-inventory.service';
import type { Actor } from '../../auth/role';
import { AppConfig } from '../../config/app-config';
import { EvidenceService } from '../../evidence/evidence.service';
import { scanGithubOwner } from './github/github-owner.scanner';
import type { GithubOwnerState } from './github/github.types';
import { toolsOf, type ToolView } from './output/scan-report';
import { traceToEvidence } from './repo-evidence';
import { RepoMatcherProvider } from './repo-matcher.provider';
import { RepoOwnershipService } from './repo-ownership.service';
import { RepoReportService } from './repo-report.service';
import { parseSince, toDomainError } from './repo-scan.error';
import type { ProgressCallback } from '../../jobs/job.types';
import type { ScanWarning } from './repo-scan.types';
import { ReposRepository } from './repos.repository';

export interface ScanGithubData {
  owner: string;
  /** GitHub Enterprise: https://HOST/api/v3; defaults to GITHUB_API_URL */
  apiUrl?: string;
  since?: string;
  /** also read each repository's dependency-graph SBOM (one request more per repository) */
  sbom?: boolean;
}

export interface ScanGithubResult {
  scanId: string;
  owner: string;
  requests: number;
  repositories: {
    repository: string;
    unchanged: boolean;
    dataClasses: string[];
    tools: ToolView[];
    leads: ToolView[];
    /** why this repository could not be read (the others were) */
    error?: { code: string; reason: string };
  }[];
  /** apps and Copilot seats read in this scan (they are re-read at most once a day) */
  orgTools: ToolView[];
  evidence: { inserted: number; updated: number };
  warnings: ScanWarning[];
}

const ALL = 100_000;

/** Scans a GitHub organisation or user; repositories not pushed since the last scan are skipped. */
@Injectable()
export class GithubScanService {
  constructor(
    private readonly repos: ReposRepository,
    private readonly evidence: EvidenceService,
    private readonly matchers: RepoMatcherProvider,
    private readonly report: RepoReportService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly ownership: RepoOwnershipService,
    private readonly inventory: AgentInventoryService,
  ) {}

  async scan(
    data: ScanGithubData,
    actor: Actor,
    progress: ProgressCallback = () => undefined,
    jobId: string | null = null,
  ): Promise<ScanGithubResult> {
    const apiUrl = (data.apiUrl ?? this.config.githubApiUrl).replace(/\/+$/, '');
    const owner = data.owner;
    const ownerKey = `${apiUrl}|${owner.toLowerCase()}`;
    const scanId = await this.repos.startScan('github', `${apiUrl} ${owner}`, jobId);
    try {
      const result = await scanGithubOwner({
        owner,
        matcher: await this.matchers.matcher(),
        toolPathSamples: this.matchers.pathSamples(),
        token: this.config.githubToken,
        baseUrl: apiUrl,
        state: await this.ownerState(ownerKey, apiUrl, owner),
        since: parseSince(data.since),
        sbom: data.sbom,
        history: this.config.githubGitHistory,
        onProgress: (pct, counts) => progress(Math.min(95, pct), counts),
      });
      const runId = jobId ?? scanId;
      const rows = [
        ...result.repositories.flatMap((r) =>
          r.traces.map((t) => traceToEvidence(t, { repository: r.repository, sourceRunId: runId })),
        ),
        ...result.orgTraces.map((t) => traceToEvidence(t, { org: owner, sourceRunId: runId })),
      ];
      const evidence = await this.evidence.record(rows);
      const now = new Date();
      // an unchanged or failed repository keeps the servers its last scan stored
      for (const r of result.repositories.filter((x) => !x.error && !x.unchanged)) {
        await this.inventory.record(r.repository, r.traces, now);
      }
      // a failed repository keeps what the last scan stored, so the next scan reads it again
      await this.repos.upsert(
        result.repositories
          .filter((r) => !r.error)
          .map((r) => {
            const s = result.state.repos[r.repository];
            return {
              source: 'github' as const,
              locationKey: `${apiUrl}|${r.repository}`,
              name: r.repository,
              owner: owner.toLowerCase(),
              lastScannedCommit: s?.headCommit,
              lastCommitAt: s?.headCommitDate ? new Date(s.headCommitDate) : undefined,
              pushedAt: r.pushedAt ? new Date(r.pushedAt) : undefined,
              classification: r.classification,
              // an unchanged repository was not re-read: it keeps what the last read saw
              guardrails: r.unchanged ? undefined : r.guardrails,
              scannedAt: now,
            };
          }),
      );
      await this.repos.saveOwner({
        ownerKey,
        owner,
        apiUrl,
        ownerType: result.state.ownerType ?? null,
        listEtag: result.state.listEtag ?? null,
        orgLevelScannedAt: result.state.orgLevelScannedAt
          ? new Date(result.state.orgLevelScannedAt)
          : null,
      });
      if (result.propertiesRead)
        result.warnings.push(
          ...(await this.ownership.setFromGithubProperties(
            result.repositories.map((r) => ({
              locationKey: `${apiUrl}|${r.repository}`,
              repository: r.repository,
              properties: r.classification.properties,
            })),
          )),
        );
      const warnings = [
        ...result.warnings,
        ...result.repositories
          .filter((r) => r.error)
          .map((r) => ({ path: r.repository, reason: `not scanned: ${r.error?.reason}` })),
        ...result.repositories.flatMap((r) =>
          r.warnings.map((w) => ({ ...w, path: `${r.repository}${w.path ? `:${w.path}` : ''}` })),
        ),
      ];
      await this.repos.finishScan(scanId, {
        repositories: result.repositories.length,
        traces: rows.length,
        evidenceInserted: evidence.inserted,
        requests: result.requests,
        warnings,
      });
      await this.audit.record({
        actor,
        action: 'repos.scan',
        targetType: 'github-owner',
        targetId: owner,
        detail: {
          apiUrl,
          jobId,
          since: data.since,
          sbom: data.sbom,
          repositories: result.repositories.length,
          evidence,
        },
      });
      await progress(100, { repositories: result.repositories.length, requests: result.requests });
      const repositories = [];
      for (const r of result.repositories)
        repositories.push({
          repository: r.repository,
          unchanged: !!r.unchanged,
          dataClasses: r.classification.dataClasses,
          ...(await this.report.toolsOf(r.repository)),
          ...(r.error ? { error: r.error } : {}),
        });
      return {
        scanId,
        owner,
        requests: result.requests,
        repositories,
        orgTools: toolsOf(result.orgTraces),
        evidence,
        warnings,
      };
    } catch (err) {
      await this.repos.failScan(scanId, (err as Error).message);
      throw toDomainError(err);
    }
  }

  /** What the last scan of this owner left: list ETag, org-level time, each repository's head. */
  private async ownerState(
    ownerKey: string,
    apiUrl: string,
    owner: string,
  ): Promise<GithubOwnerState> {
    const ownerRow = await this.repos.findOwner(ownerKey);
    const known = ownerRow
      ? await this.repos.list({
          source: 'github',
          owner: owner.toLowerCase(),
          limit: ALL,
          offset: 0,
        })
      : [];
    return {
      ownerType: ownerRow?.ownerType ?? undefined,
      listEtag: ownerRow?.listEtag ?? undefined,
      orgLevelScannedAt: ownerRow?.orgLevelScannedAt?.toISOString(),
      repos: Object.fromEntries(
        known
          .filter((r) => r.locationKey.startsWith(`${apiUrl}|`))
          .map((r) => [
            r.name,
            {
              fullName: r.name,
              pushedAt: r.pushedAt?.toISOString(),
              headCommit: r.lastScannedCommit ?? undefined,
              headCommitDate: r.lastCommitAt?.toISOString(),
              properties: r.classification?.properties,
            },
          ]),
      ),
    };
  }
}
