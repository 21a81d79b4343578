import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ToolMatcher } from '../../../catalog/catalog.types';
import { DomainError, ErrorCode } from '../../../common/domain-error';
import { GitCli } from '../../../signals/repos/local/git-cli';
import {
  analyzeSnapshot,
  looksBinary,
  MAX_FILE_BYTES,
  selectCandidates,
} from '../../../signals/repos/repo-analyzer';
import type { RepoFileEntry, RepoTrace, ScanWarning } from '../../../signals/repos/repo-scan.types';
import { REPO_SETTINGS_FILE } from './repo-settings';

export interface StagedTreeScan {
  repository: string;
  traces: RepoTrace[];
  warnings: ScanWarning[];
  /** the content of .ai-census.yml at the root, when the index holds one */
  settingsText?: string;
  files: number;
}

/**
 * Runs the repository detectors over the git index: in CI that is the checked-out commit, in a
 * pre-commit hook it is exactly what is about to be committed (HEAD would miss the staged
 * change). History is not read: a check judges what the tree holds now, and an old commit
 * cannot be fixed by the next one. No database, no network.
 */
export async function scanStagedTree(
  path: string,
  matcher: ToolMatcher,
  toolPathSamples: string[],
): Promise<StagedTreeScan> {
  const dir = resolve(path);
  if (!(await stat(dir).catch(() => undefined))?.isDirectory())
    throw new DomainError(ErrorCode.NotFound, `${dir} does not exist or is not a folder`);
  const git = new GitCli(dir);
  const top = await git.run(['rev-parse', '--show-toplevel']).catch(() => {
    throw new DomainError(
      ErrorCode.InvalidInput,
      `${dir} is not a git repository (no .git found in it or its parents)`,
    );
  });
  const root = new GitCli(top.trim());
  const warnings: ScanWarning[] = [];
  const files = await listIndex(root);
  // sizes are not in the index listing: the cap is applied to the blobs read below
  const candidates = selectCandidates(files, warnings);
  const settings = files.find((f) => f.path === REPO_SETTINGS_FILE);
  const wanted = settings ? [...candidates, settings] : candidates;
  const blobs = await root.readBlobs(wanted.map((f) => f.sha));
  const contents = new Map<string, string>();
  let settingsText: string | undefined;
  for (const f of wanted) {
    const buf = blobs.get(f.sha);
    if (!buf) warnings.push({ path: f.path, reason: 'skipped: object missing from the index' });
    else if (buf.length > MAX_FILE_BYTES)
      warnings.push({
        path: f.path,
        reason: `skipped: ${buf.length} bytes is over the ${MAX_FILE_BYTES}-byte cap`,
      });
    else if (looksBinary(buf)) warnings.push({ path: f.path, reason: 'skipped: binary content' });
    else if (f === settings) settingsText = buf.toString('utf8');
    else contents.set(f.path, buf.toString('utf8'));
  }
  const { traces } = analyzeSnapshot(
    {
      repository: basename(top.trim()),
      files,
      contents,
      commits: [],
      commitsHaveChanges: false,
      scannedAt: new Date(),
    },
    matcher,
    warnings,
    { toolPathSamples },
  );
  return { repository: basename(top.trim()), traces, warnings, settingsText, files: files.length };
}

async function listIndex(git: GitCli): Promise<RepoFileEntry[]> {
  const out = await git.run(['ls-files', '--stage', '-z']);
  const files: RepoFileEntry[] = [];
  for (const rec of out.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, sha, stage] = rec.slice(0, tab).split(' ');
    // submodules (160000) are other repositories; during a merge take "ours" only
    if (mode === '160000' || (stage !== '0' && stage !== '2')) continue;
    files.push({ path: rec.slice(tab + 1), sha, size: 0 });
  }
  return files;
}
