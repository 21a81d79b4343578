import type {
  ConnectorBatch,
  ConnectorContext,
  VendorConnector,
  VendorSeat,
  VendorUsageDay,
} from '../connector.types';
import { dayOf, daysBetween } from './connector-days';

// Anthropic Admin API (https://platform.claude.com/docs/en/api/admin/users/list and
// https://platform.claude.com/docs/en/api/admin/usage_report/retrieve_claude_code.md): an Admin
// key (sk-ant-admin…) in x-api-key with anthropic-version 2023-06-01. Members by
// GET /v1/organizations/users, paged by after_id / has_more / last_id (limit ≤ 100); Claude Code
// use by GET /v1/organizations/usage_report/claude_code?starting_at=YYYY-MM-DD, one day per call,
// paged by the opaque next_page / has_more (limit ≤ 1000). Only counts are kept, never content.

export interface AnthropicUser {
  id: string;
  email?: string;
  name?: string;
  /** user, developer, billing, admin, claude_code_user */
  role?: string;
  added_at?: string;
}

export interface ClaudeCodeRecord {
  date?: string;
  actor?: { type?: string; email_address?: string; api_key_name?: string };
  core_metrics?: {
    num_sessions?: number;
    commits_by_claude_code?: number;
    pull_requests_by_claude_code?: number;
    lines_of_code?: { added?: number; removed?: number };
  };
  customer_type?: string;
  tool_actions?: Record<string, { accepted?: number; rejected?: number }>;
}

const USERS_PERMISSION = 'Admin API key (organization users: read)';
const USAGE_PERMISSION = 'Admin API key (Claude Code usage report)';
/** how far back a first run reads */
const FIRST_RUN_DAYS = 30;

export const anthropicConnector: VendorConnector = {
  id: 'anthropic',
  name: 'Anthropic (Claude Console and Claude Code)',
  credentialEnv: 'ANTHROPIC_ADMIN_KEY',
  defaultApiUrl: 'https://api.anthropic.com',
  signals: ['seat', 'vendor-usage'],
  authorization: (key) => ({ 'x-api-key': key, 'anthropic-version': '2023-06-01' }),

  async testConnection(ctx) {
    await ctx.http.json('/v1/organizations/users', {
      query: { limit: 1 },
      permission: USERS_PERMISSION,
    });
  },

  async *sync(ctx: ConnectorContext): AsyncGenerator<ConnectorBatch> {
    const seats: VendorSeat[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await ctx.http.json<{
        data?: AnthropicUser[];
        has_more?: boolean;
        last_id?: string | null;
      }>('/v1/organizations/users', {
        query: { limit: 100, after_id: after },
        permission: USERS_PERMISSION,
      });
      seats.push(...(page.data ?? []).flatMap(anthropicSeatOf));
      if (!page.has_more || !page.last_id) break;
      after = page.last_id;
    }
    // the member list is complete only once every page is read
    yield { seats, seatsComplete: true };

    const today = dayOf(ctx.now);
    // the last day read may have been partial: read it again (evidence fingerprints make it safe)
    const from =
      typeof ctx.cursor?.lastDay === 'string'
        ? ctx.cursor.lastDay
        : dayOf(new Date(ctx.now.getTime() - (FIRST_RUN_DAYS - 1) * 86_400_000));
    for (const [day] of daysBetween(from, today, 1)) {
      const usage: VendorUsageDay[] = [];
      let next: string | undefined;
      for (;;) {
        const page = await ctx.http.json<{
          data?: ClaudeCodeRecord[];
          has_more?: boolean;
          next_page?: string | null;
        }>('/v1/organizations/usage_report/claude_code', {
          query: { starting_at: day, limit: 1000, page: next },
          permission: USAGE_PERMISSION,
        });
        usage.push(...(page.data ?? []).flatMap((r) => claudeCodeUsageOf(r, day)));
        if (!page.has_more || !page.next_page) break;
        next = page.next_page;
      }
      // a day is committed whole: the cursor never passes a day whose pages were not all stored
      yield { usage, cursor: { lastDay: day } };
    }
  },
};

/**
 * A member of the Console organisation holds a seat of the Anthropic API platform; the
 * claude_code_user role is the seat Anthropic sells for Claude Code alone.
 */
export function anthropicSeatOf(u: AnthropicUser): VendorSeat[] {
  if (typeof u.email !== 'string' || !u.email.includes('@')) return [];
  return [
    {
      toolId: u.role === 'claude_code_user' ? 'claude-code' : 'anthropic-api',
      email: u.email.toLowerCase(),
      status: 'active',
      lastActiveDay: null,
      detail: u.role ? { role: u.role } : {},
    },
  ];
}

/**
 * One user's Claude Code day: sessions are the count; lines, commits, pull requests and accepted
 * edits go to the detail. A record of an API key (api_actor) names no person and is left out.
 */
export function claudeCodeUsageOf(r: ClaudeCodeRecord, askedDay: string): VendorUsageDay[] {
  const byUser = !r.actor?.type || r.actor.type === 'user_actor';
  const email = byUser ? r.actor?.email_address : undefined;
  if (!email || !email.includes('@')) return [];
  const m = r.core_metrics ?? {};
  const accepted = Object.values(r.tool_actions ?? {}).reduce((a, t) => a + (t.accepted ?? 0), 0);
  const sessions = m.num_sessions ?? 0;
  const count = sessions || accepted;
  if (count === 0) return [];
  const day = /^\d{4}-\d{2}-\d{2}/.test(r.date ?? '') ? r.date!.slice(0, 10) : askedDay;
  return [
    {
      toolId: 'claude-code',
      email: email.toLowerCase(),
      day,
      count,
      detail: {
        counts: sessions ? 'sessions' : 'accepted edits',
        sessions,
        linesAdded: m.lines_of_code?.added ?? 0,
        linesRemoved: m.lines_of_code?.removed ?? 0,
        commits: m.commits_by_claude_code ?? 0,
        pullRequests: m.pull_requests_by_claude_code ?? 0,
        acceptedEdits: accepted,
        ...(r.customer_type ? { customerType: r.customer_type } : {}),
      },
    },
  ];
}
