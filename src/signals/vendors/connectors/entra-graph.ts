import type { OAuthGrant, SsoSignin } from '../connector.types';
import { countSignins, signinKey } from './sso-totals';
import { toolOfApp } from './identity-apps';

// What the Entra connector keeps of Microsoft Graph's answers (v1.0): of a sign-in
// (https://learn.microsoft.com/graph/api/resources/signin) the person, the app and the day of a
// successful one (status.errorCode 0); of an OAuth2 permission grant
// (https://learn.microsoft.com/graph/api/resources/oauth2permissiongrant) the person, the app and
// the delegated scopes. No IP address, device or location is kept.

export interface GraphSignIn {
  createdDateTime?: string;
  userPrincipalName?: string | null;
  appDisplayName?: string | null;
  appId?: string | null;
  status?: { errorCode?: number | null } | null;
  /** beta only: interactiveUser, nonInteractiveUser, servicePrincipal, managedIdentity */
  signInEventTypes?: string[] | null;
  isInteractive?: boolean | null;
}

export interface GraphPermissionGrant {
  id: string;
  /** the object id of the client app's service principal */
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal' | string;
  /** the user who consented, for consentType Principal */
  principalId?: string | null;
  scope?: string | null;
}

/** Successful sign-ins to AI apps, counted per person, app and day. */
export function entraSigninsOf(signins: GraphSignIn[]): SsoSignin[] {
  return countSignins(
    signins
      .filter((s) => (s.status?.errorCode ?? 0) === 0)
      .map((s) => ({
        email: s.userPrincipalName,
        time: s.createdDateTime,
        appName: s.appDisplayName,
        appId: s.appId,
      })),
  );
}

/**
 * Non-interactive sign-ins (a client app refreshing the person's token) counted per person, app
 * and day, less the (tool, person, day) an interactive sign-in already shows: those add nothing.
 */
export function entraNonInteractiveOf(
  signins: GraphSignIn[],
  interactive: ReadonlySet<string>,
): SsoSignin[] {
  return entraSigninsOf(signins.filter((s) => s.isInteractive !== true))
    .filter((s) => !interactive.has(signinKey(s)))
    .map((s) => ({ ...s, interactive: false }));
}

/** A person's consent to an AI app, with its delegated scopes (space-separated in Graph). */
export function entraGrantOf(
  g: GraphPermissionGrant,
  app: { appId?: string; displayName?: string },
  email: string,
  day: string,
): OAuthGrant | null {
  const appName = app.displayName?.trim() ?? '';
  const toolId = appName ? toolOfApp({ appName, clientId: app.appId }) : null;
  if (!toolId || !email.includes('@')) return null;
  return {
    toolId,
    email: email.toLowerCase(),
    clientId: app.appId ?? g.clientId,
    appName,
    scopes: (g.scope ?? '').split(/\s+/).filter(Boolean),
    day,
  };
}
