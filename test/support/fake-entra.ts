import type { IncomingMessage } from 'node:http';
import { FakeAdminApi, type FakeReply, type FakeRequest } from './fake-admin-api';

export interface FakeEntraSignin {
  /** ISO time */
  at: string;
  upn: string;
  app: string;
  appId?: string;
  errorCode?: number;
  /** a token refresh by a client app: listed by Graph beta only */
  nonInteractive?: boolean;
}

export interface FakeEntraGrant {
  id: string;
  /** service principal object id */
  clientId: string;
  consentType: 'Principal' | 'AllPrincipals';
  principalId?: string;
  scope: string;
}

/**
 * A stand-in for Microsoft Entra ID as documented: the v2.0 token endpoint of the
 * client-credentials flow (form POST, AADSTS errors as {error, error_description}), then Graph
 * v1.0 with the token as Bearer: auditLogs/signIns newest first under a $filter on
 * createdDateTime and appDisplayName, oauth2PermissionGrants, servicePrincipals/{id} and users/{id};
 * collections paged by @odata.nextLink with a $skiptoken; Graph's {error: {code, message}} bodies.
 */
export class FakeEntra extends FakeAdminApi {
  signins: FakeEntraSignin[] = [];
  grants: FakeEntraGrant[] = [];
  servicePrincipals = new Map<string, { appId: string; displayName: string }>();
  users = new Map<string, { userPrincipalName: string; mail: string | null }>();
  pageSize = 2;
  /** the client secret has expired: the token endpoint says AADSTS7000222 */
  secretExpired = false;
  /** the filters the sign-in queries carried (v1.0) */
  readonly filters: string[] = [];
  /** the filters the beta sign-in queries carried */
  readonly betaFilters: string[] = [];
  private issued = new Set<string>();

  constructor(
    readonly tenant: string,
    readonly clientId: string,
    readonly secret: string,
  ) {
    super();
  }

  protected authorised(h: IncomingMessage['headers'], path: string): boolean {
    if (path.endsWith('/oauth2/v2.0/token')) return true;
    return this.issued.has((h.authorization ?? '').replace(/^Bearer /, ''));
  }

  protected error(status: number, message: string) {
    const code =
      status === 401
        ? 'InvalidAuthenticationToken'
        : status === 403
          ? 'Authorization_RequestDenied'
          : status === 429
            ? 'TooManyRequests'
            : 'Request_ResourceNotFound';
    return {
      error: {
        code,
        message: status === 403 ? 'Insufficient privileges to complete the operation.' : message,
        innerError: {
          date: '2026-11-29T10:00:00',
          'request-id': 'r-1',
          'client-request-id': 'c-1',
        },
      },
    };
  }

  protected route(r: FakeRequest): FakeReply {
    if (r.path === `/${this.tenant}/oauth2/v2.0/token`) return this.token(r);
    if (r.path === '/v1.0/auditLogs/signIns') return this.signinPage(r, false);
    if (r.path === '/beta/auditLogs/signIns') return this.signinPage(r, true);
    if (r.path === '/v1.0/oauth2PermissionGrants')
      return this.page(
        r,
        this.grants.map((g) => ({
          ...g,
          resourceId: 'graph-sp',
          principalId: g.principalId ?? null,
        })),
      );
    const sp = /^\/v1\.0\/servicePrincipals\/([^/]+)$/.exec(r.path);
    if (sp) {
      const found = this.servicePrincipals.get(decodeURIComponent(sp[1]));
      return found
        ? { status: 200, body: { id: sp[1], ...found } }
        : { status: 404, body: this.error(404, `Resource '${sp[1]}' does not exist`) };
    }
    const user = /^\/v1\.0\/users\/([^/]+)$/.exec(r.path);
    if (user) {
      const found = this.users.get(decodeURIComponent(user[1]));
      return found
        ? { status: 200, body: { id: user[1], ...found } }
        : { status: 404, body: this.error(404, `Resource '${user[1]}' does not exist`) };
    }
    return { status: 404, body: this.error(404, `no route ${r.path}`) };
  }

  private token(r: FakeRequest): FakeReply {
    const form = new URLSearchParams(r.body);
    const bad = (error: string, description: string): FakeReply => ({
      status: 401,
      body: { error, error_description: description, error_codes: [7000215] },
    });
    if (r.method !== 'POST' || form.get('grant_type') !== 'client_credentials')
      return { status: 400, body: { error: 'unsupported_grant_type' } };
    if (form.get('client_id') !== this.clientId)
      return {
        status: 400,
        body: {
          error: 'unauthorized_client',
          error_description: 'AADSTS700016: Application not found',
        },
      };
    if (this.secretExpired)
      return bad(
        'invalid_client',
        'AADSTS7000222: The provided client secret keys for app are expired.',
      );
    if (form.get('client_secret') !== this.secret)
      return bad('invalid_client', 'AADSTS7000215: Invalid client secret provided.');
    if (form.get('scope') !== 'https://graph.microsoft.com/.default')
      return { status: 400, body: { error: 'invalid_scope' } };
    const token = `eyJ0eXAi.fake.${this.issued.size + 1}`;
    this.issued.add(token);
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token },
    };
  }

  /**
   * v1.0 lists interactive sign-ins only; beta lists both kinds, narrowed by a filter on
   * signInEventTypes, and says which each is (isInteractive, signInEventTypes).
   */
  private signinPage(r: FakeRequest, beta: boolean): FakeReply {
    const filter = r.query.get('$filter') ?? '';
    if (r.query.get('$skiptoken') === null) (beta ? this.betaFilters : this.filters).push(filter);
    const kind = /signInEventTypes\/any\(t: t eq '(\w+)'\)/.exec(filter)?.[1];
    const wanted = (s: FakeEntraSignin) =>
      beta
        ? kind === undefined || (kind === 'nonInteractiveUser') === !!s.nonInteractive
        : !s.nonInteractive;
    const since = /createdDateTime ge (\S+)/.exec(filter)?.[1] ?? '';
    const apps = [...filter.matchAll(/appDisplayName eq '((?:[^']|'')*)'/g)].map((m) =>
      m[1].replace(/''/g, "'").toLowerCase(),
    );
    const rows = this.signins
      .filter((s) => wanted(s) && s.at >= since)
      .filter((s) => apps.length === 0 || apps.includes(s.app.toLowerCase()))
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((s, i) => ({
        id: `66ea54eb-${i}`,
        createdDateTime: s.at,
        userDisplayName: s.upn.split('@')[0],
        userPrincipalName: s.upn,
        userId: `u-${s.upn}`,
        appId: s.appId ?? `app-${s.app}`,
        appDisplayName: s.app,
        ipAddress: '198.51.100.23',
        clientAppUsed: s.nonInteractive ? 'Mobile Apps and Desktop clients' : 'Browser',
        ...(beta
          ? {
              isInteractive: !s.nonInteractive,
              signInEventTypes: [s.nonInteractive ? 'nonInteractiveUser' : 'interactiveUser'],
            }
          : {}),
        status: {
          errorCode: s.errorCode ?? 0,
          failureReason: s.errorCode ? 'Invalid password' : null,
        },
        location: { city: 'Berlin', countryOrRegion: 'DE' },
      }));
    return this.page(r, rows);
  }

  /** One page of a collection and, while more follow, its @odata.nextLink. */
  private page(r: FakeRequest, all: unknown[]): FakeReply {
    const skip = Number(r.query.get('$skiptoken') ?? 0);
    const top = Math.min(Number(r.query.get('$top') ?? 100), this.pageSize);
    const value = all.slice(skip, skip + top);
    const body: Record<string, unknown> = {
      '@odata.context': `${this.base}/v1.0/$metadata`,
      value,
    };
    if (skip + top < all.length) {
      const next = new URL(r.path, this.base);
      for (const [k, v] of r.query) if (k !== '$skiptoken') next.searchParams.set(k, v);
      next.searchParams.set('$skiptoken', String(skip + top));
      body['@odata.nextLink'] = next.toString();
    }
    return { status: 200, body };
  }
}
