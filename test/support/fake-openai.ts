import type { IncomingMessage } from 'node:http';
import { FakeAdminApi, type FakeReply, type FakeRequest, pageAfter } from './fake-admin-api';

export interface FakeOpenAiUser {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'reader';
  projects?: string[];
  serviceAccount?: boolean;
}

export interface FakeOpenAiUsage {
  /** YYYY-MM-DD */
  day: string;
  userId: string | null;
  requests: number;
}

/**
 * A stand-in for the OpenAI Admin API as documented: Bearer admin key, GET
 * /v1/organization/users paged by after (this stand-in pages by `pageSize`), GET
 * /v1/organization/usage/completions with start_time (unix seconds), bucket_width=1d,
 * group_by=user_id, paged by an opaque next_page over daily buckets; errors as {error: {...}}.
 */
export class FakeOpenAi extends FakeAdminApi {
  users: FakeOpenAiUser[] = [];
  usage: FakeOpenAiUsage[] = [];
  pageSize = 2;
  /** daily buckets a usage page holds */
  bucketsPerPage = 3;
  /** a usage page token answered 500 every time, as an outage half-way through */
  failPage: string | null = null;

  constructor(
    readonly key: string,
    private readonly today: () => string,
  ) {
    super();
  }

  protected authorised(h: IncomingMessage['headers']): boolean {
    return h.authorization === `Bearer ${this.key}`;
  }

  protected error(status: number, message: string) {
    return {
      error: {
        message: status === 403 ? `${message}: missing scope api.usage.read` : message,
        type: 'invalid_request_error',
        code: null,
      },
    };
  }

  protected route(r: FakeRequest): FakeReply {
    if (r.path === '/v1/organization/users') {
      const page = pageAfter(
        this.users.map((u) => ({
          object: 'organization.user',
          id: u.id,
          email: u.email,
          name: u.name,
          role: u.role,
          added_at: 1767225600,
          is_service_account: !!u.serviceAccount,
          projects: {
            object: 'list',
            data: (u.projects ?? []).map((p) => ({ id: `proj_${p}`, name: p, role: 'member' })),
          },
        })),
        r.query.get('after'),
        Math.min(this.pageSize, Number(r.query.get('limit') ?? 20)),
      );
      return { status: 200, body: { object: 'list', ...page } };
    }
    if (r.path === '/v1/organization/usage/completions') {
      const start = Number(r.query.get('start_time'));
      if (!Number.isInteger(start) || r.query.get('bucket_width') !== '1d')
        return { status: 400, body: this.error(400, 'start_time and bucket_width=1d expected') };
      if (r.query.get('group_by') !== 'user_id')
        return { status: 400, body: this.error(400, 'group_by=user_id expected') };
      const days: string[] = [];
      for (let t = start * 1000; ; t += 86_400_000) {
        const d = new Date(t).toISOString().slice(0, 10);
        if (d > this.today()) break;
        days.push(d);
      }
      if (this.failPage !== null && r.query.get('page') === this.failPage)
        return { status: 500, body: this.error(500, 'internal error') };
      const from = Number(r.query.get('page') ?? 0);
      const slice = days.slice(from, from + this.bucketsPerPage);
      const more = from + this.bucketsPerPage < days.length;
      return {
        status: 200,
        body: {
          object: 'page',
          data: slice.map((d) => ({
            object: 'bucket',
            start_time: Date.parse(`${d}T00:00:00Z`) / 1000,
            end_time: Date.parse(`${d}T00:00:00Z`) / 1000 + 86_400,
            results: this.usage
              .filter((u) => u.day === d)
              .map((u) => ({
                object: 'organization.usage.completions.result',
                input_tokens: u.requests * 900,
                output_tokens: u.requests * 200,
                input_cached_tokens: 0,
                num_model_requests: u.requests,
                project_id: null,
                user_id: u.userId,
                api_key_id: null,
                model: null,
                batch: null,
              })),
          })),
          has_more: more,
          next_page: more ? String(from + this.bucketsPerPage) : null,
        },
      };
    }
    return { status: 404, body: this.error(404, 'not found') };
  }
}
