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

export interface PomModel {
  project: Record<string, unknown>;
  /** the pom's own properties plus project.* coordinates */
  properties: Map<string, string>;
  /** dependencyManagement: "groupId:artifactId" → version as written */
  managed: Map<string, string>;
  /** path of the parent pom relative to this one's folder, when the pom has a parent */
  parentRelativePath?: string;
}

/** Reads the parts of a pom that dependency versions depend on. Throws on malformed XML. */
export function readPomModel(content: string): PomModel {
  const valid = XMLValidator.validate(content);
  if (valid !== true) {
    throw new Error(`line ${valid.err.line}: ${valid.err.msg}`);
  }
  const doc = parser.parse(content) as Record<string, unknown>;
  const project = doc.project;
  if (!isRecord(project)) throw new Error('no <project> root element');
  const properties = new Map<string, string>();
  const parent = isRecord(project.parent) ? project.parent : undefined;
  for (const [key, source] of [
    ['project.groupId', text(project.groupId) ?? text(parent?.groupId)],
    ['project.artifactId', text(project.artifactId)],
    ['project.version', text(project.version) ?? text(parent?.version)],
    ['project.parent.version', text(parent?.version)],
    ['project.parent.groupId', text(parent?.groupId)],
  ] as const) {
    if (source !== undefined) properties.set(key, source);
  }
  if (isRecord(project.properties)) {
    for (const [key, value] of Object.entries(project.properties)) {
      const v = text(value);
      if (v !== undefined) properties.set(key, v);
    }
  }
  const managed = new Map<string, string>();
  const management = isRecord(project.dependencyManagement)
    ? project.dependencyManagement.dependencies
    : undefined;
  if (isRecord(management) && Array.isArray(management.dependency)) {
    for (const d of management.dependency) {
      if (!isRecord(d)) continue;
      const groupId = text(d.groupId);
      const artifactId = text(d.artifactId);
      const version = text(d.version);
      if (!groupId || !artifactId || !version) continue;
      const key = `${resolveProperties(groupId, properties)}:${resolveProperties(artifactId, properties)}`;
      managed.set(key, version);
    }
  }
  // Maven's default parent location is the folder above; an empty relativePath means none.
  let parentRelativePath: string | undefined;
  if (parent) {
    const written = text(parent.relativePath);
    parentRelativePath = written === undefined ? '../pom.xml' : written || undefined;
  }
  return { project, properties, managed, parentRelativePath };
}

/**
 * pom.xml: `<dependencies>` of the project and its profiles, with scope and optional flags and
 * `${…}` properties resolved from the same pom (parents in the same repository are applied by
 * detectAiDependencies). `<dependencyManagement>` only pins versions, so it is not use and is
 * not reported.
 */
export function parsePom(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'maven');
  const { project, properties } = readPomModel(file.content);
  const lines = new LineLocator(file.content);
  const lists: unknown[] = [project.dependencies];
  if (isRecord(project.profiles) && Array.isArray(project.profiles.profile)) {
    for (const profile of project.profiles.profile) {
      if (isRecord(profile)) lists.push(profile.dependencies);
    }
  }
  let cursor = 1;
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
      // Dependencies come in document order: search on from the previous one, so a pom with
      // thousands of dependencies is not searched from the top each time.
      const needle = `<artifactId>${artifactId}</artifactId>`;
      const line = lines.find(needle, cursor) ?? lines.find(needle);
      if (line !== undefined) cursor = line + 1;
      const group = resolveProperties(groupId, properties);
      const artifact = resolveProperties(artifactId, properties);
      out.add({
        name: `${group}:${artifact}`,
        version: rawVersion === undefined ? undefined : resolveProperties(rawVersion, properties),
        direct: true,
        scope: scopeOf(mavenScope, text(dependency.optional) === 'true'),
        line,
      });
    }
  }
  return out.result();
}
