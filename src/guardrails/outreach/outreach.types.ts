import type { DataClass, PolicyStatus } from '../../catalog/catalog.types';

export const TOOL_REQUEST_STATUSES = ['open', 'decided', 'withdrawn'] as const;
export type ToolRequestStatus = (typeof TOOL_REQUEST_STATUSES)[number];

/** What the CoE decided on a tool request: the policy it set and why. */
export interface ToolRequestDecision {
  status: PolicyStatus;
  dataClasses: DataClass[];
  tenantBound: boolean;
  note: string | null;
}

/** How a link answers: a page to show, or why it cannot be used. */
export type LinkState = 'ok' | 'unknown' | 'used' | 'expired';

/** The acceptable-use policy acknowledgement rate, as a leader may see it. */
export interface AupAcknowledgementRates {
  /** the newest published version, the one counted; null when none is published */
  aupVersion: string | null;
  k: number;
  overall: AupRateRow;
  /** teams asked fewer than k are pooled into one row, itself suppressed when under k */
  teams: (AupRateRow & { team: string })[];
}

export interface AupRateRow {
  /** people sent a nudge for this version; null when fewer than k */
  asked: number | null;
  acknowledged: number | null;
  /** acknowledged / asked, 0..1; null when fewer than k were asked */
  rate: number | null;
}

/** What clarification answers say about one tool, counts under k suppressed. */
export interface ClarificationToolSummary {
  toolId: string;
  asked: number;
  answered: number | null;
  saidYes: number | null;
  saidNo: number | null;
  /** data class → how many who said yes named it; empty when the yes-group is under k */
  dataClasses: Record<string, number | null>;
}
