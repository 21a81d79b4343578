import { parse } from 'csv-parse/sync';
import { isIP } from 'node:net';
import { normaliseIp } from './identity/ip-leases';

export interface LeaseRow {
  line: number;
  ip: string;
  /** an e-mail address or user name of a person in the directory, as written */
  person: string;
  /** null: held since before any log */
  from: Date | null;
  /** null: still held */
  to: Date | null;
}

const ISO_NO_ZONE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** ISO 8601 (UTC when it names no zone) or epoch seconds; '' is open; undefined is not a time. */
function parseTime(raw: string): Date | null | undefined {
  if (raw === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(raw)) return new Date(Number(raw) * 1000);
  const ms = Date.parse(ISO_NO_ZONE.test(raw) ? `${raw.replace(' ', 'T')}Z` : raw);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * A lease export: ip, person, from, to per row (an optional header row starting with "ip").
 * Bad rows are reported by line and field and skipped; good rows are kept.
 */
export function parseLeaseCsv(
  text: string,
  fileName = 'leases.csv',
): { rows: LeaseRow[]; errors: string[] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as string[][];
  } catch (error) {
    return { rows: [], errors: [`${fileName}: ${(error as Error).message}`] };
  }
  const rows: LeaseRow[] = [];
  const errors: string[] = [];
  records.forEach((record, index) => {
    const line = index + 1;
    const [ip = '', person = '', fromText = '', toText = ''] = record;
    if (index === 0 && ip.toLowerCase() === 'ip') return;
    const at = `${fileName}: line ${line}`;
    if (!isIP(normaliseIp(ip)))
      return errors.push(`${at}: field "ip": "${ip}" is not an IP address`);
    if (!person) return errors.push(`${at}: field "person": empty`);
    const from = parseTime(fromText);
    if (from === undefined) return errors.push(`${at}: field "from": "${fromText}" is not a time`);
    const to = parseTime(toText);
    if (to === undefined) return errors.push(`${at}: field "to": "${toText}" is not a time`);
    if (from && to && to <= from)
      return errors.push(`${at}: field "to": ${toText} is not after from (${fromText})`);
    rows.push({ line, ip: normaliseIp(ip), person, from, to });
  });
  return { rows, errors };
}
