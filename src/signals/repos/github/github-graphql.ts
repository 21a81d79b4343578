import type { RepoCommit, RepoFileEntry, ScanWarning } from '../repo-scan.types';
import { type GithubClient, permissionError } from './github-client';

// GraphQL aliases per request when fetching candidate blobs in one go
export const BLOBS_PER_QUERY = 100;

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

export interface RepoQuery {
  query: string;
  variables: Record<string, string | null>;
}

/**
 * One GraphQL request for a repository: some blobs by id and, while history is still being paged,
 * one page of the default branch's commits. GitHub rejects a declared variable the operation does
 * not use, so `$since`/`$after` are declared only with the history field that uses them.
 */
export function buildRepoQuery(
  owner: string,
  name: string,
  blobs: RepoFileEntry[],
  history?: { since: string | null; after: string | null },
): RepoQuery {
  const declarations = ['$owner: String!', '$name: String!'];
  const variables: Record<string, string | null> = { owner, name };
  const fields: string[] = [];
  if (history) {
    declarations.push('$since: GitTimestamp', '$after: String');
    Object.assign(variables, history);
    fields.push(`defaultBranchRef { target { ... on Commit { history(first: 100, since: $since, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { oid message author { name email date user { login } } committer { name email date } }
} } } }`);
  }
  blobs.forEach((f, j) =>
    fields.push(`f${j}: object(oid: "${f.sha}") { ... on Blob { text isBinary byteSize } }`),
  );
  const query = `query(${declarations.join(', ')}) {
  repository(owner: $owner, name: $name) {
${fields.join('\n')}
  }
}`;
  return { query, variables };
}

export interface GraphqlReadOptions {
  /** ISO date: commits after it only */
  since?: string;
  /** newest commit seen by the last scan: history stops there */
  previousHead?: string;
  /** pages of 100 commits at most; 0 reads no history */
  maxCommitPages: number;
}

/**
 * The candidate files and (unless maxCommitPages is 0) the commits since the last scan in one
 * GraphQL request; more only for over 100 candidates or over 100 new commits.
 */
export async function readCommitsAndBlobs(
  client: GithubClient,
  owner: string,
  repo: string,
  files: RepoFileEntry[],
  options: GraphqlReadOptions,
  warnings: ScanWarning[],
): Promise<{ commits: RepoCommit[]; contents: Map<string, string> }> {
  const contents = new Map<string, string>();
  const commits: RepoCommit[] = [];
  let after: string | null = null;
  let historyDone = options.maxCommitPages <= 0;
  let pages = 0;
  for (let i = 0; i < files.length || !historyDone; i += BLOBS_PER_QUERY) {
    const chunk = files.slice(i, i + BLOBS_PER_QUERY);
    const { query, variables } = buildRepoQuery(
      owner,
      repo,
      chunk,
      historyDone ? undefined : { since: options.since ?? null, after },
    );
    let data: RepoQueryResult;
    try {
      data = await client.octokit.graphql<RepoQueryResult>(query, variables);
    } catch (err) {
      throw permissionError(
        err,
        `the file contents and commits of ${owner}/${repo}`,
        'repository permission "Contents: read" (classic scope: repo)',
      );
    }
    const node = data.repository ?? {};
    chunk.forEach((f, j) => takeBlob(f, (node as Record<string, BlobNode | null>)[`f${j}`]));
    if (historyDone) continue;
    const h = node.defaultBranchRef?.target.history;
    pages++;
    for (const c of h?.nodes ?? []) {
      if (c.oid === options.previousHead) {
        historyDone = true;
        break;
      }
      commits.push(toCommit(c));
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
  return { commits, contents };

  function takeBlob(f: RepoFileEntry, b: BlobNode | null | undefined): void {
    if (!b)
      warnings.push({ path: f.path, reason: 'skipped: unreadable (GitHub returned no object)' });
    else if (b.isBinary) warnings.push({ path: f.path, reason: 'skipped: binary content' });
    else if (b.text === null)
      warnings.push({
        path: f.path,
        reason: 'skipped: GitHub did not return the text (too large)',
      });
    else contents.set(f.path, b.text);
  }
}

function toCommit(c: HistoryNode): RepoCommit {
  return {
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
  };
}
