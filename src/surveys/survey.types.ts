// The survey model shared by the template, the form, validation and the results.

export const PRIVACY_MODES = ['identified', 'pseudonymous', 'anonymous'] as const;
export type PrivacyMode = (typeof PRIVACY_MODES)[number];

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text', 'tool-picker'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** What a question means to the results and correlation, whatever its wording after edits. */
export const QUESTION_ROLES = [
  'tools',
  'tools-other',
  'frequency',
  'work-kinds',
  'data-classes',
  'approval',
  'account',
  'wished-tool',
  'free-text',
] as const;
export type QuestionRole = (typeof QUESTION_ROLES)[number];

export interface QuestionOption {
  value: string;
  label: string;
}

export interface QuestionDefinition {
  key: string;
  text: string;
  kind: QuestionKind;
  required: boolean;
  role?: QuestionRole | null;
  help?: string | null;
  /** single / multiple / tool-picker */
  options?: QuestionOption[];
  /** tool-picker: one tool or several */
  multiple?: boolean;
  scale?: { min: number; max: number; minLabel?: string; maxLabel?: string } | null;
}

export type Answers = Record<string, string | string[]>;

export const PRIVACY_STATEMENTS: Record<PrivacyMode, string> = {
  identified:
    'Identified survey: your answers are stored with your name so the AI Centre of Excellence can follow up with you. Team and leadership reports only show totals of at least {k} people.',
  pseudonymous:
    'Pseudonymous survey: your answers are stored under a code derived from your identity, not your name. Only the security team can turn the code back into a name, to compare answers with what systems observe. Team and leadership reports only show totals of at least {k} people.',
  anonymous:
    'Anonymous survey: nothing that links your answers to you is kept — no name, no invitation, no link code, no IP address and only the day you answered. Results only show totals of at least {k} people.',
};

export function privacyStatement(mode: PrivacyMode, k: number): string {
  return PRIVACY_STATEMENTS[mode].replace('{k}', String(k));
}
