// One CSV record from one line, leniently: quoted fields, spaces after commas, stray quotes.
import { parse } from 'csv-parse/sync';

const QUOTE = 34;

function blank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Where the fields of a plain line are: field i is line.slice(starts[i], ends[i]) (quotes left
 * out). A plain line has every field either "quoted" without quotes inside, or bare without
 * quotes and without blanks at its ends, and no line breaks. Returns the field count, or -1 for
 * anything else (csv-parse then decides) or for more fields than `starts` holds. Parsers that
 * read a few of many fields slice only those.
 */
export function plainCsvCuts(
  line: string,
  delimiter: string,
  starts: Int32Array,
  ends: Int32Array,
): number {
  if (line === '' || delimiter.length !== 1) return -1;
  // what no field of a plain line holds, looked for once in the whole line
  if (line.includes('\n') || line.includes('\r') || line.includes('\ufeff')) return -1;
  const d = delimiter.charCodeAt(0);
  const n = line.length;
  const max = starts.length;
  let count = 0;
  let p = 0;
  for (;;) {
    if (count === max) return -1;
    if (line.charCodeAt(p) === QUOTE) {
      const q = line.indexOf('"', p + 1);
      if (q < 0 || (q + 1 < n && line.charCodeAt(q + 1) !== d)) return -1;
      starts[count] = p + 1;
      ends[count++] = q;
      p = q + 1;
    } else {
      let q = line.indexOf(delimiter, p);
      if (q < 0) q = n;
      const quote = line.indexOf('"', p);
      if (quote >= 0 && quote < q) return -1;
      if (q > p && (blank(line.charCodeAt(p)) || blank(line.charCodeAt(q - 1)))) return -1;
      starts[count] = p;
      ends[count++] = q;
      p = q;
    }
    if (p >= n) return count;
    p++; // the delimiter
    if (p === n) {
      if (count === max) return -1;
      starts[count] = ends[count] = n;
      return count + 1;
    }
  }
}

/** a line's fields, at most this many, are cut without csv-parse */
const MAX_PLAIN_FIELDS = 1024;
const plainStarts = new Int32Array(MAX_PLAIN_FIELDS);
const plainEnds = new Int32Array(MAX_PLAIN_FIELDS);

/** The fields of a plain line (see plainCsvCuts); undefined for anything else. */
export function splitPlainCsv(line: string, delimiter = ','): string[] | undefined {
  const count = plainCsvCuts(line, delimiter, plainStarts, plainEnds);
  if (count < 0) return undefined;
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(line.slice(plainStarts[i], plainEnds[i]));
  return out;
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

/**
 * One line's fields at a time, for parsers that read a few of many: a plain line is cut in place
 * and only the fields asked for become strings; any other line is csv-parse's reading.
 */
export class CsvCells {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private line = '';
  private parsed: string[] | undefined;
  /** fields in the line last read */
  count = 0;

  constructor(
    private readonly delimiter = ',',
    maxPlainFields = MAX_PLAIN_FIELDS,
  ) {
    this.starts = new Int32Array(maxPlainFields);
    this.ends = new Int32Array(maxPlainFields);
  }

  /** false when the line is no CSV record at all (unbalanced quotes) */
  read(line: string): boolean {
    this.line = line;
    const count = plainCsvCuts(line, this.delimiter, this.starts, this.ends);
    this.parsed = count < 0 ? csvParseLine(line, this.delimiter) : undefined;
    this.count = count >= 0 ? count : (this.parsed?.length ?? 0);
    return count >= 0 || this.parsed !== undefined;
  }

  /** field i, undefined past the last (or for a negative i) */
  get(i: number): string | undefined {
    if (i < 0 || i >= this.count) return undefined;
    return this.parsed ? this.parsed[i] : this.line.slice(this.starts[i], this.ends[i]);
  }
}
