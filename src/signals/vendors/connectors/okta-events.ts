import type { SsoSignin } from '../connector.types';
import { countSignins } from './sso-totals';

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
  return countSignins(
    events
      .filter((e) => e.eventType === 'user.authentication.sso' && e.outcome?.result === 'SUCCESS')
      .map((e) => ({
        email: e.actor?.alternateId,
        time: e.published,
        appName: e.target?.find((t) => t.type === 'AppInstance')?.displayName,
      })),
  );
}
