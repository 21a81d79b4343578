/** Lines of a file that could not be read: how many, and a few of them to show where. */
export interface MalformedLines {
  count: number;
  /** `source, line N: first characters`, at most MAX_SAMPLES */
  samples: string[];
}

export const MAX_SAMPLES = 5;
const SAMPLE_CHARS = 80;

export function noMalformed(): MalformedLines {
  return { count: 0, samples: [] };
}

/** Adds `more` into `into`, keeping the first samples. */
export function mergeMalformed(into: MalformedLines, more: MalformedLines): MalformedLines {
  into.count += more.count;
  for (const s of more.samples) if (into.samples.length < MAX_SAMPLES) into.samples.push(s);
  return into;
}

/**
 * Reads newline-delimited JSON one line at a time: blank lines are skipped, a line that is not a
 * JSON object is counted and sampled (never thrown), so one bad line does not lose a whole file.
 */
export function readNdjson<T extends object>(
  text: string,
  source: string,
): { rows: T[]; malformed: MalformedLines } {
  const rows: T[] = [];
  const malformed = noMalformed();
  let start = 0;
  for (let n = 1; start < text.length; n++) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end).trim();
    start = end < 0 ? text.length : end + 1;
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      rows.push(value as T);
      continue;
    }
    malformed.count++;
    if (malformed.samples.length < MAX_SAMPLES)
      malformed.samples.push(`${source}, line ${n}: ${line.slice(0, SAMPLE_CHARS)}`);
  }
  return { rows, malformed };
}
