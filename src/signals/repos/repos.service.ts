import { Injectable } from '@nestjs/common';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { EvidenceService } from '../../evidence/evidence.service';
import type { EvidenceRecord } from '../../evidence/evidence.types';
import { scanGithubOwner } from './github/github-owner.scanner';
import type { GithubOwnerState } from './github/github.types';
import { scanLocalRepository } from './local/local-repository.scanner';
import { renderCycloneDx } from './output/cyclonedx.renderer';
import { renderSarif } from './output/sarif.renderer';
import { claimsAndLeads, type SignalView, toolsOf, type ToolView } from './output/scan-report';
import { traceToEvidence } from './repo-evidence';
import { RepoMatcherProvider } from './repo-matcher.provider';
import { RepoScanError, type RepoScanErrorCode } from './repo-scan.error';
import type { ScanWarning } from './repo-scan.types';
import { ReposRepository } from './repos.repository';

export type Progress = (percent: number, counts?: Record<string, number>) => Promise<void> | void;

export interface ScanRepoData {
  path: string;
  /** ISO date: bounds history on a first scan */
  since?: string;
  /** read all history again even when an earlier scan stored its last commit */
  full?: boolean;
}

export interface ScanGithubData {
  owner: string;
  /** GitHub Enterprise: https://HOST/api/v3; defaults to GITHUB_API_URL */
  apiUrl?: string;
  since?: string;
  /** also read each repository's dependency-graph SBOM (one request more per repository) */
  sbom?: boolean;
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
  }[];
  /** apps and Copilot seats read in this scan (they are re-read at most once a day) */
  orgTools: ToolView[];
  evidence: { inserted: number; updated: number };
  warnings: ScanWarning[];
}

const ERROR_CODES: Record<RepoScanErrorCode, ErrorCode> = {
  'not-found': ErrorCode.NotFound,
  'not-a-repository': ErrorCode.InvalidInput,
  'empty-repository': ErrorCode.InvalidInput,
  'invalid-input': ErrorCode.InvalidInput,
  permission: ErrorCode.Forbidden,
  unavailable: ErrorCode.Unavailable,
};

const ALL = 100_000;

@Injectable()
export class ReposService {
  constructor(
    private readonly repos: ReposRepository,
    private readonly evidence: EvidenceService,
    private readonly matchers: RepoMatcherProvider,
    private readonly config: AppConfig,
  ) {}

  async scanLocal(
    data: ScanRepoData,
    progress: Progress = () => undefined,
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
        onProgress: (pct, counts) => void progress(Math.min(95, pct), counts),
      });
      const rows = result.traces.map((t) =>
        traceToEvidence(t, { repository: result.repository, sourceRunId: jobId ?? scanId }),
      );
      const evidence = await this.evidence.record(rows);
      await this.repos.upsert([
        {
          source: 'local',
          locationKey: dir,
          name: result.repository,
          lastScannedCommit: result.headCommit,
          scannedAt: new Date(),
        },
      ]);
      await this.repos.finishScan(scanId, {
        repositories: 1,
        traces: result.traces.length,
        evidenceInserted: evidence.inserted,
        warnings: result.warnings,
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
        ...(await this.toolsOfRepository(result.repository)),
      };
    } catch (err) {
      await this.repos.failScan(scanId, (err as Error).message);
      throw toDomainError(err);
    }
  }

  async scanGithub(
    data: ScanGithubData,
    progress: Progress = () => undefined,
    jobId: string | null = null,
  ): Promise<ScanGithubResult> {
    const apiUrl = (data.apiUrl ?? this.config.githubApiUrl).replace(/\/+$/, '');
    const owner = data.owner;
    const ownerKey = `${apiUrl}|${owner.toLowerCase()}`;
    const scanId = await this.repos.startScan('github', `${apiUrl} ${owner}`, jobId);
    try {
      const ownerRow = await this.repos.findOwner(ownerKey);
      const known = ownerRow
        ? await this.repos.list({
            source: 'github',
            owner: owner.toLowerCase(),
            limit: ALL,
            offset: 0,
          })
        : [];
      const state: GithubOwnerState = {
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
              },
            ]),
        ),
      };
      const result = await scanGithubOwner({
        owner,
        matcher: await this.matchers.matcher(),
        toolPathSamples: this.matchers.pathSamples(),
        token: this.config.githubToken,
        baseUrl: apiUrl,
        state,
        since: parseSince(data.since),
        sbom: data.sbom,
        onProgress: (pct, counts) => void progress(Math.min(95, pct), counts),
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
      await this.repos.upsert(
        result.repositories.map((r) => {
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
      const warnings = [
        ...result.warnings,
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
      await progress(100, { repositories: result.repositories.length, requests: result.requests });
      const repositories = [];
      for (const r of result.repositories)
        repositories.push({
          repository: r.repository,
          unchanged: !!r.unchanged,
          dataClasses: r.classification.dataClasses,
          ...(await this.toolsOfRepository(r.repository)),
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

  list(filter: { source?: 'local' | 'github'; owner?: string; limit?: number; offset?: number }) {
    return this.repos.list({ ...filter, limit: filter.limit ?? 100, offset: filter.offset ?? 0 });
  }

  /** Every repository with the data classes its topics or custom properties give it (for correlation). */
  async classifications(): Promise<{ repository: string; dataClasses: string[] }[]> {
    const out: { repository: string; dataClasses: string[] }[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await this.repos.list({ limit: 1000, offset });
      for (const r of page)
        out.push({ repository: r.name, dataClasses: r.classification?.dataClasses ?? [] });
      if (page.length < 1000) return out;
    }
  }

  listScans(limit = 50) {
    return this.repos.listScans(limit);
  }

  async get(id: string) {
    const repo = /^[0-9a-f-]{36}$/i.test(id) ? await this.repos.findById(id) : null;
    if (!repo) throw new DomainError(ErrorCode.NotFound, `No repository with id ${id}`);
    return repo;
  }

  async evidenceOf(
    id: string,
    filter: { toolId?: string; signal?: string; limit?: number; offset?: number },
  ) {
    const repo = await this.get(id);
    const rows = await this.evidence.list({
      repository: repo.name,
      ...filter,
      limit: filter.limit ?? 100,
      offset: filter.offset ?? 0,
    });
    return { repository: repo, evidence: rows };
  }

  async sarif(id: string): Promise<object> {
    const repo = await this.get(id);
    const { tools, leads } = await this.toolsOfRepository(repo.name);
    return this.renderSarif(repo.name, tools, leads);
  }

  async cyclonedx(id: string): Promise<object> {
    const repo = await this.get(id);
    return this.renderCycloneDx(repo.name, (await this.toolsOfRepository(repo.name)).tools);
  }

  /** SARIF carries leads too (as results for review); the AI-BOM lists claimed tools only. */
  renderSarif(repository: string, tools: ToolView[], leads: ToolView[] = []): object {
    return renderSarif(repository, [...tools, ...leads], (t) => this.matchers.tool(t));
  }

  renderCycloneDx(repository: string, tools: ToolView[]): object {
    return renderCycloneDx(repository, tools, (t) => this.matchers.tool(t));
  }

  /** Everything recorded for a repository, so an incremental scan still reports the whole picture. */
  private async toolsOfRepository(
    repository: string,
  ): Promise<{ tools: ToolView[]; leads: ToolView[] }> {
    return claimsAndLeads(
      groupEvidence(await this.evidence.list({ repository, limit: ALL, offset: 0 })),
    );
  }
}

function groupEvidence(rows: EvidenceRecord[]): ToolView[] {
  const byTool = new Map<string, SignalView[]>();
  for (const e of rows) {
    const { path, line, commit, ...detail } = e.detail as {
      path?: string;
      line?: number;
      commit?: string;
    };
    const list = byTool.get(e.toolId) ?? [];
    list.push({
      signal: e.signal,
      ...(path !== undefined ? { path } : {}),
      ...(line !== undefined ? { line } : {}),
      ...(commit !== undefined ? { commit } : {}),
      ...(e.identityValue ? { identity: e.identityValue } : {}),
      confidence: Number(e.confidence),
      firstSeen: new Date(e.firstSeen).toISOString(),
      lastSeen: new Date(e.lastSeen).toISOString(),
      detail,
    });
    byTool.set(e.toolId, list);
  }
  return [...byTool.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([toolId, signals]) => ({
      toolId,
      signals: signals.sort(
        (a, b) =>
          a.signal.localeCompare(b.signal) ||
          (a.path ?? '').localeCompare(b.path ?? '') ||
          (a.commit ?? '').localeCompare(b.commit ?? ''),
      ),
    }));
}

function parseSince(since: string | undefined): Date | undefined {
  if (!since) return undefined;
  const d = new Date(since);
  if (Number.isNaN(d.getTime()))
    throw new DomainError(
      ErrorCode.InvalidInput,
      `since: "${since}" is not a date (use YYYY-MM-DD)`,
    );
  return d;
}

function toDomainError(err: unknown): unknown {
  if (err instanceof RepoScanError) return new DomainError(ERROR_CODES[err.code], err.message);
  return err;
}
