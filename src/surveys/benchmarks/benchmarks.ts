import { parseDocument } from 'yaml';

/** A published figure and what of ours it is set against. */
export interface Benchmark {
  id: string;
  /** a share, 0..1 */
  figure: number;
  label: string;
  publisher: string;
  source: string;
  url: string;
  year: number;
  /** the publisher's own question, so a reader can judge how close the comparison is */
  theirQuestion: string;
  compares: { question: string; values?: string[]; atLeast?: number };
}

export class BenchmarkFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
  }
}

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const FIELDS = new Set([
  'id',
  'figure',
  'label',
  'publisher',
  'source',
  'url',
  'year',
  'theirQuestion',
  'compares',
]);
const text = (v: unknown, max = 400) =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= max;

function problemsOf(raw: unknown, at: string): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return [`${at}: not a mapping`];
  const b = raw as Record<string, unknown>;
  const out: string[] = [];
  const bad = (field: string, why: string) => out.push(`${at}.${field}: ${why}`);
  for (const key of Object.keys(b)) if (!FIELDS.has(key)) bad(key, 'unknown field');
  if (typeof b.id !== 'string' || !ID.test(b.id)) bad('id', 'lower-case letters, digits and -');
  if (typeof b.figure !== 'number' || !(b.figure >= 0 && b.figure <= 1))
    bad('figure', 'a share between 0 and 1 (62% is 0.62)');
  for (const f of ['label', 'publisher', 'source', 'theirQuestion'])
    if (!text(b[f])) bad(f, 'required text (at most 400 characters)');
  if (typeof b.url !== 'string' || !/^https:\/\/[^\s/]+\.[^\s]+$/.test(b.url))
    bad('url', 'required: the https address of the publication');
  if (typeof b.year !== 'number' || !Number.isInteger(b.year) || b.year < 2000 || b.year > 2100)
    bad('year', 'required: the year of publication');
  const c = b.compares as Record<string, unknown> | undefined;
  if (typeof c !== 'object' || c === null)
    bad('compares', 'required: { question, values | atLeast }');
  else {
    if (!text(c.question, 64))
      bad('compares.question', 'required: the key of one of our questions');
    const hasValues =
      Array.isArray(c.values) && c.values.length > 0 && c.values.every((v) => text(v, 200));
    const hasAtLeast = typeof c.atLeast === 'number' && Number.isFinite(c.atLeast);
    if (hasValues === hasAtLeast)
      bad('compares', 'give either values (answers counted) or atLeast (a number), not both');
    for (const key of Object.keys(c))
      if (!['question', 'values', 'atLeast'].includes(key)) bad(`compares.${key}`, 'unknown field');
  }
  return out;
}

/** Parses and checks a benchmark file; throws with every problem named by entry and field. */
export function parseBenchmarks(yamlText: string, file: string): Benchmark[] {
  const doc = parseDocument(yamlText, { uniqueKeys: true });
  if (doc.errors.length)
    throw new BenchmarkFileError(
      file,
      doc.errors.map((e) => e.message.split('\n')[0]),
    );
  const body = doc.toJS() as { benchmarks?: unknown } | null;
  if (!body || !Array.isArray(body.benchmarks))
    throw new BenchmarkFileError(file, ['benchmarks: must be a list at the top level']);
  const problems: string[] = [];
  const seen = new Set<string>();
  body.benchmarks.forEach((raw: unknown, i) => {
    const id = (raw as { id?: unknown })?.id;
    const at = `benchmarks[${i}]${typeof id === 'string' ? ` (${id})` : ''}`;
    problems.push(...problemsOf(raw, at));
    if (typeof id === 'string' && seen.has(id)) problems.push(`${at}.id: used twice`);
    if (typeof id === 'string') seen.add(id);
  });
  if (problems.length) throw new BenchmarkFileError(file, problems);
  return body.benchmarks as Benchmark[];
}
