import type { RiskTier } from '../../findings/findings.types';
import type { ReportFinding, ReportTool } from './report.types';

/**
 * Seen in use by a system (repository, dependency, network), not only said in a survey. A seat
 * is access, not use: it does not count on its own.
 */
export function isObserved(f: ReportFinding): boolean {
  return f.signals.some((s) => s !== 'survey' && s !== 'copilot-seat');
}

export function tierRank(tier: RiskTier): number {
  return { critical: 0, high: 1, medium: 2, low: 3 }[tier];
}

/** Whether a tool's vendor terms would pass a sanction review, in one sentence. */
export function vendorVerdict(
  tool: ReportTool,
  riskyJurisdictions: string[],
): { acceptable: boolean; summary: string } {
  const v = tool.vendorRisk;
  if (!v) return { acceptable: false, summary: 'vendor data handling unknown: review before use' };
  const problems: string[] = [];
  const good: string[] = [];
  const trains = v.trainsOnInputsByDefault?.value;
  if (trains === 'yes') problems.push('trains on inputs by default');
  else if (trains === 'no') good.push('does not train on inputs');
  const jurisdiction = v.jurisdiction?.value?.toUpperCase();
  if (jurisdiction && riskyJurisdictions.includes(jurisdiction))
    problems.push(`processes data under ${jurisdiction} jurisdiction`);
  const c = v.enterpriseControls?.value;
  if (c?.dpa === 'no') problems.push('no DPA');
  if (c?.dpa === 'yes') good.push('DPA available');
  if (c?.sso === 'yes') good.push('SSO');
  if (problems.length > 0) return { acceptable: false, summary: problems.join('; ') };
  if (good.length === 0)
    return { acceptable: false, summary: 'vendor terms unclear: review before use' };
  return { acceptable: true, summary: good.join(', ') };
}
