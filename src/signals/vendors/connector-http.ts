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
    const url = new URL(this.o.baseUrl.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(init.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));
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
            ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...this.o.headers,
          },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
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
      if (res.ok) return (await res.json()) as T;
      const retryable = res.status === 429 || res.status >= 500;
      if (retryable && attempt < maxTries) {
        const wait = retryAfterMs(res.headers.get('retry-after')) ?? backoff(attempt);
        if (wait <= (this.o.maxWaitMs ?? 60_000)) {
          await res.body?.cancel();
          await sleep(wait);
          continue;
        }
      }
      throw await this.refusal(res, path, init.permission);
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
