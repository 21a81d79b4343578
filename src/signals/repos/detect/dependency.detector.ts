import type { ToolMatcher } from '../../../catalog/catalog.types';
import { detectAiDependencies, isManifestPath } from '../../dependencies/dependency-discovery';
import type { RepoTrace, ScanWarning } from '../repo-scan.types';
import { pathConfidence } from './path-confidence';

export { isManifestPath };

/** AI SDKs and frameworks in manifests and lockfiles; the parsing belongs to signals/dependencies. */
export function detectDependencies(
  contents: Map<string, string>,
  matcher: ToolMatcher,
  warnings: ScanWarning[],
): RepoTrace[] {
  const files = [...contents]
    .filter(([p]) => isManifestPath(p))
    .map(([path, content]) => ({ path, content }));
  if (files.length === 0) return [];
  const result = detectAiDependencies(files, matcher);
  for (const w of result.warnings) warnings.push({ path: w.path, reason: w.reason });
  return result.matches.map((m) => {
    // the folder rule of repository traces (tests/, spec/ …) also applies to manifests
    const pc = pathConfidence(m.manifestPath);
    const lowest = pc.confidence < (m.confidence ?? 1) ? pc : undefined;
    const reason = lowest?.reason ?? m.confidenceReason;
    return {
      toolId: m.toolId,
      signal: 'dependency' as const,
      path: m.manifestPath,
      line: m.line,
      confidence: Math.min(m.confidence ?? 1, pc.confidence),
      detail: {
        ecosystem: m.ecosystem,
        package: m.name,
        ...(m.version ? { version: m.version } : {}),
        direct: m.direct,
        scope: m.scope,
        ...(m.integrationOf ? { integrationOf: m.integrationOf } : {}),
        ...(reason ? { confidenceReason: reason } : {}),
      },
      key: `${m.ecosystem}:${m.name}`,
    };
  });
}
