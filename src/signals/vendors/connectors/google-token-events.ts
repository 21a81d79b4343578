import type { OAuthGrant } from '../connector.types';
import { dayOf } from './connector-days';
import { toolOfApp } from './identity-apps';

// What is kept of a Google Workspace token activity, from the Reports API or an export: who
// authorised which AI app (client id, name) on which day, with the scopes; never a token.

interface TokenParameter {
  name: string;
  value?: string;
  multiValue?: string[];
}

export interface TokenActivity {
  id?: { time?: string; applicationName?: string };
  actor?: { email?: string; profileId?: string };
  events?: { type?: string; name?: string; parameters?: TokenParameter[] }[];
}

/** The grants of AI apps in one token activity; other apps and other events are left out. */
export function grantsOf(item: TokenActivity): OAuthGrant[] {
  const email = item.actor?.email?.trim().toLowerCase();
  const time = item.id?.time ? Date.parse(item.id.time) : NaN;
  if (!email || !email.includes('@') || Number.isNaN(time)) return [];
  return (item.events ?? []).flatMap((e) => {
    if (e.name !== 'authorize') return [];
    const param = (name: string) => e.parameters?.find((p) => p.name === name);
    const appName = param('app_name')?.value ?? '';
    const clientId = param('client_id')?.value ?? '';
    const toolId = toolOfApp({ appName, clientId });
    if (!toolId || !clientId) return [];
    const scope = param('scope');
    const scopes = scope?.multiValue ?? (scope?.value ? scope.value.split(/\s+/) : []);
    return [{ toolId, email, clientId, appName, scopes, day: dayOf(new Date(time)) }];
  });
}
