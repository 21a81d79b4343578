import { DomainError, ErrorCode } from '../../../common/domain-error';
import type {
  ConnectorBatch,
  ConnectorContext,
  OAuthGrant,
  SsoSignin,
  VendorConnector,
} from '../connector.types';
import { dayOf } from './connector-days';
import {
  entraGrantOf,
  entraNonInteractiveOf,
  entraSigninsOf,
  type GraphPermissionGrant,
  type GraphSignIn,
} from './entra-graph';
import { importEntraExport } from './entra-export';
import { knownAiAppNames, toolOfApp } from './identity-apps';
import { addSignins } from './sso-totals';

// Microsoft Entra ID through Microsoft Graph v1.0, as an app registration with application
// permissions and a client secret: a token from the OAuth2 client-credentials flow
// (POST {login}/{tenant}/oauth2/v2.0/token, scope https://graph.microsoft.com/.default), then
// - GET /v1.0/auditLogs/signIns filtered on createdDateTime and the AI apps' display names
//   (https://learn.microsoft.com/graph/api/signin-list, newest first, ≤ 1,000 a page): v1.0 lists
//   interactive sign-ins only, so
// - GET /beta/auditLogs/signIns with signInEventTypes/any(t: t eq 'nonInteractiveUser') reads the
//   non-interactive ones (token refreshes by a client app) under its own cursor, and
// - GET /v1.0/oauth2PermissionGrants (https://learn.microsoft.com/graph/api/oauth2permissiongrant-list),
//   each grant's client service principal and consenting user looked up once;
// pages follow @odata.nextLink. A grant carries no date in Graph: its day is the day this
// connector first saw it, kept in the cursor so the evidence is not repeated every day.

const GRAPH = 'https://graph.microsoft.com';
const LOGIN = 'https://login.microsoftonline.com';
const SIGNINS_PERMISSION = 'AuditLog.Read.All and Directory.Read.All (application permissions)';
const GRANTS_PERMISSION = 'DelegatedPermissionGrant.Read.All (application permission)';
const APPS_PERMISSION = 'Application.Read.All (application permission)';
const USERS_PERMISSION = 'User.Read.All (application permission)';
const FIRST_RUN_DAYS = 30;
/** app names per $filter: Graph refuses filters with too many `or` clauses */
const NAMES_PER_QUERY = 15;

interface GraphPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

export interface EntraCredential {
  tenant: string;
  clientId: string;
  secret: string;
}

/** `TENANT/CLIENT_ID:SECRET`: the tenant and app registration ids, then the client secret. */
export function entraCredential(credential: string): EntraCredential {
  const m = /^([^/:\s]+)\/([^/:\s]+):(.+)$/s.exec(credential);
  if (!m)
    throw new DomainError(
      ErrorCode.InvalidInput,
      'entra: the credential is TENANT_ID/CLIENT_ID:CLIENT_SECRET (or set ENTRA_TENANT_ID, ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET)',
    );
  return { tenant: m[1], clientId: m[2], secret: m[3] };
}

async function bearer(ctx: ConnectorContext): Promise<Record<string, string>> {
  const c = entraCredential(ctx.credential);
  const authority = ctx.apiUrl === GRAPH ? LOGIN : ctx.apiUrl;
  const res = await ctx.http.token<{ access_token?: string }>(
    `${authority}/${encodeURIComponent(c.tenant)}/oauth2/v2.0/token`,
    {
      client_id: c.clientId,
      client_secret: c.secret,
      scope: `${GRAPH}/.default`,
      grant_type: 'client_credentials',
    },
    'a client secret of the app registration that is current',
  );
  if (!res.access_token)
    throw new DomainError(
      ErrorCode.ConnectorUnavailable,
      'entra: the token endpoint gave no access_token',
    );
  return { authorization: `Bearer ${res.access_token}` };
}

/** Every page of a Graph collection, following @odata.nextLink. */
async function* pages<T>(
  ctx: ConnectorContext,
  path: string,
  query: Record<string, string | number> | undefined,
  headers: Record<string, string>,
  permission: string,
): AsyncGenerator<T[]> {
  let next: string | undefined = path;
  let first = true;
  while (next) {
    const page: GraphPage<T> = await ctx.http.json<GraphPage<T>>(next, {
      query: first ? query : undefined,
      headers,
      permission,
    });
    first = false;
    yield page.value ?? [];
    next = page['@odata.nextLink'];
  }
}

const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const entraConnector: VendorConnector = {
  id: 'entra',
  name: 'Microsoft Entra ID (sign-ins and app consents)',
  credentialEnv: 'ENTRA_CLIENT_SECRET',
  credentialFromEnv: (env) =>
    env.ENTRA_TENANT_ID && env.ENTRA_CLIENT_ID && env.ENTRA_CLIENT_SECRET
      ? `${env.ENTRA_TENANT_ID}/${env.ENTRA_CLIENT_ID}:${env.ENTRA_CLIENT_SECRET}`
      : undefined,
  defaultApiUrl: GRAPH,
  signals: ['sso-signin', 'oauth-grant'],
  authorization: () => ({}),
  exportFormats: 'the sign-in log download of the Entra admin center (CSV or JSON)',
  importFile: (text) => importEntraExport(text),

  async testConnection(ctx) {
    const headers = await bearer(ctx);
    await ctx.http.json('/v1.0/auditLogs/signIns', {
      query: { $top: 1 },
      headers,
      permission: SIGNINS_PERMISSION,
    });
  },

  async *sync(ctx: ConnectorContext): AsyncGenerator<ConnectorBatch> {
    const headers = await bearer(ctx);
    const seen: Record<string, string> =
      ctx.cursor?.grants && typeof ctx.cursor.grants === 'object'
        ? { ...(ctx.cursor.grants as Record<string, string>) }
        : {};
    const since =
      typeof ctx.cursor?.since === 'string'
        ? ctx.cursor.since
        : `${dayOf(new Date(ctx.now.getTime() - (FIRST_RUN_DAYS - 1) * 86_400_000))}T00:00:00Z`;

    const nonInteractiveSince =
      typeof ctx.cursor?.nonInteractiveSince === 'string' ? ctx.cursor.nonInteractiveSince : since;

    const grants = await readGrants(ctx, headers, seen);
    yield { grants, cursor: { since, grants: seen, nonInteractiveSince } };

    // Sign-ins come newest first: a day is written with its running total, and the cursor moves
    // (to the start of the newest day read, which the next run reads whole again) only at the end.
    const interactive = new Map<string, SsoSignin>();
    let newest = since;
    for await (const { page, newestDay } of signinPages(ctx, headers, INTERACTIVE, since)) {
      if (newestDay > newest) newest = newestDay;
      const touched = new Set(addSignins(interactive, entraSigninsOf(page)));
      yield { signins: [...touched].map((k) => ({ ...interactive.get(k)! })) };
    }
    yield { cursor: { since: newest, grants: seen, nonInteractiveSince } };

    // Non-interactive sign-ins are on Graph beta only; a (tool, person, day) an interactive
    // sign-in of this run shows is not repeated at the lower confidence. Own cursor.
    const shown = new Set(interactive.keys());
    const quiet = new Map<string, SsoSignin>();
    let newestQuiet = nonInteractiveSince;
    for await (const { page, newestDay } of signinPages(
      ctx,
      headers,
      NON_INTERACTIVE,
      nonInteractiveSince,
    )) {
      if (newestDay > newestQuiet) newestQuiet = newestDay;
      const touched = new Set(addSignins(quiet, entraNonInteractiveOf(page, shown)));
      yield { signins: [...touched].map((k) => ({ ...quiet.get(k)! })) };
    }
    yield { cursor: { since: newest, grants: seen, nonInteractiveSince: newestQuiet } };
  },
};

const INTERACTIVE = { path: '/v1.0/auditLogs/signIns', filter: '' };
const NON_INTERACTIVE = {
  path: '/beta/auditLogs/signIns',
  filter: "signInEventTypes/any(t: t eq 'nonInteractiveUser') and ",
};

/** Sign-ins to the known AI apps since `since`, page by page, with the start of the newest day read. */
async function* signinPages(
  ctx: ConnectorContext,
  headers: Record<string, string>,
  kind: { path: string; filter: string },
  since: string,
): AsyncGenerator<{ page: GraphSignIn[]; newestDay: string }> {
  const names = knownAiAppNames();
  for (let i = 0; i < names.length; i += NAMES_PER_QUERY) {
    const apps = names.slice(i, i + NAMES_PER_QUERY).map((n) => `appDisplayName eq ${quoted(n)}`);
    const query = {
      $filter: `${kind.filter}createdDateTime ge ${since} and (${apps.join(' or ')})`,
      $top: 1000,
    };
    for await (const page of pages<GraphSignIn>(
      ctx,
      kind.path,
      query,
      headers,
      SIGNINS_PERMISSION,
    )) {
      let newestDay = since;
      for (const s of page) {
        const t = s.createdDateTime ? Date.parse(s.createdDateTime) : NaN;
        if (Number.isNaN(t)) continue;
        const dayStart = `${dayOf(new Date(t))}T00:00:00Z`;
        if (dayStart > newestDay) newestDay = dayStart;
      }
      yield { page, newestDay };
    }
  }
}

/** Consents of single users to AI apps; an admin's consent for everyone names no person. */
async function readGrants(
  ctx: ConnectorContext,
  headers: Record<string, string>,
  seen: Record<string, string>,
): Promise<OAuthGrant[]> {
  const apps = new Map<string, { appId?: string; displayName?: string }>();
  const users = new Map<string, string>();
  const today = dayOf(ctx.now);
  const out: OAuthGrant[] = [];
  for await (const page of pages<GraphPermissionGrant>(
    ctx,
    '/v1.0/oauth2PermissionGrants',
    undefined,
    headers,
    GRANTS_PERMISSION,
  )) {
    for (const g of page) {
      if (g.consentType !== 'Principal' || !g.principalId || !g.clientId) continue;
      let app = apps.get(g.clientId);
      if (!app) {
        app = await ctx.http.json<{ appId?: string; displayName?: string }>(
          `/v1.0/servicePrincipals/${encodeURIComponent(g.clientId)}`,
          { query: { $select: 'id,appId,displayName' }, headers, permission: APPS_PERMISSION },
        );
        apps.set(g.clientId, app);
      }
      // only an AI app's consents cost a user look-up
      if (!toolOfApp({ appName: app.displayName ?? '', clientId: app.appId })) continue;
      let email = users.get(g.principalId);
      if (email === undefined) {
        const u = await ctx.http.json<{ userPrincipalName?: string; mail?: string | null }>(
          `/v1.0/users/${encodeURIComponent(g.principalId)}`,
          { query: { $select: 'userPrincipalName,mail' }, headers, permission: USERS_PERMISSION },
        );
        email = (u.mail || u.userPrincipalName || '').toLowerCase();
        users.set(g.principalId, email);
      }
      seen[g.id] ??= today;
      const grant = entraGrantOf(g, app, email, seen[g.id]);
      if (grant) out.push(grant);
    }
  }
  return out;
}
