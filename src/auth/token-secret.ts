import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'aic_';

/** A new API token: 32 random bytes, shown once; only its hash is stored. */
export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

// A fast hash is right here: the token has 256 bits of entropy, so there is nothing to brute-force.
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length >= TOKEN_PREFIX.length + 40;
}
