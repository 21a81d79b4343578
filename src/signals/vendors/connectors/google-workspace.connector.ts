import type { ConnectorBatch, ConnectorContext, VendorConnector } from '../connector.types';
import { grantsOf, type TokenActivity } from './google-token-events';
import { importGoogleTokenExport } from './google-workspace-export';

// Google Workspace Admin SDK Reports API, OAuth token activity
// (https://developers.google.com/workspace/admin/reports/v1/guides/manage-audit-tokens, event
// names in https://developers.google.com/workspace/admin/reports/v1/appendix/activity/token):
// GET /admin/reports/v1/activity/users/all/applications/token, newest first, paged by
// nextPageToken, bounded by startTime. Each `authorize` event carries client_id, app_name and the
// granted scopes (multiValue). The credential is an OAuth access token of a service account with
// domain-wide delegation and the scope below, impersonating an administrator.

const SCOPE = 'https://www.googleapis.com/auth/admin.reports.audit.readonly';
const PATH = '/admin/reports/v1/activity/users/all/applications/token';
const PAGE_SIZE = 1000;
/** the Reports API may publish an event hours after it happened: each run re-reads this much */
const LAG_MS = 60 * 60 * 1000;

interface TokenActivities {
  items?: TokenActivity[];
  nextPageToken?: string;
}

export const googleWorkspaceConnector: VendorConnector = {
  id: 'google-workspace',
  name: 'Google Workspace (OAuth token grants)',
  credentialEnv: 'GOOGLE_ADMIN_TOKEN',
  defaultApiUrl: 'https://admin.googleapis.com',
  signals: ['oauth-grant'],
  exportFormats: 'the OAuth log events export (CSV), or token activities as JSON',
  importFile: (text) => importGoogleTokenExport(text),
  authorization: (token) => ({ authorization: `Bearer ${token}` }),

  async testConnection(ctx) {
    await ctx.http.json(PATH, { query: { maxResults: 1 }, permission: SCOPE });
  },

  async *sync(ctx: ConnectorContext): AsyncGenerator<ConnectorBatch> {
    const since = typeof ctx.cursor?.startTime === 'string' ? ctx.cursor.startTime : undefined;
    const startTime = since
      ? new Date(Math.max(0, Date.parse(since) - LAG_MS)).toISOString()
      : undefined;
    // Pages come newest first: the cursor moves only once the whole window is stored.
    let newest = since ?? null;
    let pageToken: string | undefined;
    do {
      const page = await ctx.http.json<TokenActivities>(PATH, {
        query: { eventName: 'authorize', maxResults: PAGE_SIZE, startTime, pageToken },
        permission: SCOPE,
      });
      for (const item of page.items ?? []) {
        const t = item.id?.time;
        if (t && !Number.isNaN(Date.parse(t)) && (!newest || t > newest)) newest = t;
      }
      pageToken = page.nextPageToken || undefined;
      yield {
        grants: (page.items ?? []).flatMap(grantsOf),
        ...(pageToken ? {} : { cursor: newest ? { startTime: newest } : undefined }),
      };
    } while (pageToken);
  },
};
