import { parse as parseToml } from 'smol-toml';
import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, LineLocator, ManifestCollector } from '../manifest-parser';

/** Tables of a Pipfile that are not package categories. */
const NOT_PACKAGES = new Set(['source', 'requires', 'scripts', 'pipenv']);

/**
 * Pipfile (TOML): `[packages]` runtime, `[dev-packages]` dev, other tables are pipenv's custom
 * package categories, installed only on request.
 */
export function parsePipfile(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'pypi');
  const doc = parseToml(file.content) as Record<string, unknown>;
  const lines = new LineLocator(file.content);
  for (const [category, table] of Object.entries(doc)) {
    if (NOT_PACKAGES.has(category)) continue;
    if (!isRecord(table)) continue;
    let scope: DependencyScope = 'optional';
    if (category === 'packages') scope = 'runtime';
    else if (category === 'dev-packages') scope = 'dev';
    const at = lines.find(`[${category}]`);
    for (const [name, spec] of Object.entries(table)) {
      let version: string | undefined;
      if (typeof spec === 'string') version = spec === '*' ? undefined : spec;
      else if (isRecord(spec)) {
        if (typeof spec.version === 'string' && spec.version !== '*') version = spec.version;
      } else {
        out.warn(`${category}.${name} has an unreadable specification`);
        continue;
      }
      out.add({ name, version, direct: true, scope, line: lines.findFrom(name, at) });
    }
  }
  return out.result();
}
