import { parse as parseToml } from 'smol-toml';
import type { ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, LineLocator, ManifestCollector } from '../manifest-parser';

/**
 * gradle/libs.versions.toml: the `[libraries]` a build may use, as "group:name" with the version
 * resolved from `[versions]`. A catalog entry is a declaration for the build, so it is reported
 * as a direct runtime dependency of the catalog file.
 */
export function parseGradleVersionCatalog(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'maven');
  const doc = parseToml(file.content) as Record<string, unknown>;
  const versions = isRecord(doc.versions) ? doc.versions : {};
  const lines = new LineLocator(file.content);
  const librariesAt = lines.find('[libraries]');
  const versionOf = (spec: unknown): string | undefined => {
    if (typeof spec === 'string') return spec;
    if (!isRecord(spec)) return undefined;
    if (typeof spec.ref === 'string') {
      const referenced = versions[spec.ref];
      return typeof referenced === 'string' ? referenced : versionOf(referenced);
    }
    for (const key of ['strictly', 'require', 'prefer']) {
      if (typeof spec[key] === 'string') return spec[key] as string;
    }
    return undefined;
  };
  if (doc.libraries === undefined) return out.result();
  if (!isRecord(doc.libraries)) {
    out.warn('[libraries] is not a table');
    return out.result();
  }
  for (const [alias, spec] of Object.entries(doc.libraries)) {
    let coordinates: string | undefined;
    let version: string | undefined;
    if (typeof spec === 'string') {
      const [group, name, v] = spec.split(':');
      if (group && name) coordinates = `${group}:${name}`;
      version = v;
    } else if (isRecord(spec)) {
      if (typeof spec.module === 'string') coordinates = spec.module;
      else if (typeof spec.group === 'string' && typeof spec.name === 'string') {
        coordinates = `${spec.group}:${spec.name}`;
      }
      version = versionOf(spec.version);
    }
    if (!coordinates || !coordinates.includes(':')) {
      out.warn(`libraries.${alias} has no "group:name" coordinates`);
      continue;
    }
    out.add({
      name: coordinates,
      version,
      direct: true,
      scope: 'runtime',
      line: lines.findFrom(alias, librariesAt),
    });
  }
  return out.result();
}
