import type { ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, loadYaml, ManifestCollector } from '../manifest-parser';

/** "name@range" or "name@npm:range" (also "@scope/name@…"): the name before the range's '@'. */
export function nameFromDescriptor(descriptor: string): string | undefined {
  const trimmed = descriptor.trim().replace(/^"(.*)"$/, '$1');
  const at = trimmed.indexOf('@', trimmed.startsWith('@') ? 1 : 0);
  const name = at === -1 ? trimmed : trimmed.slice(0, at);
  // An alias ("openai-v3@npm:openai@^3") installs the package after "npm:".
  const aliased = at === -1 ? undefined : aliasTarget(trimmed.slice(at + 1));
  return aliased ?? (name || undefined);
}

/** "npm:openai@^3.3.0" → "openai"; undefined for a plain range or "npm:^1.0" (berry). */
export function aliasTarget(range: string): string | undefined {
  if (!range.startsWith('npm:')) return undefined;
  const rest = range.slice(4);
  const at = rest.indexOf('@', rest.startsWith('@') ? 1 : 0);
  return at > 0 ? rest.slice(0, at) : undefined;
}

/** Splits `"a@^1", a@^2` on commas outside quotes. */
function splitDescriptors(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}

/**
 * yarn.lock. Berry (v2+) files are YAML with a `__metadata` entry and workspace entries that
 * list the direct dependencies. Classic v1 files are their own indentation format, read line by
 * line; they name no root, so an entry that no other entry depends on is taken as direct.
 */
export function parseYarnLock(file: ManifestFile): ParsedManifest {
  const isBerry = file.content.split(/\r?\n/, 40).some((l) => l.startsWith('__metadata:'));
  return isBerry ? parseBerry(file) : parseClassic(file);
}

interface ClassicEntry {
  names: string[];
  version?: string;
  line: number;
}

function parseClassic(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'npm');
  const entries: ClassicEntry[] = [];
  const required = new Set<string>();
  let current: ClassicEntry | undefined;
  let inDependencyBlock = false;
  file.content.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    const indent = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (indent === 0) {
      inDependencyBlock = false;
      if (!text.endsWith(':')) {
        out.warn(`expected an entry header ending in ':' but found "${text.slice(0, 60)}"`, lineNo);
        current = undefined;
        return;
      }
      const names = splitDescriptors(text.slice(0, -1))
        .map(nameFromDescriptor)
        .filter((n): n is string => n !== undefined);
      current = { names: [...new Set(names)], line: lineNo };
      entries.push(current);
      return;
    }
    if (!current) return;
    if (indent === 2) {
      inDependencyBlock = text === 'dependencies:' || text === 'optionalDependencies:';
      const match = /^version:?\s+(.+)$/.exec(text);
      if (match) current.version = unquote(match[1]);
      return;
    }
    if (inDependencyBlock) {
      const space = text.search(/\s/);
      const name = unquote(space === -1 ? text : text.slice(0, space));
      if (name) required.add(name.replace(/:$/, ''));
    }
  });
  for (const entry of entries) {
    for (const name of entry.names) {
      out.add({
        name,
        version: entry.version,
        direct: !required.has(name),
        scope: 'runtime',
        line: entry.line,
      });
    }
  }
  return out.result();
}

function parseBerry(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'npm');
  const doc: unknown = loadYaml(file.content);
  if (!isRecord(doc)) throw new Error('expected a YAML mapping at the top level');
  const direct = new Set<string>();
  const packages: Array<{ names: string[]; version?: string }> = [];
  for (const [key, value] of Object.entries(doc)) {
    if (key === '__metadata' || !isRecord(value)) continue;
    const names = [
      ...new Set(
        splitDescriptors(key)
          .map(nameFromDescriptor)
          .filter((n): n is string => n !== undefined),
      ),
    ];
    const resolution = typeof value.resolution === 'string' ? value.resolution : '';
    if (resolution.includes('@workspace:')) {
      for (const declaring of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
        const map = value[declaring];
        if (isRecord(map)) Object.keys(map).forEach((n) => direct.add(n));
      }
      continue;
    }
    packages.push({
      names,
      version: typeof value.version === 'string' ? value.version : String(value.version ?? ''),
    });
  }
  for (const entry of packages) {
    for (const name of entry.names) {
      out.add({ name, version: entry.version, direct: direct.has(name), scope: 'runtime' });
    }
  }
  return out.result();
}
