import type { SurveyPurgeCount } from '../../surveys/survey-erasure.repository';

/** What a purge did to one kind of data: its period, its cut-off, what it removed. */
export interface PurgedKind {
  /** the stated retention in days; null: none set, so nothing of this kind is purged */
  retentionDays: number | null;
  /** kept from this instant on; null with no period */
  cutoff: string | null;
  rows: number;
  /** whole month partitions dropped (their rows are counted in rows) */
  partitionsDropped: string[];
}

/**
 * Survey answers, drafts and invitations of surveys closed before the cut-off, counted per table
 * (rows is their sum); the surveys themselves stay. No partitions: partitionsDropped is empty.
 */
export interface PurgedSurveys extends PurgedKind, SurveyPurgeCount {}

export const RETENTION_KINDS = ['evidence', 'networkRollups', 'audit', 'surveys'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export interface PurgeResult {
  dryRun: boolean;
  at: string;
  kinds: Record<Exclude<RetentionKind, 'surveys'>, PurgedKind> & { surveys: PurgedSurveys };
}

export interface PurgeData {
  dryRun?: boolean;
}

export interface PartitionsResult {
  /** partitions made, per table */
  made: { evidence: string[]; networkRollups: string[] };
}

/** The instant `days` days before `now`: what was last seen before it is past retention. */
export function cutoffFor(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
