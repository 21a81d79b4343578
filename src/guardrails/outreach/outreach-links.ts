import { hashLinkToken, newLinkToken } from '../../surveys/survey-secrets';
import type { LinkState } from './outreach.types';

/** The public pages a link opens, under `/g/`. */
export type OutreachLinkKind = 'clarify' | 'ack' | 'request' | 'status';

export const DEFAULT_LINK_DAYS = 14;
/** A requester's status page stays readable while the review may take. */
export const STATUS_LINK_DAYS = 365;

export function outreachUrl(baseUrl: string, kind: OutreachLinkKind, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/g/${kind}/${token}`;
}

/** A fresh link secret and the hash that is all the database keeps of it. */
export function issueLinkToken(): { token: string; hash: string } {
  const token = newLinkToken();
  return { token, hash: hashLinkToken(token) };
}

export { hashLinkToken };

export function expiryAfter(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 86_400_000);
}

/** Whether a single-use link still works. */
export function linkState(
  row: { usedAt: Date | null; expiresAt: Date | null } | null,
  now: Date,
): LinkState {
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'ok';
}
