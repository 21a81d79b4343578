import { toCsv } from '../../common/csv';
import type { ExportTable } from './export-table';

export function exportCsv(table: ExportTable): string {
  return toCsv(
    table.columns.map((c) => c.header),
    table.rows,
  );
}

/** A Responses sheet (numbers as numbers) and a Questions sheet saying what each column holds. */
export async function exportXlsx(title: string, table: ExportTable): Promise<Buffer> {
  // exceljs is loaded when a workbook is made, not when the module is (start-up cost).
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AI Census';
  const sheet = wb.addWorksheet('Responses', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: Math.max(10, Math.min(40, c.header.length + 2)),
  }));
  // Text cells that look like formulas stay text: exceljs writes strings as shared strings.
  for (const row of table.rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  const about = wb.addWorksheet('Questions');
  about.columns = [
    { header: 'Column', width: 28 },
    { header: 'Question', width: 80 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRow(['', title]);
  for (const c of table.columns) about.addRow([c.header, c.label]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
