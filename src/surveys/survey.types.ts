// The survey model shared by the template, the form, validation and the results.

export const PRIVACY_MODES = ['identified', 'pseudonymous', 'anonymous'] as const;
export type PrivacyMode = (typeof PRIVACY_MODES)[number];

export const QUESTION_KINDS = [
  'single',
  'multiple',
  'scale',
  'text',
  'tool-picker',
  'likert',
  'matrix',
  'number',
  'ranking',
  'nps',
] as const;
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

/** Points and labelled ends of a scale, a Likert question (min 1, max 5 or 7) or a matrix's columns. */
export interface QuestionScale {
  min: number;
  max: number;
  minLabel?: string;
  maxLabel?: string;
}

/** The unit and bounds of a number question ("hours per week", 0–40, whole numbers). */
export interface NumberSpec {
  unit: string;
  min?: number;
  max?: number;
  integer?: boolean;
}

export const CONDITION_OPS = [
  'answered',
  'not-answered',
  'equals',
  'not-equals',
  'includes',
  'not-includes',
  'gte',
  'lte',
] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** When a question or section is shown, on earlier answers; evaluated on the server. */
export type Condition =
  | { question: string; op: ConditionOp; value?: string | number }
  | { all: Condition[] }
  | { any: Condition[] };

/** One language's wording of a question; keys of options/items are option/item values. */
export interface QuestionTranslation {
  text?: string;
  help?: string;
  options?: Record<string, string>;
  items?: Record<string, string>;
  minLabel?: string;
  maxLabel?: string;
  unit?: string;
}

export interface QuestionDefinition {
  key: string;
  text: string;
  kind: QuestionKind;
  required: boolean;
  role?: QuestionRole | null;
  help?: string | null;
  /** single / multiple / tool-picker / ranking; a matrix's columns when it has no scale */
  options?: QuestionOption[];
  /** tool-picker: one tool or several */
  multiple?: boolean;
  /** scale; likert (min 1, max 5 or 7); a matrix's columns when set */
  scale?: QuestionScale | null;
  /** the key of the survey section the question belongs to */
  section?: string | null;
  /** matrix rows */
  items?: QuestionOption[];
  number?: NumberSpec | null;
  showIf?: Condition | null;
  /** keyed by BCP-47 language tag */
  translations?: Record<string, QuestionTranslation>;
}

export interface SurveySection {
  key: string;
  title: string;
  showIf?: Condition | null;
  translations?: Record<string, { title?: string }>;
}

/**
 * One question's answer: single/scale/likert/text → string; number and nps → the number as a
 * string; multiple/tool-picker → string[]; ranking → option values in ranked order (first = 1);
 * matrix → item value → column value.
 */
export type Answer = string | string[] | Record<string, string>;
export type Answers = Record<string, Answer>;

export const PRIVACY_STATEMENTS: Record<PrivacyMode, string> = {
  identified:
    'Identified survey: your answers are stored with your name so the AI Centre of Excellence can follow up with you. Team and leadership reports only show totals of at least {k} people.',
  pseudonymous:
    'Pseudonymous survey: your answers are stored under a code derived from your identity, not your name, with your team at the time. Only the security team can turn the code back into a name, to compare answers with what systems observe. Team and leadership reports only show totals of at least {k} people.',
  anonymous:
    'Anonymous survey: nothing that links your answers to you is kept — no name, no invitation, no link code, no IP address and only the day you answered. An answer through your own invitation keeps your team, and only if the team has at least {k} people. Results only show totals of at least {k} people.',
};

export function privacyStatement(mode: PrivacyMode, k: number): string {
  return PRIVACY_STATEMENTS[mode].replaceAll('{k}', String(k));
}

/** The flat values of an answer (a matrix gives its chosen columns), for role-based reading. */
export function answerValues(answer: Answer | undefined): string[] {
  if (answer === undefined) return [];
  if (typeof answer === 'string') return [answer];
  return Array.isArray(answer) ? answer : Object.values(answer);
}
