import type { SsoSignin } from '../connector.types';
import { dayOf } from './connector-days';
import { toolOfApp } from './identity-apps';

// What is kept of an Okta System Log event, from the API or from an export: the actor, the app of
// a successful SSO sign-in and its day. No IP address, no client details.

export interface OktaLogEvent {
  published?: string;
  eventType?: string;
  actor?: { type?: string; alternateId?: string };
  outcome?: { result?: string };
  target?: { type?: string; alternateId?: string; displayName?: string }[];
}

/** Successful SSO sign-ins to AI apps, counted per person, app and day. */
export function signinsOf(events: OktaLogEvent[]): SsoSignin[] {
  const out = new Map<string, SsoSignin>();
  for (const e of events) {
    if (e.eventType !== 'user.authentication.sso' || e.outcome?.result !== 'SUCCESS') continue;
    const email = e.actor?.alternateId?.trim().toLowerCase();
    const time = e.published ? Date.parse(e.published) : NaN;
    const app = e.target?.find((t) => t.type === 'AppInstance');
    const appName = app?.displayName ?? '';
    if (!email || !email.includes('@') || Number.isNaN(time) || !appName) continue;
    const toolId = toolOfApp({ appName });
    if (!toolId) continue;
    const day = dayOf(new Date(time));
    const key = [toolId, email, day].join('\u0001');
    const seen = out.get(key);
    if (seen) seen.count++;
    else out.set(key, { toolId, email, appName, day, count: 1 });
  }
  return [...out.values()];
}
