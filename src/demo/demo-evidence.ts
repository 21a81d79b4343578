import type { ToolMatcher } from '../catalog/catalog.types';
import type { EvidenceInput } from '../evidence/evidence.types';
import type { DemoOrganisation } from './demo-org.types';

/**
 * Network logs, repositories, people and survey answers go through their modules; only the
 * organisation's Copilot seats, which the GitHub organisation scan would read, are made here.
 */

/** Copilot seats of the organisation, as the GitHub scan reports them. */
export function seatEvidence(org: DemoOrganisation, matcher: ToolMatcher): EvidenceInput[] {
  const toolId = matcher.matchHost('copilot-proxy.githubusercontent.com');
  if (!toolId) return [];
  const at = new Date(org.now.getTime() - 45 * 86_400_000);
  return org.copilotSeats.map((login) => ({
    toolId,
    signal: 'copilot-seat',
    identityKind: 'github',
    identityValue: login,
    firstSeen: at,
    lastSeen: at,
    detail: { seat: 'business' },
    fingerprint: `demo:seat:${login}`,
  }));
}
