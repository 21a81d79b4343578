import { parse } from 'csv-parse/sync';
import { DomainError, ErrorCode } from '../../../common/domain-error';
import type { RowError } from '../connector.types';
import { dayOf } from './connector-days';

// Reading a vendor's export file: the header is checked against the columns the vendor documents
// (an unknown column is named, so a changed export format is noticed instead of misread), and each
// row is read field by field, a bad field naming its line and column while the good rows are kept.

export interface CsvLayout {
  /** what the file is, for messages: "Amazon Q Developer user activity report" */
  format: string;
  /** every column the vendor documents */
  columns: readonly string[];
  /** the columns a row cannot be read without */
  required: readonly string[];
  /**
   * Columns outside `columns`: an error naming them (a report of fixed layout), or ignored (a log
   * download whose columns the administrator chooses)
   */
  otherColumns?: 'error' | 'ignore';
}

export interface ExportRecord<T> {
  /** the file line the record starts on (CSV, NDJSON) or its position in a JSON array */
  line: number;
  value: T;
}

/** Lower case without spaces, dashes or underscores: "Chat_MessagesSent" matches "chat messagessent". */
export const columnKey = (name: string) => name.toLowerCase().replace(/[\s_\-.]+/g, '');

/** Whether the header of a CSV file (its first line) holds every required column of a layout. */
export function csvHeaderFits(text: string, layout: CsvLayout): boolean {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const keys = new Set(header.split(/[,;\t]/).map((h) => columnKey(h.replace(/"/g, ''))));
  return layout.required.every((c) => keys.has(columnKey(c)));
}

/** The rows of a CSV export as column → cell, keyed by the documented column names. */
export function readCsvExport(
  text: string,
  layout: CsvLayout,
): ExportRecord<Record<string, string>>[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    throw new DomainError(ErrorCode.InvalidInput, `${layout.format}: ${(err as Error).message}`);
  }
  if (records.length === 0)
    throw new DomainError(ErrorCode.InvalidInput, `${layout.format}: the file is empty`);
  const known = new Map(layout.columns.map((c) => [columnKey(c), c]));
  const header = records[0].record;
  const unknown = header.filter((h) => h && !known.has(columnKey(h)));
  if (unknown.length > 0 && layout.otherColumns !== 'ignore') {
    throw new DomainError(
      ErrorCode.InvalidInput,
      `${layout.format}: unknown columns ${unknown.map((u) => `"${u}"`).join(', ')} (line 1); is this the right file for this connector?`,
      { unknownColumns: unknown },
    );
  }
  // ignored columns stay under their own header, for a reader that looks for a pattern of names
  const names = header.map(
    (h) => known.get(columnKey(h)) ?? (layout.otherColumns === 'ignore' ? h.trim() : ''),
  );
  const missing = layout.required.filter((r) => !names.includes(r));
  if (missing.length > 0) {
    throw new DomainError(
      ErrorCode.InvalidInput,
      `${layout.format}: missing columns ${missing.map((m) => `"${m}"`).join(', ')} (line 1)`,
      { missingColumns: missing },
    );
  }
  return records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    value: Object.fromEntries(
      names.map((n, i) => [n, record[i] ?? ''] as const).filter(([n]) => n),
    ),
  }));
}

/**
 * The records of a JSON export: an array, an object holding one (`value` in Microsoft Graph,
 * `items` in Google's), or one object per line (NDJSON).
 */
export function readJsonExport(text: string, format: string): ExportRecord<unknown>[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) throw new DomainError(ErrorCode.InvalidInput, `${format}: the file is empty`);
  if (trimmed.startsWith('[') || /^\{\s*"(value|items|@odata\.context)"/.test(trimmed)) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch (err) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `${format}: not JSON (${(err as Error).message})`,
      );
    }
    const list = Array.isArray(doc)
      ? doc
      : ((doc as { value?: unknown[]; items?: unknown[] }).value ??
        (doc as { items?: unknown[] }).items);
    if (!Array.isArray(list))
      throw new DomainError(ErrorCode.InvalidInput, `${format}: no list of records in the file`);
    return list.map((value, i) => ({ line: i + 1, value }));
  }
  const out: ExportRecord<unknown>[] = [];
  trimmed.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      out.push({ line: i + 1, value: JSON.parse(raw) });
    } catch {
      out.push({ line: i + 1, value: undefined });
    }
  });
  return out;
}

/** Reads the fields of one row, noting each bad one; `ok` is false once any was bad. */
export class RowReader {
  ok = true;

  constructor(
    private readonly line: number,
    private readonly errors: RowError[],
  ) {}

  fail(field: string, message: string): null {
    this.ok = false;
    this.errors.push({ line: this.line, field, message });
    return null;
  }

  text(field: string, value: unknown): string | null {
    const s = typeof value === 'string' ? value.trim() : '';
    return s ? s : this.fail(field, 'missing');
  }

  email(field: string, value: unknown): string | null {
    const s = this.text(field, value);
    if (s === null) return null;
    return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s)
      ? s.toLowerCase()
      : this.fail(field, `"${s}" is not an e-mail address`);
  }

  /** A day as YYYY-MM-DD, from an ISO date or time, or the MM-DD-YYYY some AWS reports use. */
  day(field: string, value: unknown): string | null {
    const s = this.text(field, value);
    if (s === null) return null;
    const us = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(s);
    const iso = us ? `${us[3]}-${us[1]}-${us[2]}` : s;
    const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
    return Number.isNaN(t) ? this.fail(field, `"${s}" is not a date`) : dayOf(new Date(t));
  }

  /** A whole number ≥ 0; blank is 0. */
  count(field: string, value: unknown): number {
    const s =
      typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (s === '') return 0;
    const n = Number(s);
    if (Number.isInteger(n) && n >= 0) return n;
    this.fail(field, `"${s}" is not a whole number`);
    return 0;
  }
}
