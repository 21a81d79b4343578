// Four eyes on unmasking: the pure rules of a reveal request. No I/O; the service applies them.

export const REVEAL_STATES = ['requested', 'approved', 'refused', 'expired'] as const;
export type RevealState = (typeof REVEAL_STATES)[number];

export type RevealDecision = 'approve' | 'refuse';

export interface RevealParty {
  tokenId: string | null;
  name: string;
  role: string;
}

export interface RevealFacts {
  state: RevealState;
  requestedBy: string;
  requestedByTokenId: string | null;
  expiresAt: Date | null;
}

export type RevealOutcome =
  | { ok: true; state: RevealState; expiresAt: Date | null }
  | { ok: false; refusal: 'forbidden' | 'conflict'; reason: string };

/** Whether two parties are the same person: the same token, or the same name behind two tokens. */
export function sameParty(a: { tokenId: string | null; name: string }, b: RevealParty): boolean {
  return (a.tokenId !== null && a.tokenId === b.tokenId) || a.name === b.name;
}

/** An approval past its time reads as expired, whether or not anyone has written that down yet. */
export function effectiveState(r: RevealFacts, now: Date): RevealState {
  return r.state === 'approved' && r.expiresAt !== null && r.expiresAt.getTime() <= now.getTime()
    ? 'expired'
    : r.state;
}

/**
 * A decision on a request: only the privacy role decides, never the requester (a refusal by the
 * requester is a withdrawal and allowed), and only while it is still requested.
 */
export function decideReveal(
  r: RevealFacts,
  decision: RevealDecision,
  by: RevealParty,
  now: Date,
  ttlMs: number,
): RevealOutcome {
  const requester = { tokenId: r.requestedByTokenId, name: r.requestedBy };
  const self = sameParty(requester, by);
  if (by.role !== 'privacy' && !(decision === 'refuse' && self))
    return {
      ok: false,
      refusal: 'forbidden',
      reason: `only the privacy role may ${decision} a reveal`,
    };
  if (decision === 'approve' && self)
    return {
      ok: false,
      refusal: 'forbidden',
      reason: 'the requester cannot approve their own reveal: a second person must',
    };
  const state = effectiveState(r, now);
  if (state !== 'requested')
    return {
      ok: false,
      refusal: 'conflict',
      reason: `the reveal is ${state}, not awaiting a decision`,
    };
  return decision === 'approve'
    ? { ok: true, state: 'approved', expiresAt: new Date(now.getTime() + ttlMs) }
    : { ok: true, state: 'refused', expiresAt: null };
}

/** Whether the viewer is shown the person: the requester of an approval still in force. */
export function revealsTo(r: RevealFacts, viewer: RevealParty, now: Date): boolean {
  return (
    effectiveState(r, now) === 'approved' &&
    sameParty({ tokenId: r.requestedByTokenId, name: r.requestedBy }, viewer)
  );
}
