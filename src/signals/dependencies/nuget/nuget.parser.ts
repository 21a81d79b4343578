import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DependencyScope, ManifestFile, ParsedManifest } from '../dependency.types';
import { isRecord, LineLocator, ManifestCollector } from '../manifest-parser';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['ItemGroup', 'PackageReference', 'PackageVersion', 'package'].includes(name),
});

function parseXml(file: ManifestFile): Record<string, unknown> {
  // MSBuild files often start with a byte-order mark.
  const content = file.content.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(content);
  if (valid !== true) throw new Error(`line ${valid.err.line}: ${valid.err.msg}`);
  return parser.parse(content) as Record<string, unknown>;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * SDK-style project files (*.csproj, *.fsproj, *.vbproj, Directory.Build.props):
 * `<PackageReference Include="X" Version="1.0" />` or a child `<Version>` element.
 * `PrivateAssets="all"` marks analyzers and build tools that do not flow to consumers.
 */
export function parseMsBuildProject(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'nuget');
  const doc = parseXml(file);
  const project = doc.Project;
  if (!isRecord(project)) throw new Error('no <Project> root element');
  const lines = new LineLocator(file.content);
  const groups = Array.isArray(project.ItemGroup) ? project.ItemGroup : [];
  for (const group of groups) {
    if (!isRecord(group) || !Array.isArray(group.PackageReference)) continue;
    for (const reference of group.PackageReference) {
      if (!isRecord(reference)) continue;
      // `Update` changes an item declared elsewhere (Directory.Build.props), not a new reference.
      const name = str(reference['@Include']);
      if (!name) {
        if (!str(reference['@Update'])) out.warn('a <PackageReference> has no Include');
        continue;
      }
      // Under central package management the version lives in Directory.Packages.props
      // (filled in by detectAiDependencies) unless the reference overrides it.
      const version =
        str(reference['@Version']) ?? str(reference.Version) ?? str(reference['@VersionOverride']);
      const privateAssets = str(reference['@PrivateAssets']) ?? str(reference.PrivateAssets);
      const scope: DependencyScope = privateAssets?.toLowerCase() === 'all' ? 'build' : 'runtime';
      out.add({
        name,
        version,
        direct: true,
        scope,
        line: lines.find([`"${name}"`, 'PackageReference']),
      });
    }
  }
  return out.result();
}

/** packages.config (classic NuGet): `<package id version developmentDependency />`. */
export function parsePackagesConfig(file: ManifestFile): ParsedManifest {
  const out = new ManifestCollector(file, 'nuget');
  const doc = parseXml(file);
  const root = doc.packages;
  if (root === undefined || root === '') return out.result();
  if (!isRecord(root)) throw new Error('no <packages> root element');
  const lines = new LineLocator(file.content);
  for (const entry of Array.isArray(root.package) ? root.package : []) {
    if (!isRecord(entry)) continue;
    const name = str(entry['@id']);
    if (!name) {
      out.warn('a <package> has no id');
      continue;
    }
    out.add({
      name,
      version: str(entry['@version']),
      direct: true,
      scope: str(entry['@developmentDependency']) === 'true' ? 'dev' : 'runtime',
      line: lines.find(`"${name}"`),
    });
  }
  return out.result();
}

/**
 * Directory.Packages.props (central package management): the versions that projects below it
 * get for `<PackageReference Include="X" />`. Versions, not use, so it declares no dependency.
 */
export function readCentralPackageVersions(file: ManifestFile): {
  versions: Map<string, string>;
  parsed: ParsedManifest;
} {
  const out = new ManifestCollector(file, 'nuget');
  const versions = new Map<string, string>();
  const project = parseXml(file).Project;
  if (!isRecord(project)) throw new Error('no <Project> root element');
  for (const group of Array.isArray(project.ItemGroup) ? project.ItemGroup : []) {
    if (!isRecord(group) || !Array.isArray(group.PackageVersion)) continue;
    for (const entry of group.PackageVersion) {
      if (!isRecord(entry)) continue;
      const name = str(entry['@Include']);
      const version = str(entry['@Version']) ?? str(entry.Version);
      if (!name || !version) {
        out.warn('a <PackageVersion> lacks Include or Version');
        continue;
      }
      versions.set(name.toLowerCase(), version);
    }
  }
  return { versions, parsed: out.result() };
}

export function parseCentralPackageVersions(file: ManifestFile): ParsedManifest {
  return readCentralPackageVersions(file).parsed;
}
