import type {
  DependencyDetection,
  ManifestFile,
  ParsedManifest,
  ToolMatcher,
} from './dependency.types';

/** True for files the scanner must fetch for dependency discovery. */
export function isManifestPath(_path: string): boolean {
  return false;
}

/** Parses one manifest or lock file; never throws, problems come back as warnings. */
export function parseManifest(_file: ManifestFile): ParsedManifest {
  return { dependencies: [], warnings: [] };
}

/** Finds the dependencies that belong to catalog AI tools across a repository's manifests. */
export function detectAiDependencies(
  _files: ManifestFile[],
  _matcher: ToolMatcher,
): DependencyDetection {
  return { matches: [], warnings: [] };
}
