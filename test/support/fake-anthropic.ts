import type { IncomingMessage } from 'node:http';
import { FakeAdminApi, type FakeReply, type FakeRequest, pageAfter } from './fake-admin-api';

export interface FakeAnthropicUser {
  id: string;
  email: string;
  name: string;
  role: 'user' | 'developer' | 'billing' | 'admin' | 'claude_code_user';
}

export interface FakeClaudeCodeDay {
  /** YYYY-MM-DD */
  day: string;
  email?: string;
  apiKeyName?: string;
  sessions: number;
  linesAdded?: number;
  commits?: number;
}

/**
 * A stand-in for the Anthropic Admin API as documented: x-api-key plus anthropic-version,
 * GET /v1/organizations/users paged by after_id (this stand-in pages by `pageSize` whatever the
 * limit asked), GET /v1/organizations/usage_report/claude_code for one day (starting_at) paged
 * by an opaque next_page, errors as {type: "error", error: {type, message}}.
 */
export class FakeAnthropic extends FakeAdminApi {
  users: FakeAnthropicUser[] = [];
  claudeCode: FakeClaudeCodeDay[] = [];
  pageSize = 2;

  constructor(readonly key: string) {
    super();
  }

  protected authorised(h: IncomingMessage['headers']): boolean {
    return h['x-api-key'] === this.key && h['anthropic-version'] === '2023-06-01';
  }

  protected error(status: number, message: string) {
    const type =
      status === 401
        ? 'authentication_error'
        : status === 403
          ? 'permission_error'
          : 'rate_limit_error';
    return { type: 'error', error: { type, message } };
  }

  protected route(r: FakeRequest): FakeReply {
    if (r.path === '/v1/organizations/users') {
      const page = pageAfter(
        this.users.map((u) => ({ ...u, type: 'user', added_at: '2026-01-05T10:00:00Z' })),
        r.query.get('after_id'),
        Math.min(this.pageSize, Number(r.query.get('limit') ?? 20)),
      );
      return { status: 200, body: page };
    }
    if (r.path === '/v1/organizations/usage_report/claude_code') {
      const day = r.query.get('starting_at');
      if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day))
        return { status: 400, body: this.error(400, 'starting_at: YYYY-MM-DD required') };
      const rows = this.claudeCode.filter((d) => d.day === day);
      const start = Number(r.query.get('page')?.replace('page_', '') ?? 0);
      const slice = rows.slice(start, start + this.pageSize);
      const more = start + this.pageSize < rows.length;
      return {
        status: 200,
        body: {
          data: slice.map((d) => ({
            date: `${d.day}T00:00:00Z`,
            actor: d.email
              ? { type: 'user_actor', email_address: d.email }
              : { type: 'api_actor', api_key_name: d.apiKeyName ?? 'ci-key' },
            organization_id: '12345678-1234-5678-1234-567812345678',
            customer_type: 'api',
            terminal_type: 'vscode',
            core_metrics: {
              num_sessions: d.sessions,
              lines_of_code: { added: d.linesAdded ?? 0, removed: 3 },
              commits_by_claude_code: d.commits ?? 0,
              pull_requests_by_claude_code: 0,
            },
            tool_actions: { edit_tool: { accepted: 4, rejected: 1 } },
            model_breakdown: [
              {
                model: 'claude-sonnet-4-5',
                tokens: { input: 1200, output: 300, cache_read: 0, cache_creation: 0 },
                estimated_cost: { amount: 12, currency: 'USD' },
              },
            ],
          })),
          has_more: more,
          next_page: more ? `page_${start + this.pageSize}` : null,
        },
      };
    }
    return { status: 404, body: this.error(404, 'not found') };
  }
}
