import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** the request body as text (a token request's form) */
  body: string;
}

export type FakeReply = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * What every vendor stand-in shares: a local HTTP server that checks the credential the way the
 * vendor does (401 when it does not match), answers 429 with Retry-After when told to, refuses
 * the paths told to with 403 in the vendor's own error words, and logs every request. The
 * vendor's routes are the `route` function of each subclass.
 */
export abstract class FakeAdminApi {
  /** answer this many of the next requests with 429 and Retry-After: 0 */
  rateLimitNext = 0;
  /** paths (prefixes) answered 403, as for a credential without the right scope */
  readonly forbidden = new Set<string>();
  readonly requests: FakeRequest[] = [];
  private server?: Server;
  protected base = '';

  protected abstract authorised(headers: IncomingMessage['headers'], path: string): boolean;
  protected abstract route(req: FakeRequest): FakeReply | Promise<FakeReply>;
  protected abstract error(status: number, message: string): unknown;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const r: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    this.requests.push(r);
    const send = ({ status, body, headers }: FakeReply) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, {
        'content-type': typeof body === 'string' ? 'application/x-ndjson' : 'application/json',
        ...headers,
      });
      res.end(text);
    };
    if (!this.authorised(req.headers, r.path))
      return send({ status: 401, body: this.error(401, 'invalid or expired credential') });
    if (this.rateLimitNext > 0) {
      this.rateLimitNext--;
      return send({
        status: 429,
        body: this.error(429, 'rate limit exceeded'),
        headers: { 'retry-after': '0' },
      });
    }
    if ([...this.forbidden].some((p) => r.path.startsWith(p)))
      return send({ status: 403, body: this.error(403, 'permission denied') });
    send(await this.route(r));
  }
}

/** Hands out a list a page at a time, as the after-id cursors of the admin APIs do. */
export function pageAfter<T extends { id: string }>(
  all: T[],
  after: string | null,
  limit: number,
): { data: T[]; has_more: boolean; first_id: string | null; last_id: string | null } {
  const start = after ? all.findIndex((x) => x.id === after) + 1 : 0;
  const data = all.slice(start, start + limit);
  return {
    data,
    has_more: start + limit < all.length,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
  };
}
