import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, LineLocator, ManifestCollector, parseJsonObject } from '../manifest-parser';
import { aliasTarget } from './yarn-lock.parser';

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
      const target = aliasTarget(spec);
      out.add({
        // "openai-v3": "npm:openai@^3.3.0" installs openai under another name.
        name: target ?? name,
        version: target ? spec.slice(spec.lastIndexOf('@') + 1) : spec,
        direct: true,
        scope,
        line: lines.findFrom(`"${name}"`, sectionLine),
      });
    }
  }
  return out.result();
}
