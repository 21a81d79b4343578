import { generateToken, hashToken, looksLikeToken } from './token-secret';

describe('token-secret', () => {
  it('should generate distinct tokens whose hash matches when hashed again', () => {
    const a = generateToken();
    const b = generateToken();
    expect(a.token).not.toBe(b.token);
    expect(hashToken(a.token)).toBe(a.hash);
    expect(a.hash).not.toContain(a.token);
    expect(a.token.startsWith(a.prefix)).toBe(true);
    expect(looksLikeToken(a.token)).toBe(true);
  });

  it('should reject values that are not tokens when checked', () => {
    expect(looksLikeToken('Bearer x')).toBe(false);
    expect(looksLikeToken('aic_short')).toBe(false);
  });
});
