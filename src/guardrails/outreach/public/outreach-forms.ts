import { DATA_CLASSES, type DataClass } from '../../../catalog/catalog.types';

/** Plain words for each data class, as the form shows them. */
export const DATA_CLASS_LABELS: Record<DataClass, string> = {
  public: 'Public information',
  internal: 'Internal information (not public)',
  confidential: 'Confidential business information',
  pii: 'Personal data about people (customers, colleagues)',
  phi: 'Health information',
  pci: 'Payment card data',
};

export interface ClarificationAnswer {
  uses: boolean;
  dataClasses: DataClass[];
  note: string | null;
}

export interface FieldError {
  field: string;
  message: string;
}

const MAX_NOTE = 2000;

const list = (v: unknown): string[] =>
  v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).map(String);

function note(v: unknown): string | null {
  const text = typeof v === 'string' ? v.trim() : '';
  return text ? text.slice(0, MAX_NOTE) : null;
}

/** Reads the posted clarification form; what is wrong is named by field. */
export function parseClarificationForm(
  body: Record<string, unknown>,
): { ok: true; answer: ClarificationAnswer } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const uses = body.uses === 'yes' ? true : body.uses === 'no' ? false : null;
  if (uses === null)
    errors.push({ field: 'uses', message: 'Please say whether you use the tool for work.' });
  const classes = list(body.dataClasses);
  const unknown = classes.filter((c) => !(DATA_CLASSES as readonly string[]).includes(c));
  if (unknown.length)
    errors.push({ field: 'dataClasses', message: `Unknown kind of data: ${unknown.join(', ')}` });
  if (uses === false && classes.length)
    errors.push({
      field: 'dataClasses',
      message: 'You said you do not use it: leave the kinds of data empty.',
    });
  if (errors.length || uses === null) return { ok: false, errors };
  return {
    ok: true,
    answer: {
      uses,
      dataClasses: [...new Set(classes)].sort() as DataClass[],
      note: note(body.note),
    },
  };
}

export interface ToolRequestForm {
  reason: string;
  contactEmail: string | null;
  forTeam: boolean;
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** Reads the posted tool-request form. */
export function parseToolRequestForm(
  body: Record<string, unknown>,
): { ok: true; request: ToolRequestForm } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (reason.length < 10)
    errors.push({
      field: 'reason',
      message: 'Please say in a sentence or two what you need the tool for.',
    });
  const email = typeof body.email === 'string' ? body.email.trim() : '';
  if (email && !EMAIL.test(email))
    errors.push({ field: 'email', message: 'That does not look like an e-mail address.' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    request: {
      reason: reason.slice(0, MAX_NOTE),
      contactEmail: email || null,
      forTeam: body.forTeam === 'yes',
    },
  };
}
