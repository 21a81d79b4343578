import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, LineLocator, ManifestCollector, parseJsonObject } from '../manifest-parser';

const SECTIONS: ReadonlyArray<[string, DependencyScope]> = [
  ['dependencies', 'runtime'],
  ['devDependencies', 'dev'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
];

/** package.json: every dependency map; a name in two maps (peer + dev) is reported for each. */
export function parsePackageJson(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'npm');
  const json = parseJsonObject(file);
  const lines = new LineLocator(file.content);
  for (const [section, scope] of SECTIONS) {
    const map = json[section];
    if (map === undefined) continue;
    if (!isRecord(map)) {
      out.warn(`"${section}" is not an object`);
      continue;
    }
    const sectionLine = lines.find(`"${section}"`);
    for (const [name, spec] of Object.entries(map)) {
      if (typeof spec !== 'string') {
        out.warn(`"${section}.${name}" is not a version string`);
        continue;
      }
      out.add({
        name,
        version: spec,
        direct: true,
        scope,
        line: lines.findFrom(`"${name}"`, sectionLine),
      });
    }
  }
  return out.result();
}
