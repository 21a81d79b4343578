import { DomainError, ErrorCode } from '../../common/domain-error';
import type { ConnectorHttp, ConnectorRequest } from './connector.types';

export interface ConnectorHttpOptions {
  baseUrl: string;
  headers: Record<string, string>;
  connector: string;
  /** tries per request on 429 and 5xx */
  maxTries?: number;
  /** longest wait for a Retry-After before giving up, in ms */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The one HTTP client of the vendor connectors: it retries what the vendor asks to be retried
 * (429 with Retry-After, 5xx with backoff), and turns a refusal into an error that names the
 * permission the call needs, never the credential.
 */
export class VendorHttpClient implements ConnectorHttp {
  private count = 0;

  constructor(private readonly o: ConnectorHttpOptions) {}

  get requests(): number {
    return this.count;
  }

  async json<T>(path: string, init: ConnectorRequest): Promise<T> {
    return (await this.jsonWithNext<T>(path, init)).body;
  }

  /**
   * As `json`, and the `rel="next"` link of the answer's `Link` header. `path` may be such a link:
   * an absolute URL is followed only on the origin of the base URL, so the credential never
   * travels to another host.
   */
  async jsonWithNext<T>(
    path: string,
    init: ConnectorRequest,
  ): Promise<{ body: T; next: string | null }> {
    const base = this.o.baseUrl.replace(/\/+$/, '');
    const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(base + path);
    if (url.origin !== new URL(base).origin) {
      throw new DomainError(
        ErrorCode.ConnectorUnavailable,
        `${this.o.connector}: refusing to follow a link to ${url.host}, outside ${new URL(base).host}`,
      );
    }
    for (const [k, v] of Object.entries(init.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));
    const res = await this.send(url, path, init, this.o.headers);
    return { body: (await res.json()) as T, next: nextLink(res.headers.get('link')) };
  }

  /**
   * A report file behind a signed link: the link is its own authority, so the credential is never
   * sent to the host that serves it; retries and refusals as for the API.
   */
  async download(link: string, permission: string): Promise<string> {
    const url = new URL(link);
    const res = await this.send(url, url.pathname, { permission }, {});
    return res.text();
  }

  /**
   * An OAuth2 client-credentials token request: a form POST to the identity provider, which may
   * live on another host than the API; the connector's own headers are not sent there.
   */
  async token<T>(link: string, form: Record<string, string>, permission: string): Promise<T> {
    const url = new URL(link);
    const res = await this.send(url, url.pathname, { method: 'POST', form, permission }, {});
    return (await res.json()) as T;
  }

  private async send(
    url: URL,
    path: string,
    init: ConnectorRequest & { form?: Record<string, string> },
    headers: Record<string, string>,
  ): Promise<Response> {
    const body = init.form
      ? new URLSearchParams(init.form).toString()
      : init.body === undefined
        ? undefined
        : JSON.stringify(init.body);
    const contentType = init.form
      ? 'application/x-www-form-urlencoded'
      : init.body === undefined
        ? undefined
        : 'application/json';
    const maxTries = this.o.maxTries ?? 4;
    const sleep = this.o.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
    for (let attempt = 1; ; attempt++) {
      this.count++;
      let res: Response;
      try {
        res = await fetch(url, {
          method: init.method ?? 'GET',
          headers: {
            accept: 'application/json',
            ...(contentType ? { 'content-type': contentType } : {}),
            ...headers,
            ...init.headers,
          },
          body,
        });
      } catch (err) {
        if (attempt < maxTries) {
          await sleep(backoff(attempt));
          continue;
        }
        throw new DomainError(
          ErrorCode.ConnectorUnavailable,
          `${this.o.connector}: ${url.host} could not be reached (${(err as Error).message})`,
        );
      }
      if (res.ok) return res;
      const retryable = res.status === 429 || res.status >= 500;
      if (retryable && attempt < maxTries) {
        const wait = retryAfterMs(res.headers.get('retry-after')) ?? backoff(attempt);
        if (wait <= (this.o.maxWaitMs ?? 60_000)) {
          await res.body?.cancel();
          await sleep(wait);
          continue;
        }
      }
      throw await this.refusal(res, path.startsWith('/') ? path : url.pathname, init.permission);
    }
  }

  private async refusal(res: Response, path: string, permission: string): Promise<DomainError> {
    const body = (await res.text().catch(() => '')).slice(0, 300).replace(/\s+/g, ' ');
    const where = `${this.o.connector}: ${path} answered ${res.status}`;
    if (res.status === 401)
      return new DomainError(
        ErrorCode.ConnectorUnauthorized,
        `${where}: the credential is missing, expired or revoked`,
        { connector: this.o.connector, status: 401 },
      );
    if (res.status === 403)
      return new DomainError(
        ErrorCode.ConnectorForbidden,
        `${where}: the credential lacks the permission "${permission}"`,
        { connector: this.o.connector, status: 403, permission },
      );
    if (res.status === 429)
      return new DomainError(
        ErrorCode.ConnectorRateLimited,
        `${where}: rate limited for longer than this run waits; the next run goes on from the cursor`,
        { connector: this.o.connector, status: 429 },
      );
    return new DomainError(ErrorCode.ConnectorUnavailable, `${where}${body ? `: ${body}` : ''}`, {
      connector: this.o.connector,
      status: res.status,
    });
  }
}

/** The target of the `rel="next"` entry of an RFC 8288 `Link` header, if any. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(m[2])) return m[1];
  }
  return null;
}

export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function backoff(attempt: number): number {
  return Math.min(8000, 250 * 2 ** (attempt - 1));
}
