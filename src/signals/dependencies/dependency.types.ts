// The types of the contract between the repository scanner (src/signals/repos) and dependency
// discovery. The scanner asks isManifestPath() which files to fetch, then hands their text to
// detectAiDependencies() (both in dependency-discovery.ts; this file holds types only, so the
// parsers that import it stay out of the discovery's import graph).
import type { Ecosystem, ToolMatcher } from '../../catalog/catalog.types';

export type { Ecosystem, ToolMatcher };

/** A manifest or lock file as the scanner fetched it. */
export interface ManifestFile {
  /** relative to the repository root, forward slashes */
  path: string;
  content: string;
}

export type DependencyScope = 'runtime' | 'dev' | 'optional' | 'peer' | 'build' | 'test';

export interface DeclaredDependency {
  ecosystem: Ecosystem;
  /** as the ecosystem spells it canonically (PyPI names PEP 503-normalised) */
  name: string;
  /** the declared constraint or the locked version, as written */
  version?: string;
  /** declared by the project itself (false: pulled in transitively, e.g. lock-only or `// indirect`) */
  direct: boolean;
  scope: DependencyScope;
  manifestPath: string;
  /** 1-based line of the declaration, when the format makes it cheap to know */
  line?: number;
}

export interface ManifestWarning {
  path: string;
  reason: string;
}

export interface ParsedManifest {
  dependencies: DeclaredDependency[];
  warnings: ManifestWarning[];
  /** files this one pulls in (`-r other.txt` in requirements files), relative to the repo root */
  includes?: string[];
}

export interface DependencyMatch extends DeclaredDependency {
  toolId: string;
  /** set when the package is a framework's integration of this tool: the framework's tool id */
  integrationOf?: string;
  /** 0..1 from the confidence table: how it is declared, and where (fixtures, examples, vendored) */
  confidence?: number;
  /** why the confidence is what it is */
  confidenceReason?: string;
}

export interface DependencyDetection {
  matches: DependencyMatch[];
  warnings: ManifestWarning[];
}
