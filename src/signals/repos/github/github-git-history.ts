import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ToolMatcher } from '../../../catalog/catalog.types';
import { PathMatchCache } from '../detect/config-file.detector';
import { GitCli } from '../local/git-cli';
import { readHistory } from '../local/local-repository.scanner';
import { RepoScanError } from '../repo-scan.error';
import type { RepoCommit, ScanWarning } from '../repo-scan.types';

/**
 * Where a GitHub scan reads history: `clone` fetches commits and trees (no file contents) over
 * git's smart HTTP, so file changes are known and no API request is spent; `api` pages the
 * commit list through GraphQL/REST, which carries no file changes.
 */
export type GithubHistorySource = 'clone' | 'api';

let gitCheck: Promise<boolean> | undefined;

/** Whether a git CLI is on PATH (asked once per process). */
export function gitAvailable(): Promise<boolean> {
  gitCheck ??= new GitCli(tmpdir()).ok(['--version']);
  return gitCheck;
}

/**
 * The environment a git process needs to fetch from `cloneUrl` with `token`: the credential goes
 * in an HTTP header configured through GIT_CONFIG_* variables, scoped to the clone URL's origin,
 * so it never appears in argv (process lists), the remote URL stored in the clone, or git's output.
 */
export function gitFetchEnv(cloneUrl: string, token?: string): Record<string, string> {
  const env: Record<string, string> = {
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: 'true',
    GCM_INTERACTIVE: 'never',
    // a stalled transfer (under 1 kB/s for a minute) fails instead of holding a worker forever
    GIT_HTTP_LOW_SPEED_LIMIT: '1000',
    GIT_HTTP_LOW_SPEED_TIME: '60',
    GIT_CONFIG_COUNT: '0',
  };
  if (!token) return env;
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return {
    ...env,
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: `http.${new URL(cloneUrl).origin}/.extraHeader`,
    GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
  };
}

/** Removes the token (plain or inside the Basic credential) from a message git printed. */
export function redactToken(message: string, token?: string): string {
  if (!token) return message;
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return message.split(token).join('***').split(basic).join('***');
}

export interface CloneHistoryOptions {
  token?: string;
  matcher: ToolMatcher;
  /** first scan: only history after this date */
  since?: Date;
  /** the head the last scan reached: only commits after it */
  sinceCommit?: string;
}

export interface CloneHistory {
  head?: string;
  headDate?: string;
  commits: RepoCommit[];
}

/**
 * History with file changes from a blobless bare clone in a temporary folder, read by the same
 * code as a local scan so both find the same history-only files. Removed before returning.
 */
export async function readHistoryByClone(
  cloneUrl: string,
  options: CloneHistoryOptions,
  warnings: ScanWarning[],
): Promise<CloneHistory> {
  const dir = await mkdtemp(join(tmpdir(), 'ai-census-clone-'));
  try {
    const target = join(dir, 'repo.git');
    try {
      await new GitCli(dir, gitFetchEnv(cloneUrl, options.token)).run([
        'clone',
        '--bare',
        '--filter=blob:none',
        '--no-checkout',
        '--quiet',
        cloneUrl,
        target,
      ]);
    } catch (err) {
      // git's stderr spans lines; a warning is one
      const reason = redactToken((err as Error).message, options.token).replace(/\s*\n\s*/g, ' ');
      throw new RepoScanError(
        /auth|could not read (user|pass)|\b40[134]\b|not found/i.test(reason)
          ? 'permission'
          : 'unavailable',
        `git clone of ${cloneUrl} failed: ${reason}`,
      );
    }
    // no credentials from here on: a command that wanted a missing blob fails instead of fetching
    const git = new GitCli(target, gitFetchEnv(cloneUrl));
    const headLine = await git.run(['log', '-1', '--format=%H%x1f%aI', 'HEAD']).catch(() => '');
    if (!headLine.trim()) return { commits: [] };
    const [head, headDate] = headLine.trim().split('\x1f');
    const commits = await readHistory(
      git,
      head,
      { since: options.since, sinceCommit: options.sinceCommit },
      new PathMatchCache(options.matcher),
      warnings,
    );
    return { head, headDate, commits };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
