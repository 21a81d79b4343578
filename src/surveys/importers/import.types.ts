// The normalised shape every survey-export importer produces, whatever the vendor.

export const SURVEY_FORMATS = [
  'microsoft-forms',
  'google-forms',
  'surveymonkey',
  'qualtrics',
  'typeform',
  'formbricks',
  'limesurvey',
] as const;
export type SurveyFormat = (typeof SURVEY_FORMATS)[number];

import type { Answers } from '../survey.types';

export type ImportedQuestionKind =
  'single' | 'multiple' | 'scale' | 'text' | 'likert' | 'matrix' | 'number' | 'ranking' | 'nps';

export interface ImportedQuestion {
  key: string;
  text: string;
  kind: ImportedQuestionKind;
  /** options seen in the answers (choice questions only), in first-seen order; a matrix's columns */
  options?: string[];
  /** a matrix's rows, in column order */
  items?: string[];
  /** a number question's unit, when the heading names one ("Time saved (hours)") */
  unit?: string;
  /** a numeric scale's points and, where the export names them, its labelled ends */
  scale?: { min: number; max: number; minLabel?: string; maxLabel?: string };
}

export type RespondentKeyKind = 'email' | 'token' | 'id';

export interface ImportedResponse {
  /** email when the export has one, else the vendor's token, else its response id */
  respondentKey: string;
  respondentKeyKind: RespondentKeyKind;
  /** ISO 8601; vendor times without a zone are read as UTC */
  submittedAt: string | null;
  /** matrix → item → column; ranking → options in ranked order */
  answers: Answers;
}

export interface ImportedSurvey {
  format: SurveyFormat;
  questions: ImportedQuestion[];
  responses: ImportedResponse[];
  /** rows or cells that could not be read, each naming row and column; good rows are still kept */
  warnings: string[];
}

export type ColumnRole =
  | 'respondent-email'
  | 'respondent-token'
  | 'respondent-id'
  | 'submitted-at'
  | 'question'
  | 'ignore';

/**
 * How one column of the export becomes (part of) a question.
 * - value: the cell is the whole answer
 * - joined: the cell holds several options joined by `separator`
 * - flag: one column per option; a marked cell (Y, 1, or the option's own text) selects `option`
 * - matrix: one column per matrix row (`item`); the cell is that row's answer
 * - rank: one column per option of a ranking; the cell is the option's rank (1 = first)
 * - position: one column per rank of a ranking (`position`); the cell is the option ranked there
 * - pairs: one cell holds a whole matrix as "row: column" lines (older Formbricks exports)
 */
export type ColumnEncoding = 'value' | 'joined' | 'flag' | 'matrix' | 'rank' | 'position' | 'pairs';

export interface ColumnSpec {
  index: number;
  /** the header as the export shows it (first header row, forward-filled where the vendor leaves blanks) */
  header: string;
  role: ColumnRole;
  questionKey?: string;
  questionText?: string;
  encoding?: ColumnEncoding;
  separator?: string;
  option?: string;
  /** matrix columns: the row (item) this column answers */
  item?: string;
  /** position columns: the rank this column holds (1 = first) */
  position?: number;
  /** number columns: the unit the vendor states apart from the heading */
  unit?: string;
  /**
   * flag columns: 'mark' (default) selects on Y, 1, Yes…; 'any' on any non-empty cell (Qualtrics
   * and SurveyMonkey write the option's text or its number there)
   */
  chosen?: 'mark' | 'any';
  /** flag columns: a vendor's written "not chosen" value (LimeSurvey's "Convert N to") */
  unselected?: string;
  /** a kind the vendor layout states outright (e.g. SurveyMonkey "Open-Ended Response") */
  kind?: ImportedQuestionKind;
  /** IANA zone the column's local times are written in (Qualtrics states it in its ImportId row) */
  timeZone?: string;
}

export interface ColumnPlan {
  format: SurveyFormat;
  /** how many leading rows are headers */
  headerRows: number;
  columns: ColumnSpec[];
  /** what the layout cannot tell (options exported as codes only), for the CoE to see */
  warnings?: string[];
}

/**
 * The CoE's adjustment of the column → question mapping. Keys are a column's header text or
 * `#<index>` (0-based); a null value ignores the column, a string assigns it to that question key
 * (several columns with one key form a multiple-choice question).
 */
export type ColumnMapping = Record<string, string | null>;

export interface ImportOptions {
  format?: SurveyFormat | 'auto';
  mapping?: ColumnMapping;
  /** a file name for error messages */
  fileName?: string;
}

/** One vendor's layout: recognise it from its header rows, then say what each column means. */
export interface SurveyImporter {
  format: SurveyFormat;
  detect(table: string[][]): boolean;
  plan(table: string[][]): ColumnPlan;
}
