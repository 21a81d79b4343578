import type {
  ConnectorBatch,
  ConnectorContext,
  VendorConnector,
  VendorUsageDay,
} from '../connector.types';
import { dayOf, daysBetween } from './connector-days';

// Cursor Admin API (https://docs.cursor.com/en/account/teams/admin-api): Basic auth with the
// team's admin API key as the user name; members by GET /teams/members, per-user daily usage by
// POST /teams/daily-usage-data over at most 30 days at a time (epoch-millisecond bounds).

interface CursorMember {
  name?: string;
  email: string;
  role?: string;
  isRemoved?: boolean;
}

interface CursorUsageRow {
  date: number;
  email?: string;
  isActive?: boolean;
  composerRequests?: number;
  chatRequests?: number;
  agentRequests?: number;
  cmdkUsages?: number;
  totalTabsAccepted?: number;
  bugbotUsages?: number;
  mostUsedModel?: string;
}

const WINDOW_DAYS = 30;
/** how far back a first run reads: the API keeps a rolling window of usage only */
const FIRST_RUN_DAYS = 30;
const TOOL = 'cursor';

export const cursorConnector: VendorConnector = {
  id: 'cursor',
  name: 'Cursor',
  credentialEnv: 'CURSOR_API_KEY',
  defaultApiUrl: 'https://api.cursor.com',
  signals: ['seat', 'vendor-usage'],
  authorization: (key) => ({
    authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
  }),

  async testConnection(ctx) {
    await ctx.http.json('/teams/members', { permission: 'team admin API key' });
  },

  async *sync(ctx: ConnectorContext): AsyncGenerator<ConnectorBatch> {
    const members = await ctx.http.json<{ teamMembers?: CursorMember[] }>('/teams/members', {
      permission: 'team admin API key',
    });
    yield {
      seats: (members.teamMembers ?? [])
        .filter((m) => typeof m.email === 'string' && m.email.includes('@'))
        .map((m) => ({
          toolId: TOOL,
          email: m.email.toLowerCase(),
          status: m.isRemoved ? 'removed' : 'active',
          lastActiveDay: null,
        })),
      seatsComplete: true,
    };
    const today = dayOf(ctx.now);
    // the last day read may have been partial: read it again (evidence fingerprints make it safe)
    const from =
      typeof ctx.cursor?.lastDay === 'string'
        ? ctx.cursor.lastDay
        : dayOf(new Date(ctx.now.getTime() - (FIRST_RUN_DAYS - 1) * 86_400_000));
    for (const [start, end] of daysBetween(from, today, WINDOW_DAYS)) {
      const page = await ctx.http.json<{ data?: CursorUsageRow[] }>('/teams/daily-usage-data', {
        method: 'POST',
        body: {
          startDate: Date.parse(`${start}T00:00:00Z`),
          endDate: Date.parse(`${end}T23:59:59.999Z`),
        },
        permission: 'team admin API key',
      });
      yield { usage: (page.data ?? []).flatMap(usageOf), cursor: { lastDay: end } };
    }
  },
};

/** A day counts as use when Cursor counted a request, an edit or an accepted completion. */
export function usageOf(row: CursorUsageRow): VendorUsageDay[] {
  if (!row.email || !Number.isFinite(row.date)) return [];
  const parts = {
    composerRequests: row.composerRequests ?? 0,
    chatRequests: row.chatRequests ?? 0,
    agentRequests: row.agentRequests ?? 0,
    cmdkUsages: row.cmdkUsages ?? 0,
    totalTabsAccepted: row.totalTabsAccepted ?? 0,
    bugbotUsages: row.bugbotUsages ?? 0,
  };
  const count = Object.values(parts).reduce((a, b) => a + b, 0);
  if (count === 0) return [];
  return [
    {
      toolId: TOOL,
      email: row.email.toLowerCase(),
      day: dayOf(new Date(row.date)),
      count,
      detail: { ...parts, ...(row.mostUsedModel ? { mostUsedModel: row.mostUsedModel } : {}) },
    },
  ];
}
