import { hashLinkToken, issueLinkToken, linkState, outreachUrl } from './outreach-links';

describe(linkState.name, () => {
  const now = new Date('2026-11-29T12:00:00Z');
  it('should tell a working link from an unknown, used or expired one', () => {
    expect(linkState(null, now)).toBe('unknown');
    expect(linkState({ usedAt: null, expiresAt: new Date('2026-12-01T00:00:00Z') }, now)).toBe(
      'ok',
    );
    expect(linkState({ usedAt: now, expiresAt: new Date('2026-12-01T00:00:00Z') }, now)).toBe(
      'used',
    );
    expect(linkState({ usedAt: null, expiresAt: now }, now)).toBe('expired');
  });
});

describe(issueLinkToken.name, () => {
  it('should keep only a hash that the token maps to', () => {
    const { token, hash } = issueLinkToken();
    expect(hash).toBe(hashLinkToken(token));
    expect(hash).not.toContain(token);
    expect(outreachUrl('https://c.example/ai/', 'ack', token)).toBe(
      `https://c.example/ai/g/ack/${token}`,
    );
  });
});
