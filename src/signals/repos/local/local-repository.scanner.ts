import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ProgressCallback } from '../../../jobs/job.types';
import type { ToolMatcher } from '../../../catalog/catalog.types';
import { PathMatchCache } from '../detect/config-file.detector';
import { analyzeSnapshot, looksBinary, selectCandidates } from '../repo-analyzer';
import type {
  ChangeStatus,
  RepoCommit,
  RepoFileEntry,
  RepoScanResult,
  ScanWarning,
} from '../repo-scan.types';
import { RepoScanError } from '../repo-scan.error';
import { GitCli } from './git-cli';

export interface LocalScanOptions {
  matcher: ToolMatcher;
  /** first scan: only history after this date */
  since?: Date;
  /** later scans: only commits after the last scanned one */
  sinceCommit?: string;
  /** name for the evidence; defaults to the checkout's folder name */
  repository?: string;
  onProgress?: ProgressCallback;
  /** see AnalyzeOptions */
  toolPathSamples?: string[];
}

const RS = '\x1e';
const US = '\x1f';
const GS = '\x1d';
const LOG_FORMAT = `${RS}%H${US}%aI${US}%an${US}%ae${US}%cn${US}%ce${US}%S${US}%B${GS}`;
// every branch and tag the clone holds, local and remote-tracking, not only the checked-out one
const ALL_REFS = ['HEAD', '--branches', '--remotes', '--tags'];

/** Scans a local checkout: the HEAD tree, candidate file contents, and history in one git log. */
export async function scanLocalRepository(
  path: string,
  options: LocalScanOptions,
): Promise<RepoScanResult> {
  const started = Date.now();
  const dir = resolve(path);
  const warnings: ScanWarning[] = [];
  const git = await openRepository(dir, warnings);
  const repository =
    options.repository ?? basename((await git.run(['rev-parse', '--show-toplevel'])).trim());
  const [head, headDate] = (await git.run(['log', '-1', '--format=%H%x1f%aI', 'HEAD']))
    .trim()
    .split('\x1f');
  await options.onProgress?.(5, {});

  const files = await listTree(git);
  const candidates = selectCandidates(files, warnings);
  const contents = await readContents(git, candidates, warnings);
  await options.onProgress?.(25, { files: files.length, filesRead: contents.size });

  const cache = new PathMatchCache(options.matcher);
  const commits = await readHistory(git, head, options, cache, warnings);
  await options.onProgress?.(85, { files: files.length, commits: commits.length });

  // traces of the tree are dated by the HEAD commit, so re-scanning an unchanged tree changes nothing
  const scannedAt = new Date(headDate);
  const { traces, markerList, guardrails } = analyzeSnapshot(
    { repository, files, contents, commits, commitsHaveChanges: true, scannedAt },
    options.matcher,
    warnings,
    { toolPathSamples: options.toolPathSamples },
  );
  await options.onProgress?.(100, {
    files: files.length,
    commits: commits.length,
    traces: traces.length,
  });
  return {
    repository,
    headCommit: head,
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
  };
}

async function openRepository(dir: string, warnings: ScanWarning[]): Promise<GitCli> {
  const st = await stat(dir).catch(() => undefined);
  if (!st?.isDirectory())
    throw new RepoScanError('not-found', `${dir} does not exist or is not a folder`);
  const git = new GitCli(dir);
  if (
    !(await git.ok(['rev-parse', '--is-inside-work-tree'])) &&
    !(await git.ok(['rev-parse', '--git-dir']))
  )
    throw new RepoScanError(
      'not-a-repository',
      `${dir} is not a git repository (no .git found in it or its parents)`,
    );
  if (!(await git.ok(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])))
    throw new RepoScanError(
      'empty-repository',
      `${dir} is an empty git repository: it has no commits to scan yet`,
    );
  if ((await git.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true') {
    warnings.push({
      reason:
        'shallow clone: history before the clone depth is missing, so older commits and deleted files are not seen; run `git fetch --unshallow` for a full scan',
    });
  }
  return git;
}

async function listTree(git: GitCli): Promise<RepoFileEntry[]> {
  const out = await git.run(['ls-tree', '-r', '-z', '-l', '--full-tree', 'HEAD']);
  const files: RepoFileEntry[] = [];
  for (const rec of out.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [, type, sha, size] = rec.slice(0, tab).split(/\s+/);
    if (type !== 'blob') continue; // submodules are other repositories
    files.push({ path: rec.slice(tab + 1), sha, size: Number(size) || 0 });
  }
  return files;
}

async function readContents(
  git: GitCli,
  files: RepoFileEntry[],
  warnings: ScanWarning[],
): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  let blobs: Map<string, Buffer>;
  try {
    blobs = await git.readBlobs(files.map((f) => f.sha));
  } catch (err) {
    warnings.push({ reason: `could not read file contents: ${(err as Error).message}` });
    return contents;
  }
  for (const f of files) {
    const buf = blobs.get(f.sha);
    if (!buf)
      warnings.push({
        path: f.path,
        reason: 'skipped: unreadable (object missing from the repository)',
      });
    else if (looksBinary(buf)) warnings.push({ path: f.path, reason: 'skipped: binary content' });
    else contents.set(f.path, buf.toString('utf8'));
  }
  return contents;
}

/** Commits with the file changes a detector follows; also reads the history of a GitHub clone. */
export async function readHistory(
  git: GitCli,
  head: string,
  options: Pick<LocalScanOptions, 'since' | 'sinceCommit'>,
  cache: PathMatchCache,
  warnings: ScanWarning[],
): Promise<RepoCommit[]> {
  const args = [
    'log',
    '--no-renames',
    '--no-color',
    `--format=${LOG_FORMAT}`,
    '--name-status',
    '-z',
    '--source',
    ...ALL_REFS,
  ];
  if (options.sinceCommit) {
    if (await git.ok(['merge-base', '--is-ancestor', options.sinceCommit, head]))
      args.push('--not', options.sinceCommit);
    else {
      warnings.push({
        reason: `last scanned commit ${options.sinceCommit} is not in the history of HEAD any more (rewritten history?); read all history again`,
      });
    }
  }
  if (options.since) args.push(`--since=${options.since.toISOString()}`);

  const commits: RepoCommit[] = [];
  let pending = '';
  const take = (record: string): void => {
    const end = record.indexOf(GS);
    if (end < 0) return;
    const [sha, date, an, ae, cn, ce, source, message] = record.slice(0, end).split(US);
    const fields = record
      .slice(end + 1)
      .split(/[\0\n]/)
      .filter((s) => s.length > 0);
    const changes: RepoCommit['changes'] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const path = fields[i + 1];
      // keep only the changes a detector follows; the rest would just hold memory
      if (cache.match(path).length === 0) continue;
      const s = fields[i][0];
      changes.push({ status: (s === 'A' || s === 'D' ? s : 'M') as ChangeStatus, path });
    }
    commits.push({
      sha,
      date: new Date(date),
      ...(source ? { ref: source.replace(/^refs\/(heads|remotes|tags)\//, '') } : {}),
      facts: {
        authorName: an,
        authorEmail: ae,
        committerName: cn,
        committerEmail: ce,
        message: message.trimEnd(),
      },
      changes,
    });
  };
  await git.stream(args, (chunk) => {
    pending += chunk;
    const parts = pending.split(RS);
    pending = parts.pop() ?? '';
    for (const p of parts) if (p) take(p);
  });
  if (pending) take(pending);
  return commits;
}
