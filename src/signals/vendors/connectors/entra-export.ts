import type { ExportImport, RowError, SsoSignin } from '../connector.types';
import { entraSigninsOf, type GraphSignIn } from './entra-graph';
import { type CsvLayout, readCsvExport, readJsonExport, RowReader } from './export-file';
import { addSignins } from './sso-totals';

// The sign-in log download of the Microsoft Entra admin center (Monitoring → Sign-in logs →
// Download): JSON holds Graph signIn objects, CSV one row per sign-in with the columns the
// administrator chose, of which these are read.

const CSV: CsvLayout = {
  format: 'Microsoft Entra sign-in log download (CSV)',
  required: ['Date (UTC)', 'Username', 'Application', 'Status'],
  columns: [
    'Date (UTC)',
    'Username',
    'Application',
    'Application ID',
    'Status',
    'Sign-in error code',
  ],
  otherColumns: 'ignore',
};

export function importEntraExport(text: string): ExportImport {
  const json = /^\s*[[{]/.test(text.replace(/^\uFEFF/, ''));
  const rejected: RowError[] = [];
  const totals = new Map<string, SsoSignin>();
  const records = json ? jsonSignins(text, rejected) : csvSignins(text, rejected);
  addSignins(totals, entraSigninsOf(records.signins));
  return {
    format: json ? 'Microsoft Entra sign-in log download (JSON)' : CSV.format,
    rows: records.rows,
    batch: { signins: [...totals.values()] },
    rejected,
  };
}

function jsonSignins(text: string, rejected: RowError[]) {
  const records = readJsonExport(text, 'Microsoft Entra sign-in log download (JSON)');
  const signins: GraphSignIn[] = [];
  for (const { line, value } of records) {
    const r = new RowReader(line, rejected);
    if (!value || typeof value !== 'object') {
      r.fail('record', 'not a JSON object');
      continue;
    }
    const s = value as GraphSignIn;
    r.day('createdDateTime', s.createdDateTime);
    r.email('userPrincipalName', s.userPrincipalName);
    r.text('appDisplayName', s.appDisplayName);
    if (r.ok) signins.push(s);
  }
  return { rows: records.length, signins };
}

function csvSignins(text: string, rejected: RowError[]) {
  const rows = readCsvExport(text, CSV);
  const signins: GraphSignIn[] = [];
  for (const { line, value } of rows) {
    const r = new RowReader(line, rejected);
    const day = r.day('Date (UTC)', value['Date (UTC)']);
    const email = r.email('Username', value.Username);
    const app = r.text('Application', value.Application);
    const status = r.text('Status', value.Status);
    if (!r.ok || !day || !email || !app) continue;
    signins.push({
      createdDateTime: `${day}T00:00:00Z`,
      userPrincipalName: email,
      appDisplayName: app,
      appId: value['Application ID'] || null,
      status: {
        errorCode: /^success/i.test(status ?? '') ? 0 : Number(value['Sign-in error code']) || 1,
      },
    });
  }
  return { rows: rows.length, signins };
}
