import type { ToolMatcher } from '../../../catalog/catalog.types';
import { analyzeSnapshot, selectCandidates } from '../repo-analyzer';
import type { RepoCommit, RepoFileEntry, ScanWarning } from '../repo-scan.types';
import type { GithubClient } from './github-client';
import { readDependencyGraph } from './github-sbom.reader';
import { lowerForMarkerList } from '../detect/marker-list';
import { httpStatus, permissionError } from './github-client';
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
}

// GraphQL aliases per request when fetching candidate blobs in one go
const BLOBS_PER_QUERY = 100;

/**
 * Reads one repository with as few requests as it can: one recursive tree, one page of commits
 * since the last scan, and the candidate files in one batch (none when there are no candidates).
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

  const files = await readTree(client, owner, name, branch, warnings);
  const candidates = selectCandidates(files, warnings);
  // with candidate files, one GraphQL request brings them and the new commits together;
  // without, the REST commit list is the only other request
  const { commits, contents } =
    candidates.length > 0
      ? await readCommitsAndBlobs(client, owner, name, candidates, options, warnings)
      : {
          commits: await readCommits(client, owner, name, branch, options, warnings),
          contents: new Map<string, string>(),
        };

  const { traces, markerList } = analyzeSnapshot(
    {
      repository: repo.full_name,
      files,
      contents,
      commits,
      commitsHaveChanges: false,
      scannedAt: new Date(),
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
  const head = commits[0] ?? undefined;
  return {
    scan: {
      ...base,
      headCommit: head?.sha ?? options.previous?.headCommit,
      traces,
      warnings,
      markerList,
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

interface BlobNode {
  text: string | null;
  isBinary: boolean | null;
  byteSize: number;
}

interface HistoryNode {
  oid: string;
  message: string;
  author: {
    name: string | null;
    email: string | null;
    date: string | null;
    user: { login: string } | null;
  } | null;
  committer: { name: string | null; email: string | null; date: string | null } | null;
}

interface History {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: HistoryNode[];
}

type RepoQueryResult = {
  repository:
    | (Record<string, BlobNode | null> & {
        defaultBranchRef?: { target: { history?: History } } | null;
      })
    | null;
};

const HISTORY_FIELDS = `history(first: 100, since: $since, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { oid message author { name email date user { login } } committer { name email date } }
}`;

/**
 * The candidate files and the commits since the last scan in one GraphQL request; more only for
 * over 100 candidates or over 100 new commits.
 */
async function readCommitsAndBlobs(
  client: GithubClient,
  owner: string,
  repo: string,
  files: RepoFileEntry[],
  options: RepoReadOptions,
  warnings: ScanWarning[],
): Promise<{ commits: RepoCommit[]; contents: Map<string, string> }> {
  const contents = new Map<string, string>();
  const commits: RepoCommit[] = [];
  const since = options.previous?.headCommitDate ?? options.since?.toISOString() ?? null;
  let after: string | null = null;
  let historyDone = false;
  let pages = 0;
  for (let i = 0; i < files.length || !historyDone; i += BLOBS_PER_QUERY) {
    const chunk = files.slice(i, i + BLOBS_PER_QUERY);
    const blobs = chunk.map(
      (f, j) => `f${j}: object(oid: "${f.sha}") { ... on Blob { text isBinary byteSize } }`,
    );
    const history = historyDone
      ? ''
      : `defaultBranchRef { target { ... on Commit { ${HISTORY_FIELDS} } } }`;
    const query = `query($owner: String!, $name: String!, $since: GitTimestamp, $after: String) {
  repository(owner: $owner, name: $name) {
${history}
${blobs.join('\n')}
  }
}`;
    let data: RepoQueryResult;
    try {
      data = await client.octokit.graphql<RepoQueryResult>(query, {
        owner,
        name: repo,
        since,
        after,
      });
    } catch (err) {
      throw permissionError(
        err,
        `the file contents and commits of ${owner}/${repo}`,
        'repository permission "Contents: read" (classic scope: repo)',
      );
    }
    const node = data.repository ?? {};
    chunk.forEach((f, j) => {
      const b = (node as Record<string, BlobNode | null>)[`f${j}`];
      if (!b)
        warnings.push({ path: f.path, reason: 'skipped: unreadable (GitHub returned no object)' });
      else if (b.isBinary) warnings.push({ path: f.path, reason: 'skipped: binary content' });
      else if (b.text === null)
        warnings.push({
          path: f.path,
          reason: 'skipped: GitHub did not return the text (too large)',
        });
      else contents.set(f.path, b.text);
    });
    if (!historyDone) {
      const h = node.defaultBranchRef?.target.history;
      pages++;
      for (const c of h?.nodes ?? []) {
        if (c.oid === options.previous?.headCommit) {
          historyDone = true;
          break;
        }
        commits.push({
          sha: c.oid,
          date: new Date(c.author?.date ?? c.committer?.date ?? 0),
          facts: {
            authorName: c.author?.name ?? '',
            authorEmail: c.author?.email ?? '',
            committerName: c.committer?.name ?? '',
            committerEmail: c.committer?.email ?? '',
            message: c.message,
            authorLogin: c.author?.user?.login,
          },
        });
      }
      after = h?.pageInfo.endCursor ?? null;
      if (!historyDone && (!h?.pageInfo.hasNextPage || !after)) historyDone = true;
      if (!historyDone && pages >= options.maxCommitPages) {
        historyDone = true;
        warnings.push({
          reason: `read the newest ${options.maxCommitPages * 100} commits only; older history is left for a local scan`,
        });
      }
    }
  }
  return { commits, contents };
}
