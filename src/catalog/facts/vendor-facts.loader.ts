import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CatalogValidationError, type CatalogProblem } from '../catalog-validator';
import { readYamlFile } from '../yaml-cache';
import type { VendorFacts } from './vendor-facts.types';
import { validateFactsEntry } from './vendor-facts.validator';

export interface LoadedFacts {
  /** facts per tool id, each with the file it came from */
  byTool: Map<string, VendorFacts & { file: string }>;
  files: string[];
  problems: CatalogProblem[];
}

/**
 * Reads every `*.yaml` of a vendor-facts folder (`facts: [...]`) and checks each entry against
 * the catalog's tool ids. Collects every problem rather than stopping at the first, so
 * `catalog audit` can list them; `loadVendorFacts` throws instead.
 */
export function readVendorFactsDir(
  dir: string,
  knownToolIds: ReadonlySet<string>,
  now: Date,
  cacheRoot = dir,
): LoadedFacts {
  const out: LoadedFacts = { byTool: new Map(), files: [], problems: [] };
  if (!existsSync(dir)) return out;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  for (const f of files) {
    const path = join(dir, f);
    const name = relative(process.cwd(), path) || f;
    out.files.push(name);
    const read = readYamlFile(cacheRoot, path);
    if (!read.ok) {
      for (const e of read.errors)
        out.problems.push({
          file: name,
          field: e.line ? `line ${e.line}` : '(yaml)',
          message: e.message,
        });
      continue;
    }
    const list = (read.body as { facts?: unknown } | null)?.facts;
    if (!Array.isArray(list)) {
      out.problems.push({ file: name, field: 'facts', message: 'must be a list at the top level' });
      continue;
    }
    for (const raw of list) {
      const { toolId, facts, problems } = validateFactsEntry(raw, name, knownToolIds, now);
      out.problems.push(...problems);
      if (!toolId || !facts) continue;
      const other = out.byTool.get(toolId);
      if (other) {
        out.problems.push({
          file: name,
          toolId,
          field: 'tool',
          message: `also has facts in ${other.file}`,
        });
        continue;
      }
      out.byTool.set(toolId, { ...facts, file: name });
    }
  }
  return out;
}

/** Like readVendorFactsDir, but any problem fails the load (the catalog at start-up). */
export function loadVendorFacts(
  dir: string,
  knownToolIds: ReadonlySet<string>,
  now: Date,
  cacheRoot = dir,
): Map<string, VendorFacts & { file: string }> {
  const loaded = readVendorFactsDir(dir, knownToolIds, now, cacheRoot);
  if (loaded.problems.length > 0) throw new CatalogValidationError(loaded.problems);
  return loaded.byTool;
}
