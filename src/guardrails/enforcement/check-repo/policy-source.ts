import { loadBuiltinCatalog } from '../../../catalog/catalog-loader';
import { defaultPolicy } from '../../../catalog/catalog.service';
import type { ToolDefinition, ToolMatcher } from '../../../catalog/catalog.types';
import { CatalogMatcher } from '../../../catalog/matcher/catalog-matcher';
import { parsePolicyYaml, type ToolPolicy } from '../../../catalog/policy-yaml';
import { DomainError, ErrorCode } from '../../../common/domain-error';
import { toolPathSamples } from '../../../signals/repos/detect/config-file.detector';

/** What check-repo judges with: the catalog's matcher and names, and the policy per tool. */
export interface CheckPolicy {
  /** where the policy came from, for the report: a file, a URL or the local store */
  source: string;
  matcher: ToolMatcher;
  toolPathSamples: string[];
  toolName(toolId: string): string;
  policies: ReadonlyMap<string, ToolPolicy>;
  /** entries of a policy file that name no tool of this catalog (custom tools seen offline) */
  ignored: string[];
}

/** A catalog (built-in plus custom tools) and a policy file's text as a CheckPolicy. */
export function checkPolicyOf(
  source: string,
  policyYaml: string,
  customTools: readonly ToolDefinition[] = [],
): CheckPolicy {
  const custom = new Map(customTools.map((t) => [t.id, t]));
  const builtin = loadBuiltinCatalog();
  const tools = builtin
    .map((t) => custom.get(t.id) ?? t)
    .concat(customTools.filter((t) => !builtin.some((b) => b.id === t.id)));
  const ids = new Set(tools.map((t) => t.id));
  let parsed = parsePolicyYaml(policyYaml, ids);
  // A policy exported from a server with custom tools names ids this catalog lacks: without
  // their rules nothing can match them, so they are skipped and said so, not fatal.
  const unknown = parsed.problems
    .filter((p) => p.message === 'is not a tool in the catalog')
    .map((p) => p.field.replace(/^policies\./, ''));
  if (unknown.length > 0 && unknown.length === parsed.problems.length)
    parsed = parsePolicyYaml(policyYaml, new Set([...ids, ...unknown]));
  if (parsed.problems.length > 0)
    throw new DomainError(
      ErrorCode.InvalidInput,
      `${source}: ${parsed.problems.map((p) => `line ${p.line ?? '?'}: ${p.field} ${p.message}`).join('; ')}`,
    );
  const policies = new Map(tools.map((t) => [t.id, defaultPolicy(t.id)]));
  for (const c of parsed.changes) {
    if (!ids.has(c.toolId)) continue;
    policies.set(c.toolId, { ...defaultPolicy(c.toolId), ...c });
  }
  const byId = new Map(tools.map((t) => [t.id, t]));
  return {
    source,
    matcher: CatalogMatcher.fromTools(tools),
    toolPathSamples: toolPathSamples(tools.flatMap((t) => t.rules.paths ?? [])),
    toolName: (id) => byId.get(id)?.name ?? id,
    policies,
    ignored: unknown,
  };
}

/**
 * The policy and custom tools from a running AI Census (`GET /api/catalog/policies/export` and
 * `/api/catalog/custom-tools`), with a token of any role.
 */
export async function fetchCheckPolicy(apiUrl: string, token: string): Promise<CheckPolicy> {
  const base = apiUrl.replace(/\/+$/, '');
  const get = async (path: string): Promise<Response> => {
    const res = await fetch(`${base}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    }).catch((err: Error) => {
      throw new DomainError(ErrorCode.Unavailable, `${base}${path}: ${err.message}`);
    });
    if (!res.ok)
      throw new DomainError(
        res.status === 401 || res.status === 403
          ? ErrorCode.Unauthenticated
          : ErrorCode.Unavailable,
        `${base}${path} answered ${res.status}`,
      );
    return res;
  };
  const yaml = await (await get('/api/catalog/policies/export')).text();
  const custom = (await (await get('/api/catalog/custom-tools')).json()) as {
    tools?: ToolDefinition[];
  };
  return checkPolicyOf(`${base}/api/catalog/policies/export`, yaml, custom.tools ?? []);
}
