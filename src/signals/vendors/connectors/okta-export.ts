import type { ExportImport, RowError } from '../connector.types';
import { columnKey, type CsvLayout, readCsvExport, readJsonExport, RowReader } from './export-file';
import { type OktaLogEvent, signinsOf } from './okta-events';

// The System Log export of the Okta admin console (Reports → System Log → Download CSV, or the
// events as JSON, the API's LogEvent objects): only SSO sign-ins to AI apps are kept, as from the API.

const CSV: CsvLayout = {
  format: 'Okta System Log export (CSV)',
  required: ['published', 'eventType', 'actor.alternateId', 'outcome.result'],
  columns: ['published', 'eventType', 'actor.alternateId', 'outcome.result'],
  otherColumns: 'ignore',
};

export function importOktaExport(text: string): ExportImport {
  const json = /^\s*[[{]/.test(text.replace(/^\uFEFF/, ''));
  const rejected: RowError[] = [];
  const { rows, events } = json ? jsonEvents(text, rejected) : csvEvents(text, rejected);
  return {
    format: json ? 'Okta System Log export (JSON)' : CSV.format,
    rows,
    batch: { signins: signinsOf(events) },
    rejected,
  };
}

function checked(r: RowReader, e: OktaLogEvent): boolean {
  r.day('published', e.published);
  r.text('eventType', e.eventType);
  // other events are skipped, not wrong: only an SSO sign-in must name its person and app
  if (e.eventType === 'user.authentication.sso') {
    r.email('actor.alternateId', e.actor?.alternateId);
    r.text('target.displayName', e.target?.find((t) => t.type === 'AppInstance')?.displayName);
  }
  return r.ok;
}

function jsonEvents(text: string, rejected: RowError[]) {
  const records = readJsonExport(text, 'Okta System Log export (JSON)');
  const events: OktaLogEvent[] = [];
  for (const { line, value } of records) {
    const r = new RowReader(line, rejected);
    if (!value || typeof value !== 'object') r.fail('record', 'not a JSON object');
    else if (checked(r, value as OktaLogEvent)) events.push(value as OktaLogEvent);
  }
  return { rows: records.length, events };
}

/** Targets are flattened as target.displayName / target.type, or numbered (target{0}.displayName …). */
function csvEvents(text: string, rejected: RowError[]) {
  const rows = readCsvExport(text, CSV);
  const events: OktaLogEvent[] = [];
  for (const { line, value: v } of rows) {
    const raw = v as Record<string, string>;
    const r = new RowReader(line, rejected);
    const e: OktaLogEvent = {
      published: raw.published,
      eventType: raw.eventType,
      actor: { alternateId: raw['actor.alternateId'] },
      outcome: { result: raw['outcome.result'] },
      target: targetsOf(raw),
    };
    if (checked(r, e)) events.push(e);
  }
  return { rows: rows.length, events };
}

function targetsOf(raw: Record<string, string>): OktaLogEvent['target'] {
  const out: NonNullable<OktaLogEvent['target']> = [];
  for (const [col, displayName] of Object.entries(raw)) {
    const m = /^(target.*)displayname$/.exec(columnKey(col));
    if (!m || !displayName) continue;
    const typeCol = Object.keys(raw).find((c) => columnKey(c) === `${m[1]}type`);
    // a single flattened target without its type is taken as the app
    out.push({ type: typeCol ? raw[typeCol] : 'AppInstance', displayName });
  }
  return out;
}
