import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, LineLocator, ManifestCollector } from '../manifest-parser';

const parser = new XMLParser({
  ignoreAttributes: true,
  // Versions like 1.10 must stay strings.
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['dependency', 'profile'].includes(name),
});

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Replaces ${name} from the pom's own properties and project coordinates; unknown ones stay. */
export function resolveProperties(value: string, properties: Map<string, string>): string {
  let result = value;
  for (let depth = 0; depth < 8 && result.includes('${'); depth++) {
    const next = result.replace(
      /\$\{([^}]+)\}/g,
      (whole, key: string) => properties.get(key) ?? whole,
    );
    if (next === result) break;
    result = next;
  }
  return result;
}

function scopeOf(mavenScope: string | undefined, optional: boolean): DependencyScope {
  if (optional) return 'optional';
  // compile, runtime, system and no scope at all are runtime use.
  if (mavenScope === 'test') return 'test';
  if (mavenScope === 'provided') return 'build';
  return 'runtime';
}

/**
 * pom.xml: `<dependencies>` of the project and its profiles, with scope and optional flags and
 * `${…}` properties resolved from the same pom. `<dependencyManagement>` only pins versions, so
 * it is not use and is not reported.
 */
export function parsePom(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'maven');
  const valid = XMLValidator.validate(file.content);
  if (valid !== true) {
    throw new Error(`line ${valid.err.line}: ${valid.err.msg}`);
  }
  const doc = parser.parse(file.content) as Record<string, unknown>;
  const project = doc.project;
  if (!isRecord(project)) throw new Error('no <project> root element');
  const properties = new Map<string, string>();
  const parent = isRecord(project.parent) ? project.parent : {};
  for (const [key, source] of [
    ['project.groupId', text(project.groupId) ?? text(parent.groupId)],
    ['project.artifactId', text(project.artifactId)],
    ['project.version', text(project.version) ?? text(parent.version)],
    ['project.parent.version', text(parent.version)],
    ['project.parent.groupId', text(parent.groupId)],
  ] as const) {
    if (source !== undefined) properties.set(key, source);
  }
  if (isRecord(project.properties)) {
    for (const [key, value] of Object.entries(project.properties)) {
      const v = text(value);
      if (v !== undefined) properties.set(key, v);
    }
  }
  const lines = new LineLocator(file.content);
  const lists: unknown[] = [project.dependencies];
  if (isRecord(project.profiles) && Array.isArray(project.profiles.profile)) {
    for (const profile of project.profiles.profile) {
      if (isRecord(profile)) lists.push(profile.dependencies);
    }
  }
  for (const list of lists) {
    if (!isRecord(list) || !Array.isArray(list.dependency)) continue;
    for (const dependency of list.dependency) {
      if (!isRecord(dependency)) continue;
      const groupId = text(dependency.groupId);
      const artifactId = text(dependency.artifactId);
      if (!groupId || !artifactId) {
        out.warn('a <dependency> lacks groupId or artifactId');
        continue;
      }
      const rawVersion = text(dependency.version);
      const mavenScope = text(dependency.scope);
      if (mavenScope === 'import') continue;
      const group = resolveProperties(groupId, properties);
      const artifact = resolveProperties(artifactId, properties);
      out.add({
        name: `${group}:${artifact}`,
        version: rawVersion === undefined ? undefined : resolveProperties(rawVersion, properties),
        direct: true,
        scope: scopeOf(mavenScope, text(dependency.optional) === 'true'),
        line: lines.find(`<artifactId>${artifactId}</artifactId>`),
      });
    }
  }
  return out.result();
}
