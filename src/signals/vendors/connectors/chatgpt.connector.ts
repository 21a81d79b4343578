import { DomainError, ErrorCode } from '../../../common/domain-error';
import type {
  ConnectorBatch,
  ConnectorContext,
  VendorConnector,
  VendorSeat,
} from '../connector.types';

// ChatGPT Enterprise / Edu workspace members through OpenAI's Compliance API
// (https://api.chatgpt.com/v1, reference at https://chatgpt.com/admin/api-reference):
// GET /compliance/workspaces/{workspace_id}/users, paged by after / has_more / last_id (limit ≤ 200),
// a Compliance API key as Bearer. Each member of the workspace holds a seat of the organisation's
// own ChatGPT tenant; only the member list is read, never a conversation.

export interface ChatGptMember {
  id: string;
  email?: string | null;
  name?: string | null;
  role?: string | null;
  status?: string | null;
  created_at?: number | null;
}

const PERMISSION =
  'a Compliance API key of the workspace with read access to users (chatgpt.enterprise.compliance_export read)';
const TOOL = 'chatgpt';

function workspaceOf(ctx: ConnectorContext): string {
  if (!ctx.org)
    throw new DomainError(
      ErrorCode.InvalidInput,
      'chatgpt: no workspace: set CHATGPT_WORKSPACE_ID (ChatGPT admin → workspace details)',
    );
  return encodeURIComponent(ctx.org);
}

export const chatgptConnector: VendorConnector = {
  id: 'chatgpt',
  name: 'ChatGPT Enterprise (workspace members)',
  credentialEnv: 'CHATGPT_COMPLIANCE_KEY',
  defaultApiUrl: 'https://api.chatgpt.com',
  signals: ['seat'],
  authorization: (key) => ({ authorization: `Bearer ${key}` }),

  async testConnection(ctx) {
    await ctx.http.json(`/v1/compliance/workspaces/${workspaceOf(ctx)}/users`, {
      query: { limit: 1 },
      permission: PERMISSION,
    });
  },

  async *sync(ctx: ConnectorContext): AsyncGenerator<ConnectorBatch> {
    const path = `/v1/compliance/workspaces/${workspaceOf(ctx)}/users`;
    const seats: VendorSeat[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await ctx.http.json<{
        data?: ChatGptMember[];
        has_more?: boolean;
        last_id?: string | null;
      }>(path, { query: { limit: 200, after }, permission: PERMISSION });
      seats.push(...(page.data ?? []).flatMap(chatgptSeatOf));
      if (!page.has_more || !page.last_id) break;
      after = page.last_id;
    }
    // the whole list was read: a member no longer in it lost the seat
    yield { seats, seatsComplete: true };
  },
};

/** A workspace member as a seat; a deactivated member's seat is removed, an invited one pending. */
export function chatgptSeatOf(m: ChatGptMember): VendorSeat[] {
  const email = m.email?.trim().toLowerCase();
  if (!email || !email.includes('@')) return [];
  const s = (m.status ?? 'active').toLowerCase();
  const status = /deactivat|remov|suspend|delet/.test(s)
    ? 'removed'
    : /pend|invit/.test(s)
      ? 'pending'
      : 'active';
  return [
    {
      toolId: TOOL,
      email,
      status,
      lastActiveDay: null,
      detail: { ...(m.role ? { role: m.role } : {}), ...(s !== status ? { vendorStatus: s } : {}) },
    },
  ];
}
