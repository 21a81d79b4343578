import type { SsoSignin } from '../connector.types';
import { dayOf } from './connector-days';
import { toolOfApp } from './identity-apps';

// Sign-ins are counted per person, app and day over a whole run: a day read over several pages is
// written with its running total, so its evidence row ends with the day's whole count.

/** The key a sign-in is counted under: tool, person, day. */
export function signinKey(s: SsoSignin): string {
  return [s.toolId, s.email, s.day].join('\u0001');
}

/** Adds `more` into `totals` (person, app, day) and returns the keys it touched. */
export function addSignins(totals: Map<string, SsoSignin>, more: SsoSignin[]): string[] {
  const touched: string[] = [];
  for (const s of more) {
    const key = signinKey(s);
    const seen = totals.get(key);
    if (seen) seen.count += s.count;
    else totals.set(key, { ...s });
    touched.push(key);
  }
  return touched;
}

/**
 * Successful sign-ins, however an identity provider words them, counted per person, AI app and
 * day; a sign-in without a person's e-mail, a time or a known AI app is left out.
 */
export function countSignins(
  signins: {
    email?: string | null;
    time?: string | null;
    appName?: string | null;
    appId?: string | null;
  }[],
): SsoSignin[] {
  const out = new Map<string, SsoSignin>();
  for (const s of signins) {
    const email = s.email?.trim().toLowerCase();
    const time = s.time ? Date.parse(s.time) : NaN;
    const appName = s.appName?.trim() ?? '';
    if (!email || !email.includes('@') || Number.isNaN(time) || !appName) continue;
    const toolId = toolOfApp({ appName, clientId: s.appId ?? undefined });
    if (!toolId) continue;
    addSignins(out, [{ toolId, email, appName, day: dayOf(new Date(time)), count: 1 }]);
  }
  return [...out.values()];
}
