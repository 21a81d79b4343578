import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, ManifestCollector, parseJsonObject } from '../manifest-parser';

/**
 * Pipfile.lock (JSON): `default` and `develop` maps of every pinned package. The lock does not
 * say which were asked for; the Pipfile beside it does (see detectAiDependencies).
 */
export function parsePipfileLock(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'pypi');
  const json = parseJsonObject(file);
  for (const [section, scope] of [
    ['default', 'runtime'],
    ['develop', 'dev'],
  ] as Array<[string, DependencyScope]>) {
    const map = json[section];
    if (map === undefined) continue;
    if (!isRecord(map)) {
      out.warn(`"${section}" is not an object`);
      continue;
    }
    for (const [name, entry] of Object.entries(map)) {
      const version =
        isRecord(entry) && typeof entry.version === 'string' ? entry.version : undefined;
      out.add({ name, version: version?.replace(/^==/, ''), direct: false, scope });
    }
  }
  return out.result();
}
