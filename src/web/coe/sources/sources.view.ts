import type { DirectoryColumnPreview } from '../../../people/directory-csv.parser';
import type { ColumnPlan, ColumnSpec } from '../../../surveys/importers/import.types';
import { PRIVACY_MODES, type PrivacyMode } from '../../../surveys/survey.types';
import { enumLabel, formChoice, formText, type CoeFieldError, type CoeFormBody } from '../coe-form';

/** A scan to start: a local checkout under LOCAL_SCAN_ROOTS, or a GitHub organisation or user. */
export type CoeScanRequest = { path: string } | { owner: string };

const GITHUB_OWNER = /^[a-z\d](?:[a-z\d-]{0,38})$/i;

export function parseScanForm(body: CoeFormBody): {
  request?: CoeScanRequest;
  errors: CoeFieldError[];
} {
  const kind = formText(body, 'kind');
  if (kind === 'local') {
    const path = formText(body, 'path');
    if (path === '')
      return {
        errors: [{ field: 'path', message: 'Path: the top of a git checkout on the server' }],
      };
    return { request: { path }, errors: [] };
  }
  if (kind === 'github') {
    const owner = formText(body, 'owner');
    if (!GITHUB_OWNER.test(owner))
      return {
        errors: [
          { field: 'owner', message: 'Owner: a GitHub organisation or user name (e.g. acme)' },
        ],
      };
    return { request: { owner }, errors: [] };
  }
  return { errors: [{ field: 'kind', message: 'Scan: choose a local checkout or GitHub' }] };
}

export interface ColumnMappingRowView {
  column: string;
  header: string;
  readAs: string;
  question: string;
  detail: string;
  ignored: boolean;
}

const ROLE_LABELS: Record<ColumnSpec['role'], string> = {
  'respondent-email': 'Respondent e-mail',
  'respondent-token': 'Respondent token',
  'respondent-id': 'Response id',
  'submitted-at': 'Submission time',
  question: 'Question',
  ignore: 'Ignored',
};

/** Column letters as a spreadsheet shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The detected format and how each column of a survey export becomes a question. */
export function surveyImportPreviewView(plan: ColumnPlan): {
  format: string;
  headerRows: number;
  questions: number;
  rows: ColumnMappingRowView[];
  warnings: string[];
} {
  return {
    format: enumLabel(plan.format),
    headerRows: plan.headerRows,
    questions: new Set(plan.columns.filter((c) => c.role === 'question').map((c) => c.questionKey))
      .size,
    rows: plan.columns.map((c) => ({
      column: columnLetter(c.index),
      header: c.header,
      readAs: ROLE_LABELS[c.role],
      question: c.role === 'question' ? (c.questionText ?? c.questionKey ?? '') : '',
      detail:
        c.role !== 'question'
          ? ''
          : c.encoding === 'flag'
            ? `option "${c.option ?? c.header}" when marked`
            : c.encoding === 'joined'
              ? `several options, separated by "${c.separator ?? ';'}"`
              : c.kind
                ? `${c.kind} answer`
                : 'answer',
      ignored: c.role === 'ignore',
    })),
    warnings: plan.warnings ?? [],
  };
}

export function directoryPreviewView(preview: {
  columns: DirectoryColumnPreview[];
  error: string | null;
}): { rows: ColumnMappingRowView[]; error: string | null } {
  return {
    error: preview.error,
    rows: preview.columns.map((c) => ({
      column: columnLetter(c.index),
      header: c.header,
      readAs: c.field ? enumLabel(c.field) : 'Ignored',
      question: '',
      detail: '',
      ignored: c.field === null,
    })),
  };
}

/** The survey import's confirmation: which previewed upload, into a new survey of which privacy. */
export function parseSurveyImportConfirm(body: CoeFormBody): {
  request?: { uploadId: string; title: string; privacyMode: PrivacyMode };
  errors: CoeFieldError[];
} {
  const errors: CoeFieldError[] = [];
  const uploadId = formText(body, 'upload');
  if (!/^[0-9a-f-]{36}$/i.test(uploadId))
    errors.push({ field: 'upload', message: 'Upload: preview the file again' });
  const privacyMode = formChoice(body, 'privacyMode', PRIVACY_MODES);
  if (!privacyMode)
    errors.push({ field: 'privacyMode', message: `Privacy: one of ${PRIVACY_MODES.join(', ')}` });
  const title = formText(body, 'title').slice(0, 200);
  if (errors.length || !privacyMode) return { errors };
  return { request: { uploadId, title, privacyMode }, errors };
}
