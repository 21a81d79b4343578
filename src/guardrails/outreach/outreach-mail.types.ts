export type OutreachMailKind = 'clarification' | 'nudge' | 'decision';

/** The mail job's data: ids only; the links' secrets are made inside the job. */
export interface SendOutreachMailData {
  kind: OutreachMailKind;
  ids: string[];
  baseUrl: string;
  expiresInDays?: number;
}
