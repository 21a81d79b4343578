import type { ToolMatcher } from '../../catalog/catalog.types';
import { detectAgents, isAgentCandidate } from './detect/agents/agents.detector';
import { detectCommits } from './detect/commit.detector';
import { detectConfigFiles, PathMatchCache } from './detect/config-file.detector';
import { detectDependencies, isManifestPath } from './detect/dependency.detector';
import { detectIdeExtensions, ideFileKind } from './detect/ide-extension.detector';
import { assessMarkerList, lowerForMarkerList, markerDataCandidates } from './detect/marker-list';
import { detectWorkflow, isWorkflowPath } from './detect/workflow.detector';
import { detectGuardrails, isPreCommitConfigPath } from './detect/guardrail.detector';
import type {
  RepoFileEntry,
  RepoGuardrail,
  RepoSnapshot,
  RepoTrace,
  ScanWarning,
} from './repo-scan.types';

/** Files larger than this are not read (a lockfile past it is noted in the scan warnings). */
export const MAX_FILE_BYTES = 1024 * 1024;

export function isGitignorePath(path: string): boolean {
  return path === '.gitignore' || path.endsWith('/.gitignore');
}

/**
 * The files whose content a detector needs. Chosen from paths and sizes alone, so the local and
 * the GitHub source read exactly the same files.
 */
export function selectCandidates(files: RepoFileEntry[], warnings: ScanWarning[]): RepoFileEntry[] {
  const wanted = new Set(markerDataCandidates(files));
  const out: RepoFileEntry[] = [];
  for (const f of files) {
    const needed =
      wanted.has(f.path) ||
      isWorkflowPath(f.path) ||
      isPreCommitConfigPath(f.path) ||
      ideFileKind(f.path) !== undefined ||
      isGitignorePath(f.path) ||
      isAgentCandidate(f.path) ||
      isManifestPath(f.path);
    if (!needed) continue;
    if (f.size > MAX_FILE_BYTES) {
      warnings.push({
        path: f.path,
        reason: `skipped: ${f.size} bytes is over the ${MAX_FILE_BYTES}-byte cap`,
      });
      continue;
    }
    out.push(f);
  }
  return out;
}

/** Heuristic used by git itself: a NUL byte early in the file means binary. */
export function looksBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8000).includes(0);
}

export interface AnalyzeOptions {
  /** concrete paths from the catalog's path rules (toolPathSamples), for .gitignore wildcards */
  toolPathSamples?: string[];
}

/** Runs every detector over a snapshot. Pure: both sources end here. */
export function analyzeSnapshot(
  snapshot: RepoSnapshot,
  matcher: ToolMatcher,
  warnings: ScanWarning[],
  options: AnalyzeOptions = {},
): { traces: RepoTrace[]; markerList?: string; guardrails: RepoGuardrail[] } {
  const cache = new PathMatchCache(matcher);
  const traces: RepoTrace[] = [
    ...detectConfigFiles(snapshot, matcher, cache, options.toolPathSamples),
    ...detectCommits(snapshot.commits, matcher),
  ];
  for (const [path, content] of snapshot.contents) {
    if (isWorkflowPath(path)) traces.push(...detectWorkflow(path, content, matcher, warnings));
    if (ideFileKind(path)) traces.push(...detectIdeExtensions(path, content, matcher, warnings));
  }
  traces.push(...detectDependencies(snapshot.contents, matcher, warnings));
  traces.push(...detectAgents(snapshot.contents, warnings));
  const markerList = assessMarkerList(snapshot.files, snapshot.contents, matcher);
  if (markerList) lowerForMarkerList(traces, markerList);
  for (const t of traces) {
    t.firstSeen ??= snapshot.scannedAt;
    t.lastSeen ??= snapshot.scannedAt;
  }
  return { traces, markerList, guardrails: detectGuardrails(snapshot.contents) };
}
