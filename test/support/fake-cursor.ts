import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCursorMember {
  name: string;
  email: string;
  role: 'owner' | 'member';
  isRemoved?: boolean;
}

export interface FakeCursorUsage {
  /** YYYY-MM-DD */
  day: string;
  email: string;
  chatRequests?: number;
  agentRequests?: number;
  totalTabsAccepted?: number;
}

/**
 * A stand-in for the Cursor Admin API as its documentation describes it: Basic auth with the key
 * as user name, GET /teams/members, POST /teams/daily-usage-data with epoch-ms bounds at most 30
 * days apart, 429 with Retry-After when rate limited.
 */
export class FakeCursor {
  members: FakeCursorMember[] = [];
  usage: FakeCursorUsage[] = [];
  /** answer this many of the next requests with 429 */
  rateLimitNext = 0;
  /** answer the usage endpoint with 403 (a key without the admin role) */
  forbidUsage = false;
  readonly requests: { method: string; path: string; body: unknown }[] = [];
  private server?: Server;

  constructor(readonly key: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text ? JSON.parse(text) : undefined;
    this.requests.push({ method: req.method ?? '', path: req.url ?? '', body });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    const expected = `Basic ${Buffer.from(`${this.key}:`).toString('base64')}`;
    if (req.headers.authorization !== expected) return send(401, { error: 'Unauthorized' });
    if (this.rateLimitNext > 0) {
      this.rateLimitNext--;
      return send(429, { error: 'Too many requests' }, { 'retry-after': '0' });
    }
    if (req.method === 'GET' && req.url === '/teams/members') {
      return send(200, { teamMembers: this.members });
    }
    if (req.method === 'POST' && req.url === '/teams/daily-usage-data') {
      if (this.forbidUsage) return send(403, { error: 'Forbidden' });
      const { startDate, endDate } = (body ?? {}) as { startDate?: number; endDate?: number };
      if (typeof startDate !== 'number' || typeof endDate !== 'number' || endDate < startDate)
        return send(400, { error: 'startDate and endDate (epoch ms) are required' });
      if (endDate - startDate > 30 * 86_400_000)
        return send(400, { error: 'Date range cannot exceed 30 days' });
      const data = this.usage
        .filter((u) => {
          const t = Date.parse(`${u.day}T00:00:00Z`);
          return t >= startDate && t <= endDate;
        })
        .map((u) => ({
          date: Date.parse(`${u.day}T00:00:00Z`),
          email: u.email,
          isActive: true,
          chatRequests: u.chatRequests ?? 0,
          agentRequests: u.agentRequests ?? 0,
          totalTabsAccepted: u.totalTabsAccepted ?? 0,
          composerRequests: 0,
          cmdkUsages: 0,
          mostUsedModel: 'claude-4-sonnet',
        }));
      return send(200, { data, period: { startDate, endDate } });
    }
    send(404, { error: 'Not found' });
  }
}
