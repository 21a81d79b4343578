import type { RiskTier } from '../../findings/findings.types';
import type { ReportFinding } from './report.types';

/**
 * Seen in use by a system (repository, dependency, network), not only said in a survey. A seat
 * is access, not use: it does not count on its own.
 */
export function isObserved(f: ReportFinding): boolean {
  return f.signals.some((s) => s !== 'survey' && s !== 'copilot-seat' && s !== 'seat');
}

export function tierRank(tier: RiskTier): number {
  return { critical: 0, high: 1, medium: 2, low: 3 }[tier];
}
