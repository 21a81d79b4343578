// One CSV record from one line, leniently: quoted fields, spaces after commas, stray quotes.
import { parse } from 'csv-parse/sync';

export function splitCsvLine(line: string, delimiter = ','): string[] | undefined {
  try {
    const rows = parse(line, {
      delimiter,
      ltrim: true,
      rtrim: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    return rows[0];
  } catch {
    return undefined;
  }
}
