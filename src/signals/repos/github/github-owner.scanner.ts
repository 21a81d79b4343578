import type { ProgressCallback } from '../../../jobs/job.types';
import type { ToolMatcher } from '../../../catalog/catalog.types';
import type { RepoTrace, ScanWarning } from '../repo-scan.types';
import { RepoScanError } from '../repo-scan.error';
import {
  createGithubClient,
  type GithubClient,
  type GithubClientOptions,
  httpStatus,
  permissionError,
} from './github-client';
import {
  classify,
  readAppInstallations,
  readCopilotSeats,
  readCustomProperties,
} from './github-org-level';
import { gitAvailable, type GithubHistorySource } from './github-git-history';
import { readGithubRepository } from './github-repo.reader';
import type {
  GithubOwnerState,
  GithubRepoPayload,
  GithubRepoScan,
  GithubRepoState,
  GithubScanResult,
} from './github.types';

export interface GithubScanOptions extends GithubClientOptions {
  owner: string;
  matcher: ToolMatcher;
  /** what the last scan of this owner left; absent on a first scan */
  state?: GithubOwnerState;
  /** first scan: only commits after this date */
  since?: Date;
  /** organisation apps, seats and properties are re-read when older than this (default 24 h) */
  orgLevelMaxAgeMs?: number;
  maxCommitPages?: number;
  /** repositories scanned at once */
  concurrency?: number;
  onProgress?: ProgressCallback;
  /** see AnalyzeOptions */
  toolPathSamples?: string[];
  /** also read each scanned repository's dependency-graph SBOM (one request more per repository) */
  sbom?: boolean;
  /** where history comes from (default `clone`; `api` when git is not installed) */
  history?: GithubHistorySource;
}

const DAY = 24 * 3600 * 1000;

/**
 * Scans an organisation's or user's repositories. An unchanged re-scan costs one request per 100
 * repositories: the list, sorted by push date, answers 304 to its stored ETag.
 */
export async function scanGithubOwner(options: GithubScanOptions): Promise<GithubScanResult> {
  if (!/^[a-z\d](?:[a-z\d-]{0,38})$/i.test(options.owner))
    throw new RepoScanError(
      'invalid-input',
      `"${options.owner}" is not a GitHub organisation or user name`,
    );
  const client = createGithubClient(options);
  const warnings: ScanWarning[] = [];
  const previous: GithubOwnerState = options.state ?? { repos: {} };
  const state: GithubOwnerState = { ...previous, repos: { ...previous.repos } };
  const owner = options.owner;

  let history = options.history ?? 'clone';
  if (history === 'clone' && !(await gitAvailable())) {
    history = 'api';
    warnings.push({
      reason:
        'git is not installed: history read through the API, so files added and later deleted are not seen (install git, or set GITHUB_GIT_HISTORY=api to silence this)',
    });
  }

  const listing = await listRepositories(client, owner, previous);
  state.ownerType = listing.ownerType;
  if (listing.etag) state.listEtag = listing.etag;

  const isOrg = listing.ownerType === 'Organization';
  const orgLevelDue =
    isOrg &&
    (!previous.orgLevelScannedAt ||
      Date.now() - Date.parse(previous.orgLevelScannedAt) > (options.orgLevelMaxAgeMs ?? DAY));
  const orgTraces: RepoTrace[] = [];
  let properties = new Map<string, Record<string, string>>();
  let propertiesRead = false;
  if (orgLevelDue) {
    orgTraces.push(...(await readAppInstallations(client, owner, options.matcher, warnings)));
    orgTraces.push(...(await readCopilotSeats(client, owner, options.matcher, warnings)));
    const read = await readCustomProperties(client, owner, warnings);
    propertiesRead = read !== null;
    properties = read ?? properties;
    state.orgLevelScannedAt = new Date().toISOString();
  }

  // between two reads of the custom properties a repository keeps the ones last read, so its
  // data classes are not lost on a scan that does not read them
  const propertiesOf = (name: string): Record<string, string> =>
    propertiesRead ? (properties.get(name) ?? {}) : (previous.repos[name]?.properties ?? {});
  const remember = (name: string, repoState: GithubRepoState | undefined) => {
    if (!repoState) return;
    const props = propertiesOf(name);
    const { properties: _stale, ...rest } = repoState;
    state.repos[name] = Object.keys(props).length > 0 ? { ...rest, properties: props } : rest;
  };

  const repositories: GithubRepoScan[] = [];
  const repos = listing.repos ?? [];
  const todo = repos.filter(
    (r) =>
      !previous.repos[r.full_name] ||
      !samePushDate(previous.repos[r.full_name].pushedAt, r.pushed_at ?? undefined),
  );
  for (const r of repos) {
    if (todo.includes(r)) continue;
    remember(r.full_name, previous.repos[r.full_name]);
    repositories.push({
      repository: r.full_name,
      pushedAt: r.pushed_at ?? undefined,
      unchanged: true,
      classification: classify(r.topics ?? [], propertiesOf(r.full_name)),
      headCommit: previous.repos[r.full_name]?.headCommit,
      traces: [],
      warnings: [],
      stats: { files: 0, filesRead: 0, commits: 0 },
    });
  }
  let done = 0;
  let failed = 0;
  const queue = [...todo];
  const worker = async (): Promise<void> => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      const classification = classify(r.topics ?? [], propertiesOf(r.full_name));
      try {
        const { scan, state: repoState } = await readGithubRepository(client, r, {
          matcher: options.matcher,
          previous: previous.repos[r.full_name],
          since: options.since,
          maxCommitPages: options.maxCommitPages ?? 10,
          classification,
          toolPathSamples: options.toolPathSamples,
          sbom: options.sbom,
          history,
          token: options.token,
        });
        repositories.push(scan);
        remember(r.full_name, repoState);
      } catch (err) {
        // one repository's failure is reported with it; the others go on. Its state is not
        // advanced, so the next scan reads it again.
        repositories.push(failedScan(r, classification, err));
        failed++;
      }
      done++;
      await options.onProgress?.(Math.round((100 * done) / todo.length), {
        repositories: done,
        of: todo.length,
        failed,
        requests: client.requests(),
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  // the list's ETag would answer 304 next time and skip the failed repositories with the rest
  if (failed > 0) delete state.listEtag;
  if (listing.repos) {
    const live = new Set(repos.map((r) => r.full_name));
    for (const name of Object.keys(state.repos)) if (!live.has(name)) delete state.repos[name];
  }
  repositories.sort((a, b) => a.repository.localeCompare(b.repository));
  return {
    owner,
    ownerType: listing.ownerType,
    requests: client.requests(),
    repositories,
    orgTraces,
    propertiesRead,
    warnings,
    state,
  };
}

interface Listing {
  ownerType: 'Organization' | 'User';
  etag?: string;
  /** undefined when the list answered 304: nothing was pushed since the last scan */
  repos?: GithubRepoPayload[];
}

async function listRepositories(
  client: GithubClient,
  owner: string,
  previous: GithubOwnerState,
): Promise<Listing> {
  const types: ('Organization' | 'User')[] = previous.ownerType
    ? [previous.ownerType]
    : ['Organization', 'User'];
  let lastErr: unknown;
  for (const ownerType of types) {
    const first =
      ownerType === 'Organization'
        ? `/orgs/${encodeURIComponent(owner)}/repos?type=all&sort=pushed&direction=desc&per_page=100`
        : `/users/${encodeURIComponent(owner)}/repos?type=owner&sort=pushed&direction=desc&per_page=100`;
    try {
      const headers =
        previous.ownerType === ownerType && previous.listEtag
          ? { 'if-none-match': previous.listEtag }
          : {};
      const res = await client.octokit.request(`GET ${first}`, { headers });
      const repos = [...(res.data as GithubRepoPayload[])];
      let next = nextLink(res.headers.link);
      while (next) {
        const page = await client.octokit.request(`GET ${next}`);
        repos.push(...(page.data as GithubRepoPayload[]));
        next = nextLink(page.headers.link);
      }
      return { ownerType, etag: res.headers.etag, repos };
    } catch (err) {
      if (httpStatus(err) === 304) return { ownerType, etag: previous.listEtag };
      lastErr = err;
      if (httpStatus(err) !== 404) break;
    }
  }
  if (httpStatus(lastErr) === 404)
    throw new RepoScanError(
      'not-found',
      `GitHub has no organisation or user "${owner}" visible to this token (metadata read permission)`,
    );
  throw permissionError(
    lastErr,
    `the repositories of ${owner}`,
    'repository permission "Metadata: read" (classic scope: repo for private repositories)',
  );
}

function nextLink(link: string | undefined): string | undefined {
  const m = link
    ?.split(',')
    .find((p) => /rel="next"/.test(p))
    ?.match(/<([^>]+)>/);
  return m?.[1];
}

function failedScan(
  r: GithubRepoPayload,
  classification: GithubRepoScan['classification'],
  err: unknown,
): GithubRepoScan {
  const code = err instanceof RepoScanError ? err.code : 'unavailable';
  return {
    repository: r.full_name,
    pushedAt: r.pushed_at ?? undefined,
    defaultBranch: r.default_branch,
    htmlUrl: r.html_url,
    classification,
    error: { code, reason: (err as Error).message },
    traces: [],
    warnings: [],
    stats: { files: 0, filesRead: 0, commits: 0 },
  };
}

/** Compared as instants: the stored date comes back as `…:00.000Z` where GitHub wrote `…:00Z`. */
function samePushDate(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined ? a === b : Date.parse(a) === Date.parse(b);
}
