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
  /** on a network failure Octokit wraps fetch's TypeError, whose cause carries the errno */
  cause?: { code?: string; cause?: { code?: string; message?: string } };
}

/**
 * What went wrong when no HTTP answer came at all (Octokit then reports status 500 with no
 * response), in words; undefined when GitHub did answer.
 */
export function unreachable(err: unknown): string | undefined {
  const e = err as HttpError;
  if (e.response || e.status === undefined) return undefined;
  const code = e.cause?.cause?.code ?? e.cause?.code;
  switch (code ?? '') {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the host does not answer';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was closed';
    default:
      return (e.cause?.cause?.message ?? e.message ?? 'no answer').split('\n')[0];
  }
}

export function httpStatus(err: unknown): number | undefined {
  return (err as HttpError).status;
}

/**
 * Turns a 401/403/404 into a message naming the permission the call needs, and anything else
 * into what happened (no connection, GitHub failing) rather than a permission it is not about. GitHub names the
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
  const failure = unreachable(err);
  if (failure)
    return new RepoScanError(
      'unavailable',
      `could not reach GitHub while reading ${what}: ${failure} (check GITHUB_API_URL and the network)`,
    );
  if (e.status !== undefined && e.status >= 500)
    return new RepoScanError(
      'unavailable',
      `GitHub answered HTTP ${e.status} while reading ${what}; it is failing on its side, try again later`,
    );
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
