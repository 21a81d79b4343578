import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, ManifestCollector, parseJsonObject } from '../manifest-parser';

const DECLARING_KEYS = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
] as const;

function scopeOf(entry: Record<string, unknown>): DependencyScope {
  if (entry.dev === true || entry.devOptional === true) return 'dev';
  if (entry.optional === true) return 'optional';
  if (entry.peer === true) return 'peer';
  return 'runtime';
}

/** The package name of a `packages` key: the part after the last `node_modules/`. */
function nameFromPackagePath(key: string): string | undefined {
  const at = key.lastIndexOf('node_modules/');
  return at === -1 ? undefined : key.slice(at + 'node_modules/'.length);
}

/**
 * package-lock.json / npm-shrinkwrap.json. v2 and v3 carry a `packages` map whose "" entry (and
 * workspace entries) declare the direct dependencies; v1 only has the nested `dependencies`
 * tree, where a top-level entry no other entry requires must have been asked for by the project.
 */
export function parsePackageLock(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'npm');
  const json = parseJsonObject(file);
  if (isRecord(json.packages)) {
    parsePackagesMap(json.packages, out);
  } else if (isRecord(json.dependencies)) {
    parseV1Tree(json.dependencies, out);
  } else {
    out.warn('neither "packages" nor "dependencies" found');
  }
  return out.result();
}

function parsePackagesMap(packages: Record<string, unknown>, out: ManifestCollector): void {
  const direct = new Set<string>();
  for (const [key, entry] of Object.entries(packages)) {
    // "" is the root project; other keys outside node_modules are workspace packages.
    if (!isRecord(entry) || key.includes('node_modules/')) continue;
    for (const declaring of DECLARING_KEYS) {
      const map = entry[declaring];
      if (isRecord(map)) Object.keys(map).forEach((name) => direct.add(name));
    }
  }
  for (const [key, entry] of Object.entries(packages)) {
    const name = nameFromPackagePath(key);
    if (!name) continue;
    if (!isRecord(entry)) {
      out.warn(`packages["${key}"] is not an object`);
      continue;
    }
    if (entry.link === true) continue; // a symlink to a workspace package, not a download
    const topLevel = key.startsWith('node_modules/') && key.indexOf('node_modules/', 1) === -1;
    out.add({
      name: typeof entry.name === 'string' ? entry.name : name,
      version: typeof entry.version === 'string' ? entry.version : undefined,
      direct: topLevel && direct.has(name),
      scope: scopeOf(entry),
    });
  }
}

function parseV1Tree(tree: Record<string, unknown>, out: ManifestCollector): void {
  const required = new Set<string>();
  const collectRequires = (node: Record<string, unknown>): void => {
    for (const entry of Object.values(node)) {
      if (!isRecord(entry)) continue;
      if (isRecord(entry.requires)) Object.keys(entry.requires).forEach((n) => required.add(n));
      if (isRecord(entry.dependencies)) collectRequires(entry.dependencies);
    }
  };
  collectRequires(tree);
  const walk = (node: Record<string, unknown>, topLevel: boolean, path: string): void => {
    for (const [name, entry] of Object.entries(node)) {
      if (!isRecord(entry)) {
        out.warn(`dependencies${path}["${name}"] is not an object`);
        continue;
      }
      out.add({
        name,
        version: typeof entry.version === 'string' ? entry.version : undefined,
        direct: topLevel && !required.has(name),
        scope: scopeOf(entry),
      });
      if (isRecord(entry.dependencies)) {
        walk(entry.dependencies, false, `${path}["${name}"].dependencies`);
      }
    }
  };
  walk(tree, true, '');
}
