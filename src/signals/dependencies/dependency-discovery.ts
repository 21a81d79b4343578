import { dependencyConfidence } from './dependency-confidence';
import { MavenInheritance } from './jvm/maven-inheritance';
import { findLockEntryLine } from './lock-entry-line';
import { NuGetCentralVersions } from './nuget/central-versions';
import type {
  DeclaredDependency,
  DependencyDetection,
  DependencyMatch,
  ManifestFile,
  ManifestWarning,
  ParsedManifest,
  ToolMatcher,
} from './dependency.types';
import { manifestKind, REQUIREMENTS_KIND, runParser } from './manifest-registry';
import { OwnPackages } from './own-packages';

/** True for files the scanner must fetch for dependency discovery. */
export function isManifestPath(path: string): boolean {
  return manifestKind(path) !== undefined;
}

/** Parses one manifest or lock file; never throws, problems come back as warnings. */
export function parseManifest(file: ManifestFile): ParsedManifest {
  const kind = manifestKind(file.path);
  if (!kind) {
    return {
      dependencies: [],
      warnings: [{ path: file.path, reason: 'not a manifest or lock file this scanner reads' }],
    };
  }
  return runParser(kind, file);
}

function directoryOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at === -1 ? '' : path.slice(0, at);
}

/**
 * Finds the dependencies that belong to catalog AI tools across a repository's manifests.
 * Files named by a requirements file's `-r` are read as requirements files too. A lock entry
 * the lock itself cannot place (v1 npm locks, yarn classic, poetry.lock, composer.lock) is
 * direct when a manifest in the same folder declares it.
 */
export function detectAiDependencies(
  files: ManifestFile[],
  matcher: ToolMatcher,
): DependencyDetection {
  const warnings: ManifestWarning[] = [];
  const parsed: Array<{
    file: ManifestFile;
    lock: boolean;
    format: string;
    result: ParsedManifest;
  }> = [];
  const included = new Set<string>();
  const unclaimed: ManifestFile[] = [];
  for (const file of files) {
    const kind = manifestKind(file.path);
    if (!kind) {
      unclaimed.push(file);
      continue;
    }
    const result = runParser(kind, file);
    result.includes?.forEach((p) => included.add(p));
    parsed.push({ file, lock: kind.lock, format: kind.format, result });
  }
  for (const file of unclaimed) {
    if (included.has(file.path)) {
      const result = runParser(REQUIREMENTS_KIND, file);
      parsed.push({ file, lock: false, format: REQUIREMENTS_KIND.format, result });
    } else {
      warnings.push({ path: file.path, reason: 'not a manifest or lock file this scanner reads' });
    }
  }

  const declaredDirect = new Set<string>();
  const key = (d: DeclaredDependency) =>
    `${directoryOf(d.manifestPath)}\0${d.ecosystem}\0${d.name}`;
  for (const { lock, result } of parsed) {
    if (lock) continue;
    for (const d of result.dependencies) if (d.direct) declaredDirect.add(key(d));
  }

  // Versions other files supply (a NuGet central version file, Maven parent poms), built only
  // when a match needs them.
  let nuget: NuGetCentralVersions | undefined;
  let own: OwnPackages | undefined;
  let maven: MavenInheritance | undefined;

  const matches: DependencyMatch[] = [];
  for (const { file, lock, format, result } of parsed) {
    warnings.push(...result.warnings);
    let lines: string[] | undefined;
    for (const dependency of result.dependencies) {
      const toolId = matcher.matchPackage(dependency.ecosystem, dependency.name);
      // a framework's integration package is evidence of the vendor it integrates, too
      let vendor = matcher.matchIntegration?.(dependency.ecosystem, dependency.name);
      // ... unless the repository builds that integration itself (the framework's own source)
      if (vendor && (own ??= new OwnPackages(files)).has(dependency.ecosystem, dependency.name))
        vendor = undefined;
      if (!toolId && !vendor) continue;
      const match: DependencyMatch = { ...dependency, toolId: toolId ?? (vendor as string) };
      if (lock && !match.direct && declaredDirect.has(key(dependency))) match.direct = true;
      if (lock && match.line === undefined) {
        lines ??= file.content.split(/\r?\n/);
        const line = findLockEntryLine(lines, format, dependency);
        if (line !== undefined) match.line = line;
      }
      if (match.ecosystem === 'nuget' && match.version === undefined) {
        nuget ??= new NuGetCentralVersions(files);
        const version = nuget.versionFor(match.manifestPath, match.name);
        if (version !== undefined) match.version = version;
      }
      if (format === 'pom.xml' && (match.version === undefined || match.version.includes('${'))) {
        maven ??= new MavenInheritance(files);
        const version = maven.resolveVersion(match.manifestPath, match.name, match.version);
        if (version !== undefined) match.version = version;
      }
      const confidence = dependencyConfidence(match);
      match.confidence = confidence.confidence;
      match.confidenceReason = confidence.reason;
      matches.push(match);
      if (toolId && vendor && vendor !== toolId)
        matches.push({ ...match, toolId: vendor, integrationOf: toolId });
    }
  }
  return { matches, warnings };
}
