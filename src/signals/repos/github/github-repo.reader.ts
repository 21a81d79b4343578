import type { ToolMatcher } from '../../../catalog/catalog.types';
import { analyzeSnapshot, selectCandidates } from '../repo-analyzer';
import type { RepoCommit, RepoFileEntry, ScanWarning } from '../repo-scan.types';
import type { GithubClient } from './github-client';
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
  const commits = await readCommits(client, owner, name, branch, options, warnings);
  const candidates = selectCandidates(files, warnings);
  const contents = await readBlobs(client, owner, name, candidates, warnings);

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

async function readBlobs(
  client: GithubClient,
  owner: string,
  repo: string,
  files: RepoFileEntry[],
  warnings: ScanWarning[],
): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  if (files.length === 0) return contents;
  const what = `file contents of ${owner}/${repo}`;
  const permission = 'repository permission "Contents: read" (classic scope: repo)';
  if (files.length === 1) {
    try {
      const { data } = await client.octokit.rest.git.getBlob({
        owner,
        repo,
        file_sha: files[0].sha,
      });
      const buf = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
      if (buf.subarray(0, 8000).includes(0))
        warnings.push({ path: files[0].path, reason: 'skipped: binary content' });
      else contents.set(files[0].path, buf.toString('utf8'));
    } catch (err) {
      throw permissionError(err, what, permission);
    }
    return contents;
  }
  for (let i = 0; i < files.length; i += BLOBS_PER_QUERY) {
    const chunk = files.slice(i, i + BLOBS_PER_QUERY);
    const fields = chunk
      .map((f, j) => `f${j}: object(oid: "${f.sha}") { ... on Blob { text isBinary byteSize } }`)
      .join('\n');
    const query = `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) {\n${fields}\n} }`;
    let data: { repository: Record<string, BlobNode | null> };
    try {
      data = await client.octokit.graphql<{ repository: Record<string, BlobNode | null> }>(query, {
        owner,
        name: repo,
      });
    } catch (err) {
      throw permissionError(err, what, permission);
    }
    chunk.forEach((f, j) => {
      const node = data.repository[`f${j}`];
      if (!node)
        warnings.push({ path: f.path, reason: 'skipped: unreadable (GitHub returned no object)' });
      else if (node.isBinary) warnings.push({ path: f.path, reason: 'skipped: binary content' });
      else if (node.text === null)
        warnings.push({
          path: f.path,
          reason: 'skipped: GitHub did not return the text (too large)',
        });
      else contents.set(f.path, node.text);
    });
  }
  return contents;
}
