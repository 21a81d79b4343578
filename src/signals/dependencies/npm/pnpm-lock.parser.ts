import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, isTrue, loadYaml, ManifestCollector } from '../manifest-parser';

const IMPORTER_SECTIONS: ReadonlyArray<[string, DependencyScope]> = [
  ['dependencies', 'runtime'],
  ['devDependencies', 'dev'],
  ['optionalDependencies', 'optional'],
];

/** "4.20.1(zod@3.22.4)" → "4.20.1"; v5 "1.0.0_react@18" → "1.0.0". */
function cleanVersion(version: string): string {
  return version.replace(/\(.*$/, '').replace(/_.*$/, '');
}

/**
 * A `packages` key → name and version. v9: "name@1.0.0", v6: "/name@1.0.0(peer@1)",
 * v5: "/name/1.0.0_peer@1" (scoped names carry one more '/').
 */
export function splitPnpmPackageKey(key: string): { name: string; version: string } | undefined {
  const k = key.replace(/^\//, '').replace(/\(.*$/, '');
  const at = k.indexOf('@', k.startsWith('@') ? 1 : 0);
  const slash = k.startsWith('@') ? k.indexOf('/', k.indexOf('/') + 1) : k.indexOf('/');
  if (at > 0 && (slash === -1 || at < slash)) {
    return { name: k.slice(0, at), version: cleanVersion(k.slice(at + 1)) };
  }
  if (slash > 0) return { name: k.slice(0, slash), version: cleanVersion(k.slice(slash + 1)) };
  return undefined;
}

/**
 * pnpm-lock.yaml, lockfile v5/v6 (root-level or `importers` maps, `packages` with dev flags)
 * and v9 (`importers` + `packages` + `snapshots`). Importer entries are the direct dependencies.
 */
export function parsePnpmLock(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'npm');
  const doc: unknown = loadYaml(file.content);
  if (!isRecord(doc)) throw new Error('expected a YAML mapping at the top level');
  const importers: Record<string, unknown>[] = [];
  if (isRecord(doc.importers)) {
    for (const importer of Object.values(doc.importers)) {
      if (isRecord(importer)) importers.push(importer);
    }
  } else {
    importers.push(doc); // single-project v5/v6 lockfiles keep the sections at the top
  }
  const direct = new Set<string>();
  for (const importer of importers) {
    for (const [section, scope] of IMPORTER_SECTIONS) {
      const map = importer[section];
      if (map === undefined) continue;
      if (!isRecord(map)) {
        out.warn(`importer "${section}" is not a mapping`);
        continue;
      }
      for (const [name, value] of Object.entries(map)) {
        // v6+/v9: { specifier, version }; v5: the version itself.
        const raw = isRecord(value) ? value.version : value;
        const version = raw === undefined || raw === null ? '' : String(raw);
        if (version.startsWith('link:')) continue; // a workspace sibling
        direct.add(name);
        out.add({ name, version: cleanVersion(version), direct: true, scope });
      }
    }
  }
  if (doc.packages !== undefined && !isRecord(doc.packages)) {
    out.warn('"packages" is not a mapping');
    return out.result();
  }
  const seen = new Set<string>();
  for (const [key, value] of Object.entries(isRecord(doc.packages) ? doc.packages : {})) {
    const entry = isRecord(value) ? value : {};
    const split = splitPnpmPackageKey(key);
    const name = typeof entry.name === 'string' ? entry.name : split?.name;
    if (!name) {
      out.warn(`cannot read a package name from key "${key}"`);
      continue;
    }
    const version = typeof entry.version === 'string' ? entry.version : split?.version;
    if (direct.has(name) || seen.has(`${name}@${version}`)) continue;
    seen.add(`${name}@${version}`);
    let scope: DependencyScope = 'runtime';
    if (isTrue(entry.dev)) scope = 'dev';
    else if (isTrue(entry.optional)) scope = 'optional';
    out.add({ name, version, direct: false, scope });
  }
  return out.result();
}
