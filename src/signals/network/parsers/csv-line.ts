// One CSV record from one line, leniently: quoted fields, spaces after commas, stray quotes.
import { parse } from 'csv-parse/sync';

const QUOTE = 34;

function blank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * The fast way for a plain line: every field either "quoted" without quotes inside, or bare
 * without quotes and without blanks at its ends; no line breaks. undefined for anything else
 * (csv-parse then decides). Equal to csv-parse's reading of such lines (csv-line.spec.ts).
 */
export function splitPlainCsv(line: string, delimiter = ','): string[] | undefined {
  if (line === '' || delimiter.length !== 1) return undefined;
  const d = delimiter.charCodeAt(0);
  const out: string[] = [];
  const n = line.length;
  let p = 0;
  for (;;) {
    if (line.charCodeAt(p) === QUOTE) {
      const q = line.indexOf('"', p + 1);
      if (q < 0 || (q + 1 < n && line.charCodeAt(q + 1) !== d)) return undefined;
      const field = line.slice(p + 1, q);
      if (field.includes('\n') || field.includes('\r')) return undefined;
      out.push(field);
      p = q + 1;
    } else {
      let q = line.indexOf(delimiter, p);
      if (q < 0) q = n;
      for (let i = p; i < q; i++) {
        const c = line.charCodeAt(i);
        if (c === QUOTE || c === 10 || c === 13 || c === 0xfeff) return undefined;
      }
      if (q > p && (blank(line.charCodeAt(p)) || blank(line.charCodeAt(q - 1)))) return undefined;
      out.push(line.slice(p, q));
      p = q;
    }
    if (p >= n) return out;
    p++; // the delimiter
    if (p === n) {
      out.push('');
      return out;
    }
  }
}

export function splitCsvLine(line: string, delimiter = ','): string[] | undefined {
  return splitPlainCsv(line, delimiter) ?? csvParseLine(line, delimiter);
}

/** csv-parse's lenient reading of one line (the slow path, for lines that are not plain). */
export function csvParseLine(line: string, delimiter = ','): string[] | undefined {
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
