import { DomainError, ErrorCode } from '../../../common/domain-error';
import type {
  ConnectorBatch,
  ConnectorContext,
  VendorConnector,
  VendorSeat,
} from '../connector.types';
import { dayOf } from './connector-days';
import { readMetricsReports, testMetricsAccess } from './copilot-metrics-reports';

// GitHub REST API, version 2022-11-28, Bearer token. Seats:
// https://docs.github.com/en/rest/copilot/copilot-user-management (GET /orgs/{org}/copilot/billing/seats,
// paged by page / per_page ≤ 100 against total_seats). Use: the Copilot usage metrics reports,
// https://docs.github.com/en/rest/copilot/copilot-usage-metrics, read in copilot-metrics-reports.ts.
// The legacy /orgs/{org}/copilot/metrics endpoint is closing down and is not read.

export interface CopilotSeat {
  assignee?: { login?: string; type?: string } | null;
  last_activity_at?: string | null;
  last_activity_editor?: string | null;
  pending_cancellation_date?: string | null;
  plan_type?: string;
}

const SEATS_PERMISSION = 'GitHub Copilot Business: read (classic token: manage_billing:copilot)';
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
    // the usage reports need their own permission and policy: a test names them too
    await testMetricsAccess(ctx, orgOf(ctx));
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

    yield* readMetricsReports(ctx, org);
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
