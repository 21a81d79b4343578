import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { ToolDefinition } from './catalog.types';
import {
  CatalogValidationError,
  validateToolDefinition,
  type CatalogProblem,
} from './catalog-validator';

// Beside this file both in src/ (jest) and in dist/src/ (scripts/copy-assets.js copies the YAML).
export const BUILTIN_CATALOG_DIR = join(__dirname, 'data');

/** Parses one catalog file (`tools: [...]`); problems are named by file, tool id and field. */
export function parseCatalogFile(
  text: string,
  file: string,
): { tools: ToolDefinition[]; problems: CatalogProblem[] } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      tools: [],
      problems: doc.errors.map((e) => ({
        file,
        field: e.linePos ? `line ${e.linePos[0].line}` : '(yaml)',
        message: e.message.split('\n')[0],
      })),
    };
  }
  const body: unknown = doc.toJS();
  if (
    typeof body !== 'object' ||
    body === null ||
    !Array.isArray((body as { tools?: unknown }).tools)
  ) {
    return {
      tools: [],
      problems: [{ file, field: 'tools', message: 'must be a list at the top level' }],
    };
  }
  const tools: ToolDefinition[] = [];
  const problems: CatalogProblem[] = [];
  for (const raw of (body as { tools: unknown[] }).tools) {
    const found = validateToolDefinition(raw, file);
    if (found.length > 0) problems.push(...found);
    else tools.push({ ...(raw as ToolDefinition), origin: 'builtin' });
  }
  return { tools, problems };
}

/** Loads and validates every `*.yaml` in a folder, in name order; throws on any problem. */
export function loadCatalogDir(dir: string): ToolDefinition[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const tools: ToolDefinition[] = [];
  const problems: CatalogProblem[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const path = join(dir, f);
    const name = relative(process.cwd(), path) || f;
    const parsed = parseCatalogFile(readFileSync(path, 'utf8'), name);
    problems.push(...parsed.problems);
    for (const tool of parsed.tools) {
      const other = seen.get(tool.id);
      if (other !== undefined) {
        problems.push({
          file: name,
          toolId: tool.id,
          field: 'id',
          message: `is also defined in ${other}`,
        });
        continue;
      }
      seen.set(tool.id, name);
      tools.push(tool);
    }
  }
  if (files.length === 0)
    problems.push({ file: dir, field: '(folder)', message: 'holds no catalog files' });
  if (problems.length > 0) throw new CatalogValidationError(problems);
  return tools;
}

let cached: readonly ToolDefinition[] | undefined;

/** The built-in catalog, read once per process. Callers get their own array. */
export function loadBuiltinCatalog(): ToolDefinition[] {
  cached ??= loadCatalogDir(BUILTIN_CATALOG_DIR);
  return [...cached];
}
