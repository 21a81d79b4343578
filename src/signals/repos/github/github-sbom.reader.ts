import type { Ecosystem, ToolMatcher } from '../../../catalog/catalog.types';
import { CONFIDENCE } from '../../../evidence/confidence';
import type { RepoTrace, ScanWarning } from '../repo-scan.types';
import { type GithubClient, httpStatus } from './github-client';

// package-URL types (https://github.com/package-url/purl-spec) to catalog ecosystems
const PURL_TYPES: Record<string, Ecosystem> = {
  npm: 'npm',
  pypi: 'pypi',
  golang: 'go',
  maven: 'maven',
  nuget: 'nuget',
  cargo: 'cargo',
  gem: 'rubygems',
  composer: 'packagist',
};

interface SpdxPackage {
  name?: string;
  versionInfo?: string;
  externalRefs?: { referenceType?: string; referenceLocator?: string }[];
}

export function parsePurl(
  purl: string,
): { ecosystem: Ecosystem; name: string; version?: string } | undefined {
  const m = purl.match(/^pkg:([a-z]+)\/([^@?#]+)(?:@([^?#]+))?/i);
  const ecosystem = m && PURL_TYPES[m[1].toLowerCase()];
  if (!m || !ecosystem) return undefined;
  const parts = decodeURIComponent(m[2]).split('/');
  // maven names are group:artifact in the catalog; the purl spells them group/artifact
  const name =
    ecosystem === 'maven' && parts.length === 2 ? `${parts[0]}:${parts[1]}` : parts.join('/');
  return { ecosystem, name, version: m[3] ? decodeURIComponent(m[3]) : undefined };
}

/**
 * AI packages in GitHub's dependency graph (an SPDX SBOM): it includes transitive packages that
 * no manifest in the tree names. One request per repository, so it is opt-in.
 */
export async function readDependencyGraph(
  client: GithubClient,
  owner: string,
  repo: string,
  matcher: ToolMatcher,
  warnings: ScanWarning[],
): Promise<RepoTrace[]> {
  let packages: SpdxPackage[];
  try {
    const { data } = await client.octokit.request(
      'GET /repos/{owner}/{repo}/dependency-graph/sbom',
      { owner, repo },
    );
    packages = (data as { sbom?: { packages?: SpdxPackage[] } }).sbom?.packages ?? [];
  } catch (err) {
    const status = httpStatus(err);
    warnings.push({
      reason:
        status === 404 || status === 403
          ? `dependency graph not available for ${owner}/${repo} (HTTP ${status}): enable it, or give the token the repository permission "Contents: read"`
          : `could not read the dependency graph of ${owner}/${repo}: ${(err as Error).message}`,
    });
    return [];
  }
  const traces: RepoTrace[] = [];
  const seen = new Set<string>();
  for (const p of packages) {
    const purl = p.externalRefs?.find((r) => r.referenceType === 'purl')?.referenceLocator;
    const parsed = purl ? parsePurl(purl) : undefined;
    if (!parsed) continue;
    const key = `sbom:${parsed.ecosystem}:${parsed.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const toolId = matcher.matchPackage(parsed.ecosystem, parsed.name);
    // a framework's integration package counts for the vendor too, as in a manifest
    const vendor = matcher.matchIntegration?.(parsed.ecosystem, parsed.name);
    for (const [id, integrationOf] of [
      [toolId, undefined],
      [vendor !== toolId ? vendor : undefined, toolId],
    ] as const) {
      if (!id) continue;
      traces.push({
        toolId: id,
        signal: 'dependency',
        // the dependency graph lists every package, transitive ones too, without saying which
        confidence: CONFIDENCE.dependencyTransitive.confidence,
        detail: {
          source: 'dependency-graph',
          confidenceReason: `${CONFIDENCE.dependencyTransitive.reason} (the dependency graph does not say whether the project declares it)`,
          ecosystem: parsed.ecosystem,
          package: parsed.name,
          ...((parsed.version ?? p.versionInfo)
            ? { version: parsed.version ?? p.versionInfo }
            : {}),
          purl,
          ...(integrationOf ? { integrationOf } : {}),
        },
        key,
      });
    }
  }
  return traces;
}
