import { DomainError, ErrorCode } from '../../../common/domain-error';
import type {
  ConnectorBatch,
  ConnectorContext,
  VendorConnector,
  VendorSeat,
  VendorUsageDay,
} from '../connector.types';
import { dayOf, daysBetween } from './connector-days';

// GitHub REST API, version 2022-11-28, Bearer token. Seats:
// https://docs.github.com/en/rest/copilot/copilot-user-management (GET /orgs/{org}/copilot/billing/seats,
// paged by page / per_page ≤ 100 against total_seats). Use: the Copilot usage metrics reports,
// https://docs.github.com/en/rest/copilot/copilot-usage-metrics (GET
// /orgs/{org}/copilot/metrics/reports/users-1-day?day=YYYY-MM-DD answers {download_links,
// report_day}; each link is a signed NDJSON file, one line per user, fields as in
// https://docs.github.com/en/copilot/reference/copilot-usage-metrics/example-schema). The legacy
// /orgs/{org}/copilot/metrics endpoint is closing down and is not read. Reports cover complete
// days only, so a run reads up to yesterday and the next run goes on from the day after.

export interface CopilotSeat {
  assignee?: { login?: string; type?: string } | null;
  last_activity_at?: string | null;
  last_activity_editor?: string | null;
  pending_cancellation_date?: string | null;
  plan_type?: string;
}

export interface CopilotUserDay {
  day?: string;
  user_login?: string;
  user_initiated_interaction_count?: number;
  code_generation_activity_count?: number;
  code_acceptance_activity_count?: number;
  loc_added_sum?: number;
  used_agent?: boolean;
  used_chat?: boolean;
  totals_by_ide?: { ide?: string }[];
}

const SEATS_PERMISSION = 'GitHub Copilot Business: read (classic token: manage_billing:copilot)';
const METRICS_PERMISSION = 'View Organization Copilot Metrics (classic token: read:org)';
/** a first run reads the last 28 days, as GitHub's own 28-day report does */
const FIRST_RUN_DAYS = 28;
const TOOL = 'github-copilot';

function orgOf(ctx: ConnectorContext): string {
  if (!ctx.org)
    throw new DomainError(
      ErrorCode.InvalidInput,
      'github-copilot: no organisation: pass --org or set GITHUB_ORG',
    );
  return encodeURIComponent(ctx.org);
}

export const githubCopilotConnector: VendorConnector = {
  id: 'github-copilot',
  name: 'GitHub Copilot',
  credentialEnv: 'GITHUB_TOKEN',
  defaultApiUrl: 'https://api.github.com',
  signals: ['seat', 'vendor-usage'],
  authorization: (token) => ({
    authorization: `Bearer ${token}`,
    'x-github-api-version': '2022-11-28',
  }),

  async testConnection(ctx) {
    await ctx.http.json(`/orgs/${orgOf(ctx)}/copilot/billing/seats`, {
      query: { per_page: 1 },
      permission: SEATS_PERMISSION,
    });
  },

  async *sync(ctx: ConnectorContext): AsyncGenerator<ConnectorBatch> {
    const org = orgOf(ctx);
    const seats: VendorSeat[] = [];
    for (let page = 1, read = 0; ; page++) {
      const res = await ctx.http.json<{ total_seats?: number; seats?: CopilotSeat[] }>(
        `/orgs/${org}/copilot/billing/seats`,
        { query: { per_page: 100, page }, permission: SEATS_PERMISSION },
      );
      const got = res.seats ?? [];
      read += got.length;
      seats.push(...got.flatMap(copilotSeatOf));
      if (got.length === 0 || read >= (res.total_seats ?? 0)) break;
    }
    yield { seats, seatsComplete: true };

    const yesterday = dayOf(new Date(ctx.now.getTime() - 86_400_000));
    const from =
      typeof ctx.cursor?.lastDay === 'string'
        ? dayOf(new Date(Date.parse(`${ctx.cursor.lastDay}T00:00:00Z`) + 86_400_000))
        : dayOf(new Date(ctx.now.getTime() - FIRST_RUN_DAYS * 86_400_000));
    for (const [day] of daysBetween(from, yesterday, 1)) {
      const report = await ctx.http.json<{ download_links?: string[]; report_day?: string }>(
        `/orgs/${org}/copilot/metrics/reports/users-1-day`,
        { query: { day }, permission: METRICS_PERMISSION },
      );
      const usage: VendorUsageDay[] = [];
      for (const link of report.download_links ?? []) {
        const text = await ctx.http.download(link, METRICS_PERMISSION);
        usage.push(...parseCopilotUserReport(text, day));
      }
      // a day is stored whole (every file of it) before the cursor passes it
      yield { usage, cursor: { lastDay: day } };
    }
  },
};

/** A seat names a GitHub login, not an e-mail: the identity kind says so. */
export function copilotSeatOf(s: CopilotSeat): VendorSeat[] {
  const login = s.assignee?.login;
  if (!login || (s.assignee?.type && s.assignee.type !== 'User')) return [];
  const last = s.last_activity_at ? Date.parse(s.last_activity_at) : NaN;
  return [
    {
      toolId: TOOL,
      email: login.toLowerCase(),
      identityKind: 'github',
      status: s.pending_cancellation_date ? 'pending cancellation' : 'active',
      lastActiveDay: Number.isNaN(last) ? null : dayOf(new Date(last)),
      detail: {
        ...(s.plan_type ? { plan: s.plan_type } : {}),
        ...(s.last_activity_editor ? { lastEditor: s.last_activity_editor } : {}),
      },
    },
  ];
}

/**
 * The per-user NDJSON report of one day: a user's interactions (chat, agent, CLI prompts) plus
 * accepted code are the count. Blank lines are skipped; a line that is not JSON names its number.
 */
export function parseCopilotUserReport(ndjson: string, askedDay: string): VendorUsageDay[] {
  const out: VendorUsageDay[] = [];
  ndjson.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let row: CopilotUserDay;
    try {
      row = JSON.parse(line) as CopilotUserDay;
    } catch {
      throw new DomainError(
        ErrorCode.ConnectorUnavailable,
        `github-copilot: users report of ${askedDay}, line ${i + 1}: not JSON`,
      );
    }
    const login = row.user_login;
    if (!login) return;
    const interactions = row.user_initiated_interaction_count ?? 0;
    const accepted = row.code_acceptance_activity_count ?? 0;
    const count = interactions + accepted;
    if (count === 0) return;
    const ides = [...new Set((row.totals_by_ide ?? []).map((t) => t.ide).filter(Boolean))];
    out.push({
      toolId: TOOL,
      email: login.toLowerCase(),
      identityKind: 'github',
      day: /^\d{4}-\d{2}-\d{2}$/.test(row.day ?? '') ? row.day! : askedDay,
      count,
      detail: {
        counts: 'interactions and accepted code',
        interactions,
        acceptances: accepted,
        generations: row.code_generation_activity_count ?? 0,
        linesAdded: row.loc_added_sum ?? 0,
        usedChat: !!row.used_chat,
        usedAgent: !!row.used_agent,
        ...(ides.length ? { ides: ides.join(', ') } : {}),
      },
    });
  });
  return out;
}
