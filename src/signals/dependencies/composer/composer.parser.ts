import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, LineLocator, ManifestCollector, parseJsonObject } from '../manifest-parser';

/** Platform requirements (php itself, extensions, libraries) are not packages. */
function isPlatform(name: string): boolean {
  return (
    name === 'php' ||
    name.startsWith('php-') ||
    name.startsWith('ext-') ||
    name.startsWith('lib-') ||
    name === 'hhvm' ||
    name.startsWith('composer-')
  );
}

/** composer.json: `require` (runtime) and `require-dev`. */
export function parseComposerJson(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'packagist');
  const json = parseJsonObject(file);
  const lines = new LineLocator(file.content);
  for (const [section, scope] of [
    ['require', 'runtime'],
    ['require-dev', 'dev'],
  ] as Array<[string, DependencyScope]>) {
    const map = json[section];
    if (map === undefined) continue;
    if (!isRecord(map)) {
      out.warn(`"${section}" is not an object`);
      continue;
    }
    const at = lines.find(`"${section}"`);
    for (const [name, constraint] of Object.entries(map)) {
      if (isPlatform(name)) continue;
      out.add({
        name: name.toLowerCase(),
        version: typeof constraint === 'string' ? constraint : undefined,
        direct: true,
        scope,
        line: lines.findFrom(`"${name}"`, at),
      });
    }
  }
  return out.result();
}

/**
 * composer.lock: `packages` and `packages-dev`. The lock names no root, so a package no other
 * locked package requires is taken as direct.
 */
export function parseComposerLock(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'packagist');
  const json = parseJsonObject(file);
  const lists: Array<[unknown, DependencyScope]> = [
    [json.packages, 'runtime'],
    [json['packages-dev'], 'dev'],
  ];
  const entries = lists.flatMap(([list, scope]) =>
    (Array.isArray(list) ? list : []).filter(isRecord).map((p) => ({ p, scope })),
  );
  const required = new Set<string>();
  for (const { p } of entries) {
    for (const key of ['require', 'require-dev']) {
      if (isRecord(p[key])) Object.keys(p[key]).forEach((n) => required.add(n.toLowerCase()));
    }
  }
  for (const { p, scope } of entries) {
    if (typeof p.name !== 'string') {
      out.warn('a locked package has no name');
      continue;
    }
    const name = p.name.toLowerCase();
    out.add({
      name,
      version: typeof p.version === 'string' ? p.version : undefined,
      direct: !required.has(name),
      scope,
    });
  }
  return out.result();
}
