import type { CatalogProblem } from '../catalog-validator';
import type { ToolCategory, ToolDefinition } from '../catalog.types';
import { readVendorFactsDir } from './vendor-facts.loader';
import { FACT_PLANS, TOOL_FACT_KEYS, type Fact, type VendorFacts } from './vendor-facts.types';

/** The categories every tool of which must carry sourced facts (issue #15). */
export const FACT_CATEGORIES: readonly ToolCategory[] = [
  'coding-assistant',
  'coding-agent',
  'chat-assistant',
  'llm-api',
  'meeting-assistant',
  'writing-assistant',
];

export const STALE_AFTER_DAYS = 180;

export interface FactsAudit {
  /** every tool in the catalog */
  tools: number;
  /** tools with a facts entry */
  toolsWithFacts: number;
  factsFiles: string[];
  /** tools that should have facts and have none: why each is expected */
  withoutFacts: { toolId: string; name: string; category: ToolCategory; why: string[] }[];
  /** facts read more than STALE_AFTER_DAYS ago */
  stale: {
    toolId: string;
    fact: string;
    plan: string | null;
    checked: string;
    ageDays: number;
    source: string;
  }[];
  /** entries or files that do not match the schema (a fact without a source or date among them) */
  problems: CatalogProblem[];
  /** problems that are a missing source or date: CI fails on these */
  missingSourceOrDate: number;
}

/**
 * What `catalog audit` reports: tools the catalog must cover but holds no facts for (the six
 * categories, generic ids aside, and every tool the demo baseline shows), stale facts, and
 * facts entries that break the schema. Pure apart from reading the facts folder.
 */
export function auditFacts(
  tools: readonly ToolDefinition[],
  factsDir: string,
  now: Date,
  opts: { demoToolIds?: readonly string[]; cacheRoot?: string } = {},
): FactsAudit {
  const loaded = readVendorFactsDir(factsDir, new Set(tools.map((t) => t.id)), now, opts.cacheRoot);
  const demo = new Set(opts.demoToolIds ?? []);
  const withoutFacts: FactsAudit['withoutFacts'] = [];
  for (const t of tools) {
    if (loaded.byTool.has(t.id) || t.generic) continue;
    const why = [
      ...(FACT_CATEGORIES.includes(t.category) ? [`category ${t.category}`] : []),
      ...(demo.has(t.id) ? ['shown in the demo baseline'] : []),
    ];
    if (why.length > 0)
      withoutFacts.push({ toolId: t.id, name: t.name, category: t.category, why });
  }
  const stale: FactsAudit['stale'] = [];
  const today = Date.parse(now.toISOString().slice(0, 10));
  for (const [toolId, facts] of loaded.byTool) {
    for (const { plan, fact, value } of eachFact(facts)) {
      const ageDays = Math.floor((today - Date.parse(value.checked)) / 86_400_000);
      if (ageDays > STALE_AFTER_DAYS)
        stale.push({ toolId, fact, plan, checked: value.checked, ageDays, source: value.source });
    }
  }
  return {
    tools: tools.length,
    toolsWithFacts: loaded.byTool.size,
    factsFiles: loaded.files,
    withoutFacts,
    stale,
    problems: loaded.problems,
    missingSourceOrDate: loaded.problems.filter(
      (p) => /\.(source|checked)$/.test(p.field) && /is missing/.test(p.message),
    ).length,
  };
}

function* eachFact(
  f: VendorFacts,
): Generator<{ plan: string | null; fact: string; value: Fact<unknown> }> {
  for (const key of TOOL_FACT_KEYS) {
    const v = f[key] as Fact<unknown> | undefined;
    if (v) yield { plan: null, fact: key, value: v };
  }
  for (const plan of FACT_PLANS)
    for (const [fact, v] of Object.entries(f.plans[plan] ?? {}))
      yield { plan, fact, value: v as Fact<unknown> };
}
