import { DomainError, ErrorCode } from '../common/domain-error';

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;
const MAX_MS = 5 * 366 * UNIT_MS.d;

/** When a token given `expiresIn` ("12h", "30d", "8w") stops working, counted from `now`. */
export function expiryFrom(expiresIn: string, now: Date): Date {
  const m = /^(\d{1,5})([hdw])$/.exec(expiresIn.trim());
  const ms = m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : NaN;
  if (!m || ms <= 0 || ms > MAX_MS)
    throw new DomainError(
      ErrorCode.InvalidInput,
      `expires-in must be a number of hours, days or weeks up to 5 years, like 12h, 30d or 8w (got "${expiresIn}")`,
    );
  return new Date(now.getTime() + ms);
}
