import { parse as parseToml } from 'smol-toml';
import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, LineLocator, ManifestCollector } from '../manifest-parser';

const TABLES: ReadonlyArray<[string, DependencyScope]> = [
  ['dependencies', 'runtime'],
  ['dev-dependencies', 'dev'],
  ['build-dependencies', 'build'],
];

/**
 * Cargo.toml: dependencies, dev- and build-dependencies, the same under `[target.'cfg'.…]`, and
 * `[workspace.dependencies]`. A renamed dependency (`x = { package = "real" }`) is reported by
 * its crate name; `x.workspace = true` takes its version from the workspace table when the same
 * file has it.
 */
export function parseCargoToml(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'cargo');
  const doc = parseToml(file.content) as Record<string, unknown>;
  const lines = new LineLocator(file.content);
  const workspace = isRecord(doc.workspace) ? doc.workspace : {};
  const workspaceDeps = isRecord(workspace.dependencies) ? workspace.dependencies : {};

  const readTable = (
    table: unknown,
    where: string,
    scope: DependencyScope,
    at: number | undefined,
  ): void => {
    if (table === undefined) return;
    if (!isRecord(table)) {
      out.warn(`${where} is not a table`);
      return;
    }
    for (const [key, spec] of Object.entries(table)) {
      let name = key;
      let version: string | undefined;
      let entryScope = scope;
      if (typeof spec === 'string') {
        version = spec;
      } else if (isRecord(spec)) {
        if (typeof spec.package === 'string') name = spec.package;
        if (typeof spec.version === 'string') version = spec.version;
        if (spec.optional === true && scope === 'runtime') entryScope = 'optional';
        if (spec.workspace === true) {
          const shared = workspaceDeps[key];
          if (typeof shared === 'string') version = shared;
          else if (isRecord(shared)) {
            if (typeof shared.version === 'string') version = shared.version;
            if (typeof shared.package === 'string') name = shared.package;
          }
        }
      } else {
        out.warn(`${where}.${key} has an unreadable specification`);
        continue;
      }
      // `[dependencies.openai]` style tables put the name in their own header.
      const line = lines.find(`.${key}]`) ?? lines.findFrom(key, at);
      out.add({ name, version, direct: true, scope: entryScope, line });
    }
  };

  for (const [table, scope] of TABLES) {
    readTable(doc[table], table, scope, lines.find(`[${table}]`));
  }
  if (isRecord(doc.target)) {
    for (const [target, body] of Object.entries(doc.target)) {
      if (!isRecord(body)) continue;
      for (const [table, scope] of TABLES) {
        // The header spells the cfg with its own quotes; look it up by its parts.
        const at = lines.find(['[target.', target, `.${table}]`]);
        readTable(body[table], `target.${target}.${table}`, scope, at);
      }
    }
  }
  // Workspace dependencies are what members may inherit; members that use them are reported
  // from their own manifests, so the shared table is only reported when nothing inherits it.
  const inherited = new Set<string>();
  const collectInherited = (table: unknown): void => {
    if (!isRecord(table)) return;
    for (const [key, spec] of Object.entries(table)) {
      if (isRecord(spec) && spec.workspace === true) inherited.add(key);
    }
  };
  for (const [table] of TABLES) collectInherited(doc[table]);
  const rest = Object.fromEntries(Object.entries(workspaceDeps).filter(([k]) => !inherited.has(k)));
  if (Object.keys(rest).length > 0) {
    const at = lines.find('[workspace.dependencies]');
    readTable(rest, 'workspace.dependencies', 'runtime', at);
  }
  return out.result();
}

/**
 * Cargo.lock: packages without a `source` are the workspace's own crates; what they depend on
 * is direct, everything else transitive.
 */
export function parseCargoLock(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'cargo');
  const doc = parseToml(file.content) as Record<string, unknown>;
  if (!Array.isArray(doc.package)) {
    out.warn('no [[package]] entries');
    return out.result();
  }
  const packages = doc.package.filter(isRecord);
  const direct = new Set<string>();
  const local = packages.filter((p) => p.source === undefined);
  for (const p of local) {
    if (!Array.isArray(p.dependencies)) continue;
    // "name", "name version" or "name version (source)"
    for (const d of p.dependencies) if (typeof d === 'string') direct.add(d.split(' ')[0]);
  }
  for (const p of packages) {
    if (p.source === undefined) continue;
    if (typeof p.name !== 'string') {
      out.warn('a [[package]] entry has no name');
      continue;
    }
    out.add({
      name: p.name,
      version: typeof p.version === 'string' ? p.version : undefined,
      direct: direct.has(p.name),
      scope: 'runtime',
    });
  }
  return out.result();
}
