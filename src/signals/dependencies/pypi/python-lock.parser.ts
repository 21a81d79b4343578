import { parse as parseToml } from 'smol-toml';
import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, ManifestCollector, normalizePypiName } from '../manifest-parser';
import { scopeForGroup } from './pep508';

function packagesOf(file: ManifestFile, out: ManifestCollector): Record<string, unknown>[] {
  const doc = parseToml(file.content) as Record<string, unknown>;
  if (!Array.isArray(doc.package)) {
    out.warn('no [[package]] entries');
    return [];
  }
  return doc.package.filter((p): p is Record<string, unknown> => {
    if (isRecord(p) && typeof p.name === 'string') return true;
    out.warn('a [[package]] entry has no name');
    return false;
  });
}

/**
 * poetry.lock: every locked package. The lock names no root, so a package that no other
 * package depends on is taken as direct; `category = "dev"` (older locks) or `groups` without
 * "main" mark development packages, `optional = true` extras.
 */
export function parsePoetryLock(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'pypi');
  const packages = packagesOf(file, out);
  const required = new Set<string>();
  for (const p of packages) {
    if (isRecord(p.dependencies)) {
      Object.keys(p.dependencies).forEach((n) => required.add(normalizePypiName(n)));
    }
  }
  for (const p of packages) {
    const name = p.name as string;
    let scope: DependencyScope = 'runtime';
    const groups = Array.isArray(p.groups) ? p.groups.map(String) : undefined;
    if (p.category === 'dev') scope = 'dev';
    else if (groups && !groups.includes('main') && groups.length > 0) {
      scope = scopeForGroup(groups[0], 'optional');
    } else if (p.optional === true) scope = 'optional';
    out.add({
      name,
      version: typeof p.version === 'string' ? p.version : undefined,
      direct: !required.has(normalizePypiName(name)),
      scope,
    });
  }
  return out.result();
}

function isProjectSource(source: unknown): boolean {
  return isRecord(source) && (source.editable !== undefined || source.virtual !== undefined);
}

function namesOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter(isRecord)
    .map((d) => d.name)
    .filter((n): n is string => typeof n === 'string')
    .map(normalizePypiName);
}

/**
 * uv.lock: workspace members are the packages whose source is `editable` or `virtual`; their
 * dependencies, optional-dependencies and dev-dependencies are the direct ones.
 */
export function parseUvLock(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'pypi');
  const packages = packagesOf(file, out);
  const directScope = new Map<string, DependencyScope>();
  const note = (names: string[], scope: DependencyScope): void => {
    for (const n of names) if (!directScope.has(n)) directScope.set(n, scope);
  };
  const members = packages.filter((p) => isProjectSource(p.source));
  for (const member of members) note(namesOf(member.dependencies), 'runtime');
  for (const member of members) {
    for (const key of ['optional-dependencies', 'dev-dependencies'] as const) {
      const groups = member[key];
      if (!isRecord(groups)) continue;
      for (const [group, list] of Object.entries(groups)) {
        const fallback = key === 'optional-dependencies' ? 'optional' : 'dev';
        note(namesOf(list), scopeForGroup(group, fallback));
      }
    }
  }
  for (const p of packages) {
    if (isProjectSource(p.source)) continue;
    const name = normalizePypiName(p.name as string);
    out.add({
      name,
      version: typeof p.version === 'string' ? p.version : undefined,
      direct: directScope.has(name),
      scope: directScope.get(name) ?? 'runtime',
    });
  }
  return out.result();
}
