import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

/** A sheet as rows of trimmed-at-the-end strings, whatever file it came from. */
export type Table = string[][];

// The file line (CSV) or sheet row (XLSX) each table row starts on, so a warning can name it
// even when quoted cells span lines or blank lines were skipped.
const LINES = new WeakMap<Table, number[]>();

/** The 1-based line of the file a table row (0-based) starts on. */
export function lineOf(table: Table, rowIndex: number): number {
  return LINES.get(table)?.[rowIndex] ?? rowIndex + 1;
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isXlsx(buffer: Buffer): boolean {
  return XLSX_MAGIC.every((byte, i) => buffer[i] === byte);
}

export function readCsvTable(text: string): Table {
  const rows = parse(text.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
  }) as string[][];
  return rows.map((row) => row.map((cell) => cell ?? ''));
}

/** Semicolon- or tab-separated exports (Excel in European locales) are common; sniff the header line. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: countOutsideQuotes(firstLine, d) }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].d : ',';
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let n = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) n++;
  }
  return n;
}

export function readDelimitedTable(text: string): Table {
  const delimiter = sniffDelimiter(text);
  const records = parse(text.replace(/^\uFEFF/, ''), {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const table = records.map(({ record }) => record.map((cell) => cell ?? ''));
  // info.lines is the line a record ends on; quoted line breaks inside it came before
  const starts = records.map(
    ({ record, info }) => info.lines - record.join('').split('\n').length + 1,
  );
  LINES.set(table, starts);
  return table;
}

export async function readXlsxTable(buffer: Buffer): Promise<Table> {
  // exceljs is loaded when a workbook is made, not when the module is (start-up cost).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Table = [];
  const numbers: number[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
    numbers.push(row.number);
  });
  LINES.set(rows, numbers);
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}
