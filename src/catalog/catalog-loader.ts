import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ToolDefinition } from './catalog.types';
import {
  CatalogValidationError,
  validateToolDefinition,
  type CatalogProblem,
} from './catalog-validator';
import { loadVendorFacts } from './facts/vendor-facts.loader';
import { parseYamlText, readYamlFile, type YamlRead } from './yaml-cache';

// Beside this file both in src/ (jest) and in dist/src/ (scripts/copy-assets.js copies the YAML).
export const BUILTIN_CATALOG_DIR = join(__dirname, 'data');
export const BUILTIN_FACTS_DIR = join(BUILTIN_CATALOG_DIR, 'vendor-facts');

/** Parses one catalog file (`tools: [...]`); problems are named by file, tool id and field. */
export function parseCatalogFile(
  text: string,
  file: string,
): { tools: ToolDefinition[]; problems: CatalogProblem[] } {
  return catalogFromYaml(parseYamlText(text), file);
}

function catalogFromYaml(
  read: YamlRead,
  file: string,
): { tools: ToolDefinition[]; problems: CatalogProblem[] } {
  if (!read.ok) {
    return {
      tools: [],
      problems: read.errors.map((e) => ({
        file,
        field: e.line ? `line ${e.line}` : '(yaml)',
        message: e.message,
      })),
    };
  }
  const body = read.body;
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
export function loadCatalogDir(dir: string, cacheRoot = dir): ToolDefinition[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const tools: ToolDefinition[] = [];
  const problems: CatalogProblem[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const path = join(dir, f);
    const name = relative(process.cwd(), path) || f;
    const parsed = catalogFromYaml(readYamlFile(cacheRoot, path), name);
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

/** Tools with the vendor facts of `factsDir` attached; a fact for an unknown tool fails the load. */
export function loadCatalogWithFacts(
  dir: string,
  factsDir: string,
  now = new Date(),
): ToolDefinition[] {
  const tools = loadCatalogDir(dir);
  const facts = loadVendorFacts(factsDir, new Set(tools.map((t) => t.id)), now, dir);
  return tools.map((t) => {
    const found = facts.get(t.id);
    if (!found) return t;
    const { file: _file, ...vendorFacts } = found;
    return { ...t, vendorFacts };
  });
}

let cached: readonly ToolDefinition[] | undefined;

/** The built-in catalog with its vendor facts, read once per process. Callers get their own array. */
export function loadBuiltinCatalog(): ToolDefinition[] {
  cached ??= loadCatalogWithFacts(BUILTIN_CATALOG_DIR, BUILTIN_FACTS_DIR);
  return [...cached];
}
