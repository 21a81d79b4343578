import type { ToolMatcher } from '../../../catalog/catalog.types';
import { analyzeSnapshot, selectCandidates } from '../repo-analyzer';
import type { RepoCommit, RepoFileEntry, ScanWarning } from '../repo-scan.types';
import type { GithubClient } from './github-client';
import { readDependencyGraph } from './github-sbom.reader';
import { lowerForMarkerList } from '../detect/marker-list';
import { httpStatus, permissionError } from './github-client';
import { type GithubHistorySource, readHistoryByClone } from './github-git-history';
import { readCommitsAndBlobs } from './github-graphql';
import type {
  GithubRepoPayload,
  GithubRepoScan,
  GithubRepoState,
  RepoClassification,
} from './github.types';

export interface RepoReadOptions {
  matcher: ToolMatcher;
  previous?: GithubRepoState;
  since?: Date;
  /** pages of 100 commits read per repository and scan */
  maxCommitPages: number;
  classification: RepoClassification;
  toolPathSamples?: string[];
  /** also read GitHub's dependency graph SBOM (one more request per repository) */
  sbom?: boolean;
  /** see GithubHistorySource; `clone` falls back to `api` for a repository git cannot clone */
  history: GithubHistorySource;
  /** for git over HTTPS (the API client holds its own copy) */
  token?: string;
}

/**
 * Reads one repository with as few requests as it can: one recursive tree and the candidate files
 * in one GraphQL batch (none when there are no candidates). History comes from a blobless clone
 * (git transfers, not API requests); without one, from the commit list since the last scan, in
 * the same GraphQL request as the files when there are any.
 */
export async function readGithubRepository(
  client: GithubClient,
  repo: GithubRepoPayload,
  options: RepoReadOptions,
): Promise<{ scan: GithubRepoScan; state: GithubRepoState }> {
  const [owner, name] = repo.full_name.split('/');
  const started = Date.now();
  const warnings: ScanWarning[] = [];
  const base = {
    repository: repo.full_name,
    pushedAt: repo.pushed_at ?? undefined,
    defaultBranch: repo.default_branch,
    htmlUrl: repo.html_url,
    classification: options.classification,
  };
  const branch = repo.default_branch;
  if (!branch || repo.size === 0) {
    warnings.push({ reason: 'empty repository: nothing to scan' });
    const scan = { ...base, traces: [], warnings, stats: { files: 0, filesRead: 0, commits: 0 } };
    return { scan, state: { fullName: repo.full_name, pushedAt: repo.pushed_at ?? undefined } };
  }

  const cloned =
    options.history === 'clone' && repo.clone_url
      ? await readHistoryByClone(
          repo.clone_url,
          {
            token: options.token,
            matcher: options.matcher,
            since: options.since,
            sinceCommit: options.previous?.headCommit,
          },
          warnings,
        ).catch((err: Error) => {
          warnings.push({
            reason: `${err.message}; history read through the API instead, so files added and later deleted are not seen`,
          });
          return undefined;
        })
      : undefined;
  // the tree of the commit the clone reached, so files and history describe one moment
  const files = await readTree(client, owner, name, cloned?.head ?? branch, warnings);
  const candidates = selectCandidates(files, warnings);
  const since = options.previous?.headCommitDate ?? options.since?.toISOString();
  const read = cloned
    ? await readCommitsAndBlobs(client, owner, name, candidates, { maxCommitPages: 0 }, warnings)
    : candidates.length > 0
      ? await readCommitsAndBlobs(
          client,
          owner,
          name,
          candidates,
          {
            since,
            previousHead: options.previous?.headCommit,
            maxCommitPages: options.maxCommitPages,
          },
          warnings,
        )
      : {
          commits: await readCommits(client, owner, name, branch, options, warnings),
          contents: new Map<string, string>(),
        };
  const commits = cloned?.commits ?? read.commits;
  const contents = read.contents;

  const { traces, markerList, guardrails } = analyzeSnapshot(
    {
      repository: repo.full_name,
      files,
      contents,
      commits,
      commitsHaveChanges: !!cloned,
      // dated by the head commit as a local scan is, so an unchanged tree changes no evidence
      scannedAt: cloned?.headDate ? new Date(cloned.headDate) : new Date(),
    },
    options.matcher,
    warnings,
    { toolPathSamples: options.toolPathSamples },
  );
  if (options.sbom) {
    const graph = await readDependencyGraph(client, owner, name, options.matcher, warnings);
    const seen = new Date(
      commits[0]?.date ?? options.previous?.headCommitDate ?? repo.pushed_at ?? Date.now(),
    );
    for (const t of graph) {
      t.firstSeen = t.lastSeen = seen;
      if (markerList) lowerForMarkerList([t], markerList);
    }
    traces.push(...graph);
  }
  // a clone reads every ref, so its newest commit need not be the default branch's head
  const head = cloned?.head
    ? { sha: cloned.head, date: new Date(cloned.headDate ?? Date.now()) }
    : commits[0];
  return {
    scan: {
      ...base,
      headCommit: head?.sha ?? options.previous?.headCommit,
      traces,
      warnings,
      markerList,
      guardrails,
      stats: {
        files: files.length,
        filesRead: contents.size,
        commits: commits.length,
        ms: Date.now() - started,
      },
    },
    state: {
      fullName: repo.full_name,
      pushedAt: repo.pushed_at ?? undefined,
      headCommit: head?.sha ?? options.previous?.headCommit,
      headCommitDate: head?.date.toISOString() ?? options.previous?.headCommitDate,
    },
  };
}

async function readTree(
  client: GithubClient,
  owner: string,
  repo: string,
  branch: string,
  warnings: ScanWarning[],
): Promise<RepoFileEntry[]> {
  try {
    const { data } = await client.octokit.rest.git.getTree({
      owner,
      repo,
      tree_sha: branch,
      recursive: 'true',
    });
    if (data.truncated)
      warnings.push({
        reason:
          'GitHub truncated the file tree (over 100,000 entries or 7 MB); files past the cut are not seen',
      });
    return data.tree
      .filter((e) => e.type === 'blob' && e.path && e.sha)
      .map((e) => ({ path: e.path as string, sha: e.sha as string, size: e.size ?? 0 }));
  } catch (err) {
    if (httpStatus(err) === 409) {
      warnings.push({ reason: 'empty repository: nothing to scan' });
      return [];
    }
    throw permissionError(
      err,
      `the file tree of ${owner}/${repo}`,
      'repository permission "Contents: read" (classic scope: repo)',
    );
  }
}

async function readCommits(
  client: GithubClient,
  owner: string,
  repo: string,
  branch: string,
  options: RepoReadOptions,
  warnings: ScanWarning[],
): Promise<RepoCommit[]> {
  const since = options.previous?.headCommitDate ?? options.since?.toISOString();
  const out: RepoCommit[] = [];
  for (let page = 1; page <= options.maxCommitPages; page++) {
    let data: Awaited<ReturnType<GithubClient['octokit']['rest']['repos']['listCommits']>>['data'];
    try {
      ({ data } = await client.octokit.rest.repos.listCommits({
        owner,
        repo,
        sha: branch,
        per_page: 100,
        page,
        ...(since ? { since } : {}),
      }));
    } catch (err) {
      if (httpStatus(err) === 409) return out;
      throw permissionError(
        err,
        `the commits of ${owner}/${repo}`,
        'repository permission "Contents: read" (classic scope: repo)',
      );
    }
    for (const c of data) {
      // `since` is inclusive of the last scanned commit's second; stop at what was seen
      if (c.sha === options.previous?.headCommit) return out;
      out.push({
        sha: c.sha,
        date: new Date(c.commit.author?.date ?? c.commit.committer?.date ?? 0),
        facts: {
          authorName: c.commit.author?.name ?? '',
          authorEmail: c.commit.author?.email ?? '',
          committerName: c.commit.committer?.name ?? '',
          committerEmail: c.commit.committer?.email ?? '',
          message: c.commit.message,
          authorLogin: c.author && 'login' in c.author ? c.author.login : undefined,
        },
      });
    }
    if (data.length < 100) return out;
  }
  warnings.push({
    reason: `read the newest ${options.maxCommitPages * 100} commits only; older history is left for a local scan`,
  });
  return out;
}
