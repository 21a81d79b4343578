import type {
  ConnectorBatch,
  ConnectorContext,
  VendorConnector,
  VendorSeat,
  VendorUsageDay,
} from '../connector.types';
import { dayOf } from './connector-days';

// OpenAI Admin API (https://developers.openai.com/api/reference/resources/admin/subresources/organization/subresources/users
// and the usage API, https://cookbook.openai.com/examples/completions_usage_api): an Admin key
// (sk-admin-…) as Bearer. Users by GET /v1/organization/users, paged by after / has_more /
// last_id (limit ≤ 100), each with the projects it belongs to when the API includes them;
// completions use by GET /v1/organization/usage/completions with bucket_width=1d,
// group_by=user_id and start_time in unix seconds, paged by page / next_page (≤ 31 daily buckets
// a page). Token and request counts only. ChatGPT Enterprise workspace members are the chatgpt
// connector's (the Compliance API, with its own key).

export interface OpenAiUser {
  id: string;
  email?: string | null;
  name?: string | null;
  role?: string | null;
  is_service_account?: boolean;
  projects?: { data?: { id?: string | null; name?: string | null }[] } | null;
}

export interface OpenAiUsageBucket {
  start_time: number;
  end_time?: number;
  results?: {
    user_id?: string | null;
    num_model_requests?: number;
    input_tokens?: number;
    output_tokens?: number;
    input_cached_tokens?: number;
  }[];
}

const PERMISSION = 'Admin API key (organization users and usage: read)';
const FIRST_RUN_DAYS = 30;
const TOOL = 'openai-api';

export const openaiConnector: VendorConnector = {
  id: 'openai',
  name: 'OpenAI (API platform)',
  credentialEnv: 'OPENAI_ADMIN_KEY',
  defaultApiUrl: 'https://api.openai.com',
  signals: ['seat', 'vendor-usage'],
  authorization: (key) => ({ authorization: `Bearer ${key}` }),

  async testConnection(ctx) {
    await ctx.http.json('/v1/organization/users', { query: { limit: 1 }, permission: PERMISSION });
  },

  async *sync(ctx: ConnectorContext): AsyncGenerator<ConnectorBatch> {
    const users: OpenAiUser[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await ctx.http.json<{
        data?: OpenAiUser[];
        has_more?: boolean;
        last_id?: string | null;
      }>('/v1/organization/users', { query: { limit: 100, after }, permission: PERMISSION });
      users.push(...(page.data ?? []));
      if (!page.has_more || !page.last_id) break;
      after = page.last_id;
    }
    yield { seats: users.flatMap(openAiSeatOf), seatsComplete: true };

    const emailOf = new Map(
      users.filter((u) => u.email?.includes('@')).map((u) => [u.id, u.email!.toLowerCase()]),
    );
    // the last day read may have been partial: read it again (evidence fingerprints make it safe)
    const from =
      typeof ctx.cursor?.lastDay === 'string'
        ? ctx.cursor.lastDay
        : dayOf(new Date(ctx.now.getTime() - (FIRST_RUN_DAYS - 1) * 86_400_000));
    let next: string | undefined;
    for (;;) {
      const page = await ctx.http.json<{
        data?: OpenAiUsageBucket[];
        has_more?: boolean;
        next_page?: string | null;
      }>('/v1/organization/usage/completions', {
        query: {
          start_time: Date.parse(`${from}T00:00:00Z`) / 1000,
          bucket_width: '1d',
          group_by: 'user_id',
          limit: 31,
          page: next,
        },
        permission: PERMISSION,
      });
      const buckets = page.data ?? [];
      const last = buckets.at(-1);
      yield {
        usage: buckets.flatMap((b) => openAiUsageOf(b, emailOf)),
        ...(last ? { cursor: { lastDay: dayOf(new Date(last.start_time * 1000)) } } : {}),
      };
      if (!page.has_more || !page.next_page) break;
      next = page.next_page;
    }
  },
};

/** A user of the organisation holds a seat of the API platform; service accounts are no person. */
export function openAiSeatOf(u: OpenAiUser): VendorSeat[] {
  if (u.is_service_account || !u.email || !u.email.includes('@')) return [];
  const projects = (u.projects?.data ?? []).map((p) => p.name ?? p.id).filter(Boolean);
  return [
    {
      toolId: TOOL,
      email: u.email.toLowerCase(),
      status: 'active',
      lastActiveDay: null,
      detail: {
        ...(u.role ? { role: u.role } : {}),
        ...(projects.length ? { projects: projects.join(', ') } : {}),
      },
    },
  ];
}

/**
 * One daily bucket grouped by user: the model requests of each known user are that day's count.
 * Rows without a user (key-only traffic) or of a user not in the organisation's list are left out.
 */
export function openAiUsageOf(
  b: OpenAiUsageBucket,
  emailOf: Map<string, string>,
): VendorUsageDay[] {
  const day = dayOf(new Date(b.start_time * 1000));
  const out: VendorUsageDay[] = [];
  for (const r of b.results ?? []) {
    const email = r.user_id ? emailOf.get(r.user_id) : undefined;
    const count = r.num_model_requests ?? 0;
    if (!email || count === 0) continue;
    out.push({
      toolId: TOOL,
      email,
      day,
      count,
      detail: {
        counts: 'model requests',
        inputTokens: r.input_tokens ?? 0,
        outputTokens: r.output_tokens ?? 0,
      },
    });
  }
  return out;
}
