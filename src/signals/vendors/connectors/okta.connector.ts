import { DomainError, ErrorCode } from '../../../common/domain-error';
import type {
  ConnectorBatch,
  ConnectorContext,
  SsoSignin,
  VendorConnector,
} from '../connector.types';
import { dayOf } from './connector-days';
import { type OktaLogEvent, signinsOf } from './okta-events';
import { addSignins } from './sso-totals';
import { importOktaExport } from './okta-export';

// Okta System Log API (https://developer.okta.com/docs/reference/api/system-log/): GET /api/v1/logs
// on the organisation's own URL, `Authorization: SSWS <API token>`, a SCIM filter on eventType,
// `since` and ascending order; pages follow the `Link: <…>; rel="next"` header, and when polling
// with `since` an empty page is the end. `user.authentication.sso` names the app in its
// AppInstance target. Only the actor, the app and the day are kept: no IP, no client details.

const PERMISSION = 'okta.logs.read (an API token of a read-only administrator or higher)';
const PATH = '/api/v1/logs';
const FIRST_RUN_DAYS = 30;
const PAGE_SIZE = 1000;

function orgUrl(ctx: ConnectorContext): void {
  if (!ctx.apiUrl || !/^https?:\/\//i.test(ctx.apiUrl)) {
    throw new DomainError(
      ErrorCode.InvalidInput,
      'okta: the org URL is required (e.g. https://acme.okta.com): store it with the credential or pass --api-url',
    );
  }
}

export const oktaConnector: VendorConnector = {
  id: 'okta',
  name: 'Okta (SSO sign-ins)',
  credentialEnv: 'OKTA_API_TOKEN',
  defaultApiUrl: '',
  signals: ['sso-signin'],
  exportFormats: 'the System Log export (CSV, or the events as JSON)',
  importFile: (text) => importOktaExport(text),
  authorization: (token) => ({ authorization: `SSWS ${token}` }),

  async testConnection(ctx) {
    orgUrl(ctx);
    await ctx.http.json(PATH, { query: { limit: 1 }, permission: PERMISSION });
  },

  async *sync(ctx: ConnectorContext): AsyncGenerator<ConnectorBatch> {
    orgUrl(ctx);
    const since =
      typeof ctx.cursor?.since === 'string'
        ? ctx.cursor.since
        : `${dayOf(new Date(ctx.now.getTime() - (FIRST_RUN_DAYS - 1) * 86_400_000))}T00:00:00.000Z`;
    // counts per person, app and day over the whole run; the cursor goes back to the start of the
    // last day read, so a day is always counted whole (its evidence is rewritten, not added)
    const totals = new Map<string, SsoSignin>();
    let next: string | null = PATH;
    let first = true;
    while (next) {
      const page: { body: OktaLogEvent[]; next: string | null } = await ctx.http.jsonWithNext<
        OktaLogEvent[]
      >(next, {
        query: first
          ? {
              since,
              sortOrder: 'ASCENDING',
              limit: PAGE_SIZE,
              filter: 'eventType eq "user.authentication.sso"',
            }
          : undefined,
        permission: PERMISSION,
      });
      first = false;
      const events = Array.isArray(page.body) ? page.body : [];
      if (events.length === 0) break;
      const touched = new Set(addSignins(totals, signinsOf(events)));
      const last = events[events.length - 1].published;
      yield {
        signins: [...touched].map((k) => ({ ...totals.get(k)! })),
        ...(last && !Number.isNaN(Date.parse(last))
          ? { cursor: { since: `${dayOf(new Date(last))}T00:00:00.000Z` } }
          : {}),
      };
      next = page.next;
    }
  },
};
