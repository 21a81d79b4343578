// Daily roll-ups per (identity, tool, UTC day): the only thing network ingest keeps.
import type { NetworkIdentityKind } from '../network.types';

export interface UsageRollup {
  identityKind: NetworkIdentityKind;
  identityValue: string;
  toolId: string;
  /** the tool's action (upload, chat …) as its catalog action rules read the URL; '' or absent when none says */
  action?: string;
  /** YYYY-MM-DD, UTC */
  day: string;
  requests: number;
  bytesUp: number;
  bytesDown: number;
  blocked: number;
  /** epoch ms */
  firstSeen: number;
  lastSeen: number;
}

export interface ToolSummary {
  requests: number;
  bytes: number;
  identities: number;
}

export interface MalformedSample {
  line: number;
  reason: string;
}

export interface IngestCounts {
  lines: number;
  parsed: number;
  malformed: number;
  /** parsed lines whose host is an AI tool */
  matched: number;
}

/** What survives a checkpoint, so a resumed ingest reports totals for the whole file. */
export interface IngestProgressState {
  counts: IngestCounts;
  malformedSample: MalformedSample[];
  /** tool id → requests, bytes and the identity keys seen */
  tools: Record<string, { requests: number; bytes: number; identities: string[] }>;
}

const DAY_MS = 86_400_000;

export function utcDay(time: number): string {
  return new Date(Math.floor(time / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}
