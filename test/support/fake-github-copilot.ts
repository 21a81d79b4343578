import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeAdminApi, type FakeReply, type FakeRequest } from './fake-admin-api';

export interface FakeCopilotSeat {
  login: string;
  lastActivityAt: string | null;
  editor?: string;
  pendingCancellation?: boolean;
}

export interface FakeCopilotUserDay {
  /** YYYY-MM-DD */
  day: string;
  login: string;
  interactions: number;
  acceptances: number;
}

/** One day of the organization report's day_totals */
export interface FakeCopilotOrgDay {
  day: string;
  dailyActive: number;
  weeklyActive: number;
  interactions: number;
  generations: number;
  acceptances: number;
}

const DAY = 86_400_000;
const dayAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

/**
 * A stand-in for the GitHub REST API's Copilot endpoints as documented: Bearer token and
 * X-GitHub-Api-Version, GET /orgs/{org}/copilot/billing/seats paged by page / per_page (this
 * stand-in by `pageSize`) with total_seats, and the usage-metrics reports
 * (users-1-day, organization-1-day ?day=, organization-28-day/latest) answering
 * {download_links, report_day | report_start_day, report_end_day}. The links point at a second
 * server, the download host, with a signature in the query string as a signed blob URL has.
 */
export class FakeGitHubCopilot extends FakeAdminApi {
  seats: FakeCopilotSeat[] = [];
  userDays: FakeCopilotUserDay[] = [];
  orgDays: FakeCopilotOrgDay[] = [];
  pageSize = 2;
  filesPerDay = 2;
  /** lines that are not JSON, added to the first users file of each day */
  brokenLines = 0;
  /** the status the metrics endpoints answer when the organisation's metrics are off */
  metricsDisabled: 404 | 422 | null = null;
  readonly downloads = new FakeDownloadHost();

  constructor(
    readonly token: string,
    readonly org: string,
  ) {
    super();
  }

  override async start(): Promise<string> {
    await this.downloads.start((name) => this.file(name));
    return super.start();
  }

  override async stop(): Promise<void> {
    await this.downloads.stop();
    await super.stop();
  }

  protected authorised(h: IncomingMessage['headers']): boolean {
    return h.authorization === `Bearer ${this.token}` && h['x-github-api-version'] === '2022-11-28';
  }

  protected error(status: number, message: string) {
    return {
      message:
        status === 401
          ? 'Bad credentials'
          : status === 403
            ? 'Resource not accessible by personal access token'
            : message,
      documentation_url: 'https://docs.github.com/rest',
      status: String(status),
    };
  }

  protected route(r: FakeRequest): FakeReply {
    if (r.path === `/orgs/${this.org}/copilot/billing/seats`) return this.seatPage(r);
    const reports = `/orgs/${this.org}/copilot/metrics/reports/`;
    if (!r.path.startsWith(reports)) return { status: 404, body: this.error(404, 'Not Found') };
    if (this.metricsDisabled)
      return {
        status: this.metricsDisabled,
        body: this.error(this.metricsDisabled, 'Copilot Usage Metrics API access is disabled'),
      };
    const report = r.path.slice(reports.length);
    if (report === 'organization-28-day/latest') {
      const [start, end] = [dayAgo(28), dayAgo(1)];
      return {
        status: 200,
        body: {
          download_links: [this.downloads.link(`org-${start}-${end}.ndjson`)],
          report_start_day: start,
          report_end_day: end,
        },
      };
    }
    const day = r.query.get('day') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { status: 422, body: this.error(422, 'day') };
    if (report === 'organization-1-day')
      return {
        status: 200,
        body: {
          download_links: this.orgDays.some((d) => d.day === day)
            ? [this.downloads.link(`org-${day}-${day}.ndjson`)]
            : [],
          report_day: day,
        },
      };
    if (report === 'users-1-day')
      return {
        status: 200,
        body: {
          download_links: this.userDays.some((u) => u.day === day)
            ? Array.from({ length: this.filesPerDay }, (_, i) =>
                this.downloads.link(`users-${day}-${i}.ndjson`),
              )
            : [],
          report_day: day,
        },
      };
    return { status: 404, body: this.error(404, 'Not Found') };
  }

  private seatPage(r: FakeRequest): FakeReply {
    const page = Number(r.query.get('page') ?? 1);
    const size = Math.min(this.pageSize, Number(r.query.get('per_page') ?? 50));
    return {
      status: 200,
      body: {
        total_seats: this.seats.length,
        seats: this.seats.slice((page - 1) * size, page * size).map((s) => ({
          created_at: '2026-01-10T09:00:00Z',
          updated_at: '2026-01-10T09:00:00Z',
          pending_cancellation_date: s.pendingCancellation ? '2026-12-31' : null,
          last_activity_at: s.lastActivityAt,
          last_activity_editor: s.editor ?? null,
          plan_type: 'business',
          assignee: { login: s.login, id: 1000 + s.login.length, type: 'User' },
        })),
      },
    };
  }

  /** The NDJSON text of one report file, or null when there is no such file. */
  private file(name: string): string | null {
    const users = /^users-(\d{4}-\d{2}-\d{2})-(\d+)\.ndjson$/.exec(name);
    if (users) {
      const [, day, part] = users;
      const lines = this.userDays
        .filter((u) => u.day === day)
        .filter((_, i) => i % this.filesPerDay === Number(part))
        .map((u) =>
          JSON.stringify({
            day: u.day,
            organization_id: '4242',
            user_id: 7000 + u.login.length,
            user_login: u.login,
            user_initiated_interaction_count: u.interactions,
            code_generation_activity_count: u.acceptances * 2,
            code_acceptance_activity_count: u.acceptances,
            loc_added_sum: u.acceptances * 5,
            used_chat: u.interactions > 0,
            used_agent: false,
            totals_by_ide: [{ ide: 'vscode', code_acceptance_activity_count: u.acceptances }],
          }),
        );
      if (part === '0') for (let i = 0; i < this.brokenLines; i++) lines.push('{"user_login": "tr');
      return lines.join('\n') + '\n';
    }
    const org = /^org-(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})\.ndjson$/.exec(name);
    if (org) {
      const [, start, end] = org;
      const dayTotals = this.orgDays
        .filter((d) => d.day >= start && d.day <= end)
        .map((d) => ({
          day: d.day,
          organization_id: '4242',
          daily_active_users: d.dailyActive,
          weekly_active_users: d.weeklyActive,
          monthly_active_users: d.weeklyActive + 2,
          monthly_active_chat_users: Math.ceil(d.weeklyActive / 2),
          monthly_active_agent_users: 1,
          daily_active_cli_users: 0,
          user_initiated_interaction_count: d.interactions,
          code_generation_activity_count: d.generations,
          code_acceptance_activity_count: d.acceptances,
          loc_suggested_to_add_sum: d.generations * 4,
          loc_added_sum: d.acceptances * 4,
          loc_deleted_sum: 0,
          totals_by_ide: [{ ide: 'vscode', code_acceptance_activity_count: d.acceptances }],
          pull_requests: { total_created: 2, total_created_by_copilot: 1 },
        }));
      return (
        JSON.stringify({
          day_totals: dayTotals,
          organization_id: '4242',
          report_start_day: start,
          report_end_day: end,
        }) + '\n'
      );
    }
    return null;
  }
}

/**
 * The host the report links point at, as a signed blob store: the signature in the query string is
 * the only authority (403 without it), and every request is logged so a test can check that no
 * GitHub token reached it.
 */
export class FakeDownloadHost {
  readonly requests: {
    path: string;
    query: URLSearchParams;
    headers: IncomingMessage['headers'];
  }[] = [];
  private server?: Server;
  private base = '';

  link(name: string): string {
    return `${this.base}/copilot-reports/${name}?sv=2025-01-05&se=2099-01-01T00%3A00%3A00Z&sig=${signature(name)}`;
  }

  async start(file: (name: string) => string | null): Promise<void> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      this.requests.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
      const name = url.pathname.replace(/^\/copilot-reports\//, '');
      const text = file(name);
      const status =
        text === null ? 404 : url.searchParams.get('sig') !== signature(name) ? 403 : 200;
      res.writeHead(status, {
        'content-type': status === 200 ? 'application/x-ndjson' : 'application/xml',
      });
      res.end(
        status === 200
          ? text
          : `<Error><Code>${status === 403 ? 'AuthenticationFailed' : 'BlobNotFound'}</Code></Error>`,
      );
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}

function signature(name: string): string {
  return Buffer.from(`signed:${name}`).toString('base64url');
}
