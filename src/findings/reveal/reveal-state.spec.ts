import { decideReveal, effectiveState, revealsTo, type RevealFacts } from './reveal-state';
import { triagePseudonym } from '../../common/triage-pseudonym';

const now = new Date('2026-03-01T10:00:00Z');
const HOUR = 3_600_000;
const requested: RevealFacts = {
  state: 'requested',
  requestedBy: 'sec-ana',
  requestedByTokenId: 't-ana',
  expiresAt: null,
};
const privacy = { tokenId: 't-pia', name: 'privacy-pia', role: 'privacy' };

describe('decideReveal', () => {
  it('should approve for a second person in the privacy role, until now + ttl', () => {
    expect(decideReveal(requested, 'approve', privacy, now, HOUR)).toEqual({
      ok: true,
      state: 'approved',
      expiresAt: new Date(now.getTime() + HOUR),
    });
  });

  it('should refuse an approval by the requester, even in the privacy role or on another token', () => {
    const self = { tokenId: 't-ana', name: 'sec-ana', role: 'privacy' };
    expect(decideReveal(requested, 'approve', self, now, HOUR)).toMatchObject({
      ok: false,
      refusal: 'forbidden',
    });
    const sameName = { tokenId: 't-other', name: 'sec-ana', role: 'privacy' };
    expect(decideReveal(requested, 'approve', sameName, now, HOUR)).toMatchObject({ ok: false });
  });

  it('should refuse a decision outside the privacy role but let the requester withdraw', () => {
    const security = { tokenId: 't-sam', name: 'sec-sam', role: 'security' };
    expect(decideReveal(requested, 'approve', security, now, HOUR)).toMatchObject({
      ok: false,
      refusal: 'forbidden',
    });
    const requester = { tokenId: 't-ana', name: 'sec-ana', role: 'security' };
    expect(decideReveal(requested, 'refuse', requester, now, HOUR)).toMatchObject({
      ok: true,
      state: 'refused',
    });
  });

  it('should not decide twice, nor on an approval that has run out', () => {
    const approved = {
      ...requested,
      state: 'approved' as const,
      expiresAt: new Date(now.getTime() - 1),
    };
    expect(effectiveState(approved, now)).toBe('expired');
    expect(decideReveal(approved, 'refuse', privacy, now, HOUR)).toMatchObject({
      ok: false,
      refusal: 'conflict',
    });
    expect(
      decideReveal({ ...requested, state: 'refused' }, 'approve', privacy, now, HOUR),
    ).toMatchObject({
      ok: false,
      refusal: 'conflict',
    });
  });
});

describe('revealsTo', () => {
  const approved = {
    ...requested,
    state: 'approved' as const,
    expiresAt: new Date(now.getTime() + HOUR),
  };

  it('should show the person to the requester only, and only until the approval expires', () => {
    expect(revealsTo(approved, { tokenId: 't-ana', name: 'sec-ana', role: 'security' }, now)).toBe(
      true,
    );
    expect(revealsTo(approved, { tokenId: 't-sam', name: 'sec-sam', role: 'security' }, now)).toBe(
      false,
    );
    expect(revealsTo(requested, { tokenId: 't-ana', name: 'sec-ana', role: 'security' }, now)).toBe(
      false,
    );
    const later = new Date(now.getTime() + HOUR);
    expect(
      revealsTo(approved, { tokenId: 't-ana', name: 'sec-ana', role: 'security' }, later),
    ).toBe(false);
  });
});

describe('triagePseudonym', () => {
  const key = 'k'.repeat(32);

  it('should be stable for one person, differ between people and between keys', () => {
    expect(triagePseudonym(key, 'p1')).toBe(triagePseudonym(key, 'p1'));
    expect(triagePseudonym(key, 'p1')).toMatch(/^person-[0-9a-f]{12}$/);
    expect(triagePseudonym(key, 'p1')).not.toBe(triagePseudonym(key, 'p2'));
    expect(triagePseudonym(key, 'p1')).not.toBe(triagePseudonym('j'.repeat(32), 'p1'));
  });
});
