import { toCsv } from '../../common/csv';
import type { PersonDataSection } from '../../common/person-data';

/** Everything held about one person, by kind of record. */
export interface SubjectAccessExport {
  personId: string;
  exportedAt: string;
  /** kind → rows, in the order the holders were asked */
  data: Record<string, Record<string, unknown>[]>;
}

export const SUBJECT_ACCESS_CSV_HEADER = ['kind', 'record', 'field', 'value'];

/** Sections from every holder, merged by kind (two holders may answer the same kind). */
export function buildSubjectAccessExport(
  personId: string,
  sections: PersonDataSection[],
  exportedAt: Date,
): SubjectAccessExport {
  const data: Record<string, Record<string, unknown>[]> = {};
  for (const s of sections) (data[s.kind] ??= []).push(...s.rows);
  return { personId, exportedAt: exportedAt.toISOString(), data };
}

/**
 * One CSV for every kind, one line per field of each record (`kind, record, field, value`):
 * records of different shapes fit one file a spreadsheet opens, and nothing is dropped. A nested
 * value (answers, factors, detail) is its JSON text; a kind with no record still gets a line.
 */
export function subjectAccessCsv(x: SubjectAccessExport): string {
  const rows: unknown[][] = [
    ['person', 0, 'personId', x.personId],
    ['person', 0, 'exportedAt', x.exportedAt],
  ];
  for (const [kind, records] of Object.entries(x.data)) {
    if (records.length === 0) rows.push([kind, '', '', '(none)']);
    records.forEach((record, i) => {
      for (const [field, value] of Object.entries(record))
        rows.push([kind, i + 1, field, cellValue(value)]);
    });
  }
  return toCsv(SUBJECT_ACCESS_CSV_HEADER, rows);
}

function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'object' ? JSON.stringify(v) : v;
}
