// The catalog as the API and the CLI show it: each tool with its signals and its policy. Pure
// functions over the tools and the stored policies, so that the CLI can answer from the built-in
// catalog alone, without the database, when the store holds nothing of the organisation's.
import type { PolicyStatus, Signal, ToolCategory, ToolDefinition } from './catalog.types';
import { policyReferenceIds } from './compliance-references';
import type { ToolPolicyEntity } from './entities/tool-policy.entity';
import { normalizeName } from './matcher/normalize';
import type { ToolPolicy } from './policy-yaml';
import { toolSignals } from './tool-signals';

export interface ToolFilter {
  category?: ToolCategory;
  status?: PolicyStatus;
  signal?: Signal;
  /** free text over id, name, vendor and aliases */
  q?: string;
}

/** A tool as the API and CLI show it: its definition, the signals it can produce, its policy. */
export type CatalogToolView = ToolDefinition & {
  signals: Signal[];
  /** true when a custom definition replaces the built-in one of the same id */
  overridesBuiltin: boolean;
  policy: Omit<ToolPolicy, 'toolId'>;
  /** ids of the framework provisions this tool's policy documents (GET /api/catalog/compliance-references) */
  complianceReferences: string[];
};

export function defaultPolicy(toolId: string): ToolPolicy {
  return {
    toolId,
    status: 'unreviewed',
    dataClasses: [],
    tenantBound: false,
    note: null,
    decidedBy: null,
    decidedAt: null,
    owner: null,
    purpose: null,
    nextReview: null,
    plan: null,
    actions: {},
  };
}

/**
 * What the organisation's store adds to the built-in catalog, as the last process to close the
 * embedded database saw it (database/closed-store-facts.ts). All zero: the built-in catalog alone
 * is the answer, with no database to start.
 */
export interface CatalogStoreFact {
  customTools: number;
  policies: number;
  factOverrides: number;
}

export const CATALOG_STORE_FACT = 'catalog';

export function addsNothing(fact: CatalogStoreFact | undefined): boolean {
  return !!fact && fact.customTools === 0 && fact.policies === 0 && fact.factOverrides === 0;
}

/** One tool as shown: its definition, signals and policy (the default one when none is stored). */
export function catalogView(
  tool: ToolDefinition,
  row: ToolPolicyEntity | null,
  builtinIds: ReadonlySet<string>,
): CatalogToolView {
  const { toolId: _toolId, ...policy } = row ? toPolicy(row) : defaultPolicy(tool.id);
  return {
    ...tool,
    signals: toolSignals(tool),
    overridesBuiltin: tool.origin === 'custom' && builtinIds.has(tool.id),
    policy,
    complianceReferences: policyReferenceIds(policy, tool.category),
  };
}

/** The tools that pass the filter, shown, in id order. */
export function catalogViews(
  tools: readonly ToolDefinition[],
  policies: ToolPolicyEntity[],
  builtinIds: ReadonlySet<string>,
  filter: ToolFilter = {},
): CatalogToolView[] {
  const byTool = new Map(policies.map((r) => [r.toolId, r]));
  const q = filter.q ? normalizeName(filter.q) : '';
  return tools
    .filter((t) => !filter.category || t.category === filter.category)
    .filter((t) => !q || searchKeys(t).some((k) => k.includes(q)))
    .map((t) => catalogView(t, byTool.get(t.id) ?? null, builtinIds))
    .filter((v) => !filter.status || v.policy.status === filter.status)
    .filter((v) => !filter.signal || v.signals.includes(filter.signal))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function toPolicy(row: ToolPolicyEntity): ToolPolicy {
  return {
    toolId: row.toolId,
    status: row.status,
    dataClasses: row.dataClasses ?? [],
    tenantBound: row.tenantBound,
    note: row.note,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    owner: row.owner ?? null,
    purpose: row.purpose ?? null,
    nextReview: row.nextReview ?? null,
    plan: row.plan ?? null,
    actions: row.actions ?? {},
  };
}

function searchKeys(tool: ToolDefinition): string[] {
  return [tool.id, tool.name, tool.vendor, ...(tool.aliases ?? [])].map(normalizeName);
}
