import type { SsoSignin } from '../connector.types';

// Sign-ins are counted per person, app and day over a whole run: a day read over several pages is
// written with its running total, so its evidence row ends with the day's whole count.

/** Adds `more` into `totals` (person, app, day) and returns the keys it touched. */
export function addSignins(totals: Map<string, SsoSignin>, more: SsoSignin[]): string[] {
  const touched: string[] = [];
  for (const s of more) {
    const key = [s.toolId, s.email, s.day].join('\u0001');
    const seen = totals.get(key);
    if (seen) seen.count += s.count;
    else totals.set(key, { ...s });
    touched.push(key);
  }
  return touched;
}
