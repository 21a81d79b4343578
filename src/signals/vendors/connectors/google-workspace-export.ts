import type { ExportImport, OAuthGrant, RowError } from '../connector.types';
import { type CsvLayout, readCsvExport, readJsonExport, RowReader } from './export-file';
import { grantsOf, type TokenActivity } from './google-token-events';
import { toolOfApp } from './identity-apps';

// The OAuth log events of the Google Admin console (Reporting → Audit and investigation → OAuth
// log events → Download, CSV), or the Reports API's token activities saved as JSON: only
// authorisations of AI apps are kept, with their scopes, as from the API.

const CSV: CsvLayout = {
  format: 'Google Workspace OAuth log events export (CSV)',
  required: ['Date', 'Event', 'Actor', 'App name', 'Client ID', 'Scope'],
  columns: ['Date', 'Event', 'Actor', 'App name', 'Client ID', 'Scope'],
  otherColumns: 'ignore',
};

export function importGoogleTokenExport(text: string): ExportImport {
  const json = /^\s*[[{]/.test(text.replace(/^\uFEFF/, ''));
  const rejected: RowError[] = [];
  const { rows, grants } = json ? jsonGrants(text, rejected) : csvGrants(text, rejected);
  return {
    format: json ? 'Google Workspace token activities (JSON)' : CSV.format,
    rows,
    batch: { grants },
    rejected,
  };
}

function jsonGrants(text: string, rejected: RowError[]) {
  const records = readJsonExport(text, 'Google Workspace token activities (JSON)');
  const grants: OAuthGrant[] = [];
  for (const { line, value } of records) {
    const r = new RowReader(line, rejected);
    const a = value as TokenActivity | undefined;
    if (!a || typeof a !== 'object') r.fail('record', 'not a JSON object');
    else {
      r.day('id.time', a.id?.time);
      r.email('actor.email', a.actor?.email);
    }
    if (r.ok) grants.push(...grantsOf(a!));
  }
  return { rows: records.length, grants };
}

function csvGrants(text: string, rejected: RowError[]) {
  const rows = readCsvExport(text, CSV);
  const grants: OAuthGrant[] = [];
  for (const { line, value } of rows) {
    const r = new RowReader(line, rejected);
    const event = r.text('Event', value.Event);
    if (event && !/^authori[sz]e$/i.test(event)) continue;
    const day = r.day('Date', value.Date);
    const email = r.email('Actor', value.Actor);
    const appName = r.text('App name', value['App name']);
    const clientId = r.text('Client ID', value['Client ID']);
    if (!r.ok || !day || !email || !appName || !clientId) continue;
    const toolId = toolOfApp({ appName, clientId });
    if (!toolId) continue;
    const scopes = (value.Scope ?? '').split(/[\s,]+/).filter(Boolean);
    grants.push({ toolId, email, clientId, appName, scopes, day });
  }
  return { rows: rows.length, grants };
}
