import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOktaSignin {
  /** ISO time */
  published: string;
  email: string;
  app: string;
  result?: 'SUCCESS' | 'FAILURE';
  eventType?: string;
}

/**
 * A stand-in for the Okta System Log API as documented: `SSWS` token, GET /api/v1/logs with
 * since, filter, sortOrder, limit; pages chained by `Link: <…after=…>; rel="next"` (always given
 * when polling with since, so an empty page is the end); Okta's error bodies for 401 (E0000011),
 * 403 (E0000006) and 429 (E0000047, with Retry-After here).
 */
export class FakeOkta {
  events: FakeOktaSignin[] = [];
  pageSize = 2;
  rateLimitNext = 0;
  forbid = false;
  readonly requests: URL[] = [];
  private server?: Server;
  private base = '';

  constructor(readonly token: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.base);
    this.requests.push(url);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    const error = (status: number, errorCode: string, errorSummary: string) =>
      send(status, {
        errorCode,
        errorSummary,
        errorLink: errorCode,
        errorId: 'oae1',
        errorCauses: [],
      });
    if (req.headers.authorization !== `SSWS ${this.token}`)
      return error(401, 'E0000011', 'Invalid token provided');
    if (this.rateLimitNext > 0) {
      this.rateLimitNext--;
      res.setHeader('retry-after', '0');
      return error(429, 'E0000047', 'API call exceeded rate limit due to too many requests.');
    }
    if (url.pathname !== '/api/v1/logs')
      return error(404, 'E0000022', 'The endpoint does not support the provided HTTP method');
    if (this.forbid)
      return error(403, 'E0000006', 'You do not have permission to perform the requested action');
    const since = url.searchParams.get('since') ?? '';
    const filter = url.searchParams.get('filter');
    const wanted = /eventType eq "([^"]+)"/.exec(filter ?? '')?.[1];
    const after = Number(url.searchParams.get('after') ?? '0');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), this.pageSize);
    const matching = this.events
      .filter(
        (e) =>
          e.published >= since &&
          (!wanted || (e.eventType ?? 'user.authentication.sso') === wanted),
      )
      .sort((a, b) => a.published.localeCompare(b.published));
    const page = matching.slice(after, after + limit).map((e, i) => ({
      uuid: `uuid-${after + i}`,
      published: e.published,
      eventType: e.eventType ?? 'user.authentication.sso',
      version: '0',
      severity: 'INFO',
      displayMessage: 'User single sign on to app',
      actor: { id: '00u1', type: 'User', alternateId: e.email, displayName: e.email.split('@')[0] },
      client: { ipAddress: '203.0.113.7', userAgent: { rawUserAgent: 'Mozilla/5.0' } },
      outcome: { result: e.result ?? 'SUCCESS', reason: null },
      target: [
        { id: '0oa1', type: 'AppInstance', alternateId: e.app, displayName: e.app },
        { id: '0ua1', type: 'AppUser', alternateId: e.email, displayName: e.email },
      ],
    }));
    const next = new URL('/api/v1/logs', this.base);
    for (const [k, v] of url.searchParams) if (k !== 'after') next.searchParams.set(k, v);
    next.searchParams.set('after', String(after + page.length));
    send(200, page, {
      link: `<${url.toString()}>; rel="self", <${next.toString()}>; rel="next"`,
    });
  }
}
