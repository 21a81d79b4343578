import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { DATA_CLASSES, type DataClass } from '../../../catalog/catalog.types';
import { DomainError, ErrorCode } from '../../../common/domain-error';

/** The file at a repository's root that declares what data the repository holds. */
export const REPO_SETTINGS_FILE = '.ai-census.yml';

export interface RepoSettings {
  dataClasses: DataClass[];
}

export interface RepoSettingsProblem {
  line: number | null;
  field: string;
  message: string;
}

/**
 * Reads `.ai-census.yml`:
 *
 *     dataClasses: [confidential, pii]
 *
 * Every problem comes back with its line; the data classes that were valid are kept.
 */
export function parseRepoSettings(text: string): {
  settings: RepoSettings;
  problems: RepoSettingsProblem[];
} {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: unknown): number | null => {
    const range = (node as Node | undefined)?.range;
    return range ? lines.linePos(range[0]).line : null;
  };
  if (doc.errors.length > 0)
    return {
      settings: { dataClasses: [] },
      problems: doc.errors.map((e) => ({
        line: e.linePos?.[0].line ?? null,
        field: '(yaml)',
        message: e.message.split('\n')[0],
      })),
    };
  const problems: RepoSettingsProblem[] = [];
  const root = doc.contents;
  if (root === null) return { settings: { dataClasses: [] }, problems };
  if (!isMap(root))
    return {
      settings: { dataClasses: [] },
      problems: [
        { line: 1, field: '(file)', message: 'must be a mapping such as dataClasses: [pii]' },
      ],
    };
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (key !== 'dataClasses')
      problems.push({ line: lineOf(pair.key), field: key, message: 'is not a known setting' });
  }
  const node = doc.get('dataClasses', true);
  const dataClasses = new Set<DataClass>();
  if (node !== undefined) {
    const items = isSeq(node) ? node.items : [node];
    for (const item of items) {
      const value = String((item as { value?: unknown })?.value ?? '').toLowerCase();
      if ((DATA_CLASSES as readonly string[]).includes(value)) dataClasses.add(value as DataClass);
      else
        problems.push({
          line: lineOf(item),
          field: 'dataClasses',
          message: `"${value}" is not one of ${DATA_CLASSES.join(', ')}`,
        });
    }
  }
  return { settings: { dataClasses: [...dataClasses].sort() }, problems };
}

/** `--data-class pii,confidential` (repeatable) as data classes, or the first bad value. */
export function parseDataClassFlags(values: readonly string[]): DataClass[] {
  const out = new Set<DataClass>();
  for (const part of values.flatMap((v) => v.split(','))) {
    const value = part.trim().toLowerCase();
    if (!value) continue;
    if (!(DATA_CLASSES as readonly string[]).includes(value))
      throw new DomainError(
        ErrorCode.InvalidInput,
        `--data-class: "${value}" is not one of ${DATA_CLASSES.join(', ')}`,
      );
    out.add(value as DataClass);
  }
  return [...out].sort();
}
