import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { RepoScanError } from '../repo-scan.error';

export interface GithubClientOptions {
  token?: string;
  /** https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server */
  baseUrl?: string;
  /** scales Retry-After (ms per second); tests shorten it */
  retryAfterBaseMs?: number;
  log?: (message: string) => void;
}

export interface GithubClient {
  octokit: Octokit;
  /** HTTP requests made, retries included */
  requests(): number;
  baseUrl: string;
}

const ThrottledOctokit = Octokit.plugin(throttling, retry);

export function createGithubClient(options: GithubClientOptions): GithubClient {
  let count = 0;
  const baseUrl = (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const log = options.log ?? (() => undefined);
  const countingFetch: typeof fetch = (input, init) => {
    count++;
    return fetch(input, init);
  };
  const octokit = new ThrottledOctokit({
    auth: options.token,
    baseUrl,
    userAgent: 'ai-census',
    request: { fetch: countingFetch },
    // Octokit logs request URLs and errors only; the token never reaches these
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (m: string) => log(m),
      error: (m: string) => log(m),
    },
    throttle: {
      retryAfterBaseValue: options.retryAfterBaseMs ?? 1000,
      onRateLimit: (
        retryAfter: number,
        o: { method: string; url: string },
        _k: unknown,
        retryCount: number,
      ) => {
        log(`rate limit reached on ${o.method} ${o.url}; retrying after ${retryAfter}s`);
        return retryCount < 2;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        o: { method: string; url: string },
        _k: unknown,
        retryCount: number,
      ) => {
        log(`secondary rate limit on ${o.method} ${o.url}; retrying after ${retryAfter}s`);
        return retryCount < 2;
      },
    },
    retry: { doNotRetry: [304, 400, 401, 403, 404, 409, 410, 422, 451] },
  });
  return { octokit, requests: () => count, baseUrl };
}

interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

export function httpStatus(err: unknown): number | undefined {
  return (err as HttpError).status;
}

/**
 * Turns a 401/403/404 into a message naming the permission the call needs. GitHub names the
 * missing fine-grained permission in a header when it knows it.
 */
export function permissionError(err: unknown, what: string, permission: string): RepoScanError {
  const e = err as HttpError;
  const accepted = e.response?.headers?.['x-accepted-github-permissions'];
  const scopes = e.response?.headers?.['x-accepted-oauth-scopes'];
  const needs = [
    permission,
    accepted && `GitHub asks for: ${accepted}`,
    scopes && `scopes: ${scopes}`,
  ]
    .filter(Boolean)
    .join('; ');
  if (e.status === 401)
    return new RepoScanError(
      'permission',
      `GitHub rejected the token (401) while reading ${what}; check GITHUB_TOKEN`,
    );
  return new RepoScanError(
    e.status === 403 || e.status === 404 ? 'permission' : 'unavailable',
    `could not read ${what} (HTTP ${e.status ?? '?'}): the token needs ${needs}`,
  );
}
