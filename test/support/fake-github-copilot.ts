import type { IncomingMessage } from 'node:http';
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

/**
 * A stand-in for the GitHub REST API's Copilot endpoints as documented: Bearer token and
 * X-GitHub-Api-Version, GET /orgs/{org}/copilot/billing/seats paged by page / per_page (this
 * stand-in by `pageSize`) with total_seats, GET /orgs/{org}/copilot/metrics/reports/users-1-day
 * answering {download_links, report_day} whose signed links (served here too, under
 * /downloads/, no token needed) are NDJSON files of `filesPerDay` parts.
 */
export class FakeGitHubCopilot extends FakeAdminApi {
  seats: FakeCopilotSeat[] = [];
  userDays: FakeCopilotUserDay[] = [];
  pageSize = 2;
  filesPerDay = 2;

  constructor(
    readonly token: string,
    readonly org: string,
  ) {
    super();
  }

  protected authorised(h: IncomingMessage['headers'], path: string): boolean {
    if (path.startsWith('/downloads/')) return true; // a signed link is its own authority
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
    if (r.path === `/orgs/${this.org}/copilot/billing/seats`) {
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
    if (r.path === `/orgs/${this.org}/copilot/metrics/reports/users-1-day`) {
      const day = r.query.get('day') ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { status: 422, body: this.error(422, 'day') };
      const any = this.userDays.some((u) => u.day === day);
      return {
        status: 200,
        body: {
          download_links: any
            ? Array.from(
                { length: this.filesPerDay },
                (_, i) => `${this.base}/downloads/users-${day}-${i}.ndjson?sig=signed${i}`,
              )
            : [],
          report_day: day,
        },
      };
    }
    const file = /^\/downloads\/users-(\d{4}-\d{2}-\d{2})-(\d+)\.ndjson$/.exec(r.path);
    if (file) {
      const [, day, part] = file;
      const rows = this.userDays
        .filter((u) => u.day === day)
        .filter((_, i) => i % this.filesPerDay === Number(part));
      const lines = rows.map((u) =>
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
      return { status: 200, body: lines.join('\n') + '\n' };
    }
    return { status: 404, body: this.error(404, 'Not Found') };
  }
}
