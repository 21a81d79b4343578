import type { IncomingMessage } from 'node:http';
import { FakeAdminApi, type FakeReply, type FakeRequest, pageAfter } from './fake-admin-api';

export interface FakeChatGptMember {
  id: string;
  email: string;
  name: string;
  role: 'account-owner' | 'account-admin' | 'standard-user';
  status: 'active' | 'pending' | 'deactivated';
}

/**
 * A stand-in for OpenAI's ChatGPT Compliance API as documented: a Compliance API key as Bearer,
 * GET /v1/compliance/workspaces/{workspace_id}/users paged by after / has_more / last_id (this
 * stand-in pages by `pageSize` whatever the limit asked), OpenAI's {error: {message, type, code}}.
 */
export class FakeChatGpt extends FakeAdminApi {
  members: FakeChatGptMember[] = [];
  pageSize = 2;

  constructor(
    readonly key: string,
    readonly workspace: string,
  ) {
    super();
  }

  protected authorised(h: IncomingMessage['headers']): boolean {
    return h.authorization === `Bearer ${this.key}`;
  }

  protected error(status: number, message: string) {
    const type =
      status === 401
        ? 'invalid_request_error'
        : status === 403
          ? 'insufficient_permissions'
          : 'rate_limit_exceeded';
    return { error: { message, type, param: null, code: type } };
  }

  protected route(r: FakeRequest): FakeReply {
    if (r.path !== `/v1/compliance/workspaces/${this.workspace}/users`)
      return { status: 404, body: this.error(404, `no workspace at ${r.path}`) };
    const page = pageAfter(
      this.members.map((m) => ({
        object: 'compliance.workspace.user',
        ...m,
        created_at: 1767225600,
      })),
      r.query.get('after'),
      Math.min(this.pageSize, Number(r.query.get('limit') ?? 200)),
    );
    return { status: 200, body: { object: 'list', ...page } };
  }
}
