import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTokenGrant {
  /** ISO time of the event */
  time: string;
  email: string;
  appName: string;
  clientId: string;
  scopes: string[];
  /** authorize (default) or revoke */
  event?: 'authorize' | 'revoke';
}

const SCOPE = 'https://www.googleapis.com/auth/admin.reports.audit.readonly';

/**
 * A stand-in for the Admin SDK Reports API token activity as documented: Bearer token,
 * GET /admin/reports/v1/activity/users/all/applications/token with eventName, startTime,
 * maxResults and pageToken; newest first; nextPageToken while more remain; 401 for an unknown
 * token, 403 when the token lacks the audit scope, 429 with Retry-After when rate limited.
 */
export class FakeGoogleReports {
  grants: FakeTokenGrant[] = [];
  pageSize = 2;
  rateLimitNext = 0;
  /** answer 403 from this page index on (0 = every page) */
  forbidFromPage: number | null = null;
  readonly requests: { path: string; query: URLSearchParams }[] = [];
  private server?: Server;

  constructor(readonly token: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    this.requests.push({ path: url.pathname, query: url.searchParams });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      res.end(JSON.stringify(payload));
    };
    const error = (code: number, status: string, message: string) =>
      send(code, { error: { code, message, status, errors: [{ message, domain: 'global' }] } });
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return error(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
    if (this.rateLimitNext > 0) {
      this.rateLimitNext--;
      res.setHeader('retry-after', '0');
      return error(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for quota metric Queries.');
    }
    if (url.pathname !== '/admin/reports/v1/activity/users/all/applications/token')
      return error(404, 'NOT_FOUND', 'Not Found');
    const page = Number(url.searchParams.get('pageToken') ?? '0');
    if (this.forbidFromPage !== null && page >= this.forbidFromPage)
      return error(
        403,
        'PERMISSION_DENIED',
        `Request had insufficient authentication scopes (${SCOPE}).`,
      );
    const startTime = url.searchParams.get('startTime');
    const eventName = url.searchParams.get('eventName');
    const size = Math.min(Number(url.searchParams.get('maxResults') ?? 1000), this.pageSize);
    const matching = this.grants
      .filter(
        (g) =>
          (!startTime || g.time >= startTime) &&
          (!eventName || (g.event ?? 'authorize') === eventName),
      )
      .sort((a, b) => b.time.localeCompare(a.time));
    const items = matching.slice(page * size, (page + 1) * size).map((g, i) => ({
      kind: 'admin#reports#activity',
      id: {
        time: g.time,
        uniqueQualifier: String(-1000 - page * size - i),
        applicationName: 'token',
        customerId: 'C03az79cb',
      },
      etag: '"e"',
      actor: { email: g.email, profileId: '1093' + String(g.email.length).padStart(14, '0') },
      events: [
        {
          type: 'auth',
          name: g.event ?? 'authorize',
          parameters: [
            { name: 'client_id', value: g.clientId },
            { name: 'app_name', value: g.appName },
            { name: 'client_type', value: 'WEB' },
            { name: 'scope', multiValue: g.scopes },
            {
              name: 'scope_data',
              multiMessageValue: g.scopes.map((s) => ({
                parameter: [{ name: 'scope_name', value: s }],
              })),
            },
          ],
        },
      ],
    }));
    const more = (page + 1) * size < matching.length;
    send(200, {
      kind: 'admin#reports#activities',
      etag: '"p"',
      items,
      ...(more ? { nextPageToken: String(page + 1) } : {}),
    });
  }
}
