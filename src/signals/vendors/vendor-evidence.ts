import { CONFIDENCE } from '../../evidence/confidence';
import type { EvidenceInput } from '../../evidence/evidence.types';
import type { OAuthGrant, SsoSignin, VendorSeat, VendorUsageDay } from './connector.types';
import { sensitiveScopes } from './connectors/identity-apps';

// The evidence rows a connector's reading becomes. Each fingerprint names the connector, tool,
// person and day, so reading the same day again (from the API or from an export) rewrites a row
// instead of adding one.

export function seatEvidence(
  connector: string,
  s: VendorSeat,
  now: Date,
  jobId: string | null,
): EvidenceInput {
  return {
    toolId: s.toolId,
    signal: 'seat',
    identityKind: s.identityKind ?? 'email',
    identityValue: s.email,
    firstSeen: now,
    lastSeen: now,
    confidence: CONFIDENCE.seat.confidence,
    sourceRunId: jobId ?? undefined,
    detail: {
      ...s.detail,
      connector,
      status: s.status,
      ...(s.lastActiveDay ? { lastActiveDay: s.lastActiveDay } : {}),
      reason: CONFIDENCE.seat.reason,
    },
    fingerprint: `seat:${connector}:${s.toolId}:${s.email}`,
  };
}

export function usageEvidence(
  connector: string,
  u: VendorUsageDay,
  jobId: string | null,
): EvidenceInput {
  const at = new Date(`${u.day}T00:00:00Z`);
  return {
    toolId: u.toolId,
    signal: 'vendor-usage',
    identityKind: u.identityKind ?? 'email',
    identityValue: u.email,
    firstSeen: at,
    lastSeen: at,
    count: u.count,
    confidence: CONFIDENCE.vendorUsage.confidence,
    sourceRunId: jobId ?? undefined,
    detail: { connector, day: u.day, ...u.detail, reason: CONFIDENCE.vendorUsage.reason },
    fingerprint: `vendor-usage:${connector}:${u.toolId}:${u.email}:${u.day}`,
  };
}

/** Grants of one client by one person on one day are one piece of evidence, with all their scopes. */
export function mergeGrants(grants: OAuthGrant[]): OAuthGrant[] {
  const out = new Map<string, OAuthGrant>();
  for (const g of grants) {
    const key = [g.toolId, g.email, g.clientId, g.day].join('\u0001');
    const seen = out.get(key);
    if (seen) seen.scopes = [...new Set([...seen.scopes, ...g.scopes])];
    else out.set(key, { ...g, scopes: [...g.scopes] });
  }
  return [...out.values()];
}

/** One grant per person, tool, OAuth client and day; the scopes are kept, tokens never are. */
export function grantEvidence(
  connector: string,
  g: OAuthGrant,
  jobId: string | null,
): EvidenceInput {
  const at = new Date(`${g.day}T00:00:00Z`);
  const scopes = [...new Set(g.scopes)].sort();
  const sensitive = sensitiveScopes(scopes);
  return {
    toolId: g.toolId,
    signal: 'oauth-grant',
    identityKind: 'email',
    identityValue: g.email,
    firstSeen: at,
    lastSeen: at,
    confidence: CONFIDENCE.oauthGrant.confidence,
    sourceRunId: jobId ?? undefined,
    detail: {
      connector,
      day: g.day,
      appName: g.appName,
      clientId: g.clientId,
      scopes,
      sensitiveScopes: sensitive.length > 0,
      ...(sensitive.length > 0 ? { sensitiveScopeList: sensitive } : {}),
      reason: CONFIDENCE.oauthGrant.reason,
    },
    fingerprint: `oauth-grant:${connector}:${g.toolId}:${g.email}:${g.clientId}:${g.day}`,
  };
}

export function signinEvidence(
  connector: string,
  s: SsoSignin,
  jobId: string | null,
): EvidenceInput {
  const at = new Date(`${s.day}T00:00:00Z`);
  const interactive = s.interactive !== false;
  const c = interactive ? CONFIDENCE.ssoSignin : CONFIDENCE.ssoSigninNonInteractive;
  return {
    toolId: s.toolId,
    signal: 'sso-signin',
    identityKind: 'email',
    identityValue: s.email,
    firstSeen: at,
    lastSeen: at,
    count: s.count,
    confidence: c.confidence,
    sourceRunId: jobId ?? undefined,
    detail: {
      connector,
      day: s.day,
      appName: s.appName,
      ...(interactive ? {} : { interactive: false }),
      reason: c.reason,
    },
    // a non-interactive day is its own row: it never overwrites (or weakens) an interactive one
    fingerprint: `sso-signin:${connector}:${interactive ? '' : 'non-interactive:'}${s.toolId}:${s.email}:${s.day}`,
  };
}
