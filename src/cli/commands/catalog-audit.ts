import { resolve } from 'node:path';
import {
  BUILTIN_CATALOG_DIR,
  BUILTIN_FACTS_DIR,
  loadCatalogDir,
} from '../../catalog/catalog-loader';
import { auditFacts, STALE_AFTER_DAYS, type FactsAudit } from '../../catalog/facts/facts-audit';
import { CatalogMatcher } from '../../catalog/matcher/catalog-matcher';
import { formatProblem } from '../../catalog/catalog-validator';
import { generateDemoOrganisation } from '../../demo/demo-org.generator';

export interface CatalogAuditRun {
  report: FactsAudit & { demoTools: string[]; ok: boolean };
  failed: boolean;
  text: (r: CatalogAuditRun['report']) => string;
}

/**
 * `catalog audit`: reads the data files alone, without the database, so it runs in CI and on a
 * fresh checkout. The demo's tools are those its generated organisation uses, matched through
 * the same catalog.
 */
export function runCatalogAudit(factsDir?: string, now = new Date()): CatalogAuditRun {
  const tools = loadCatalogDir(BUILTIN_CATALOG_DIR);
  const demoTools = generateDemoOrganisation(CatalogMatcher.fromTools(tools)).truth.toolsInUse;
  const audit = auditFacts(tools, factsDir ? resolve(factsDir) : BUILTIN_FACTS_DIR, now, {
    demoToolIds: demoTools,
    cacheRoot: factsDir ? undefined : BUILTIN_CATALOG_DIR,
  });
  const failed = audit.problems.length > 0;
  return { report: { ...audit, demoTools, ok: !failed }, failed, text };
}

function text(r: CatalogAuditRun['report']): string {
  const lines = [
    `${r.tools} tools in the catalog, ${r.toolsWithFacts} with vendor facts (${r.factsFiles.length} facts files)`,
    `${r.withoutFacts.length} tools without facts that need them:`,
    ...r.withoutFacts.map((t) => `  ${t.toolId.padEnd(28)} ${t.why.join('; ')}`),
    `${r.stale.length} facts older than ${STALE_AFTER_DAYS} days:`,
    ...r.stale.map(
      (s) =>
        `  ${s.toolId} ${s.plan ? `${s.plan}.` : ''}${s.fact} checked ${s.checked} (${s.ageDays} days)`,
    ),
    `${r.problems.length} facts entries not matching the schema (${r.missingSourceOrDate} without a source or date):`,
    ...r.problems.map((p) => `  ${formatProblem(p)}`),
  ];
  lines.push(r.ok ? 'audit passed' : 'audit FAILED: fix the entries above');
  return lines.join('\n');
}
