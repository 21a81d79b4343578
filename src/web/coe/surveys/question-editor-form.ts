// The question editor's form, both ways: a question definition → the fields the page shows, and
// what the browser posts → a question definition for SurveyQuestionsService. Pure, so it is
// specified by its spec; the service's checks (kinds, logic) run after it, as for the API.
import type {
  Condition,
  QuestionDefinition,
  QuestionKind,
  QuestionOption,
  QuestionScale,
} from '../../../surveys/survey.types';
import { formFlag, formText, type CoeFieldError, type CoeFormBody } from '../coe-form';

/** The kinds the editor offers, in the order it lists them, with what each asks for. */
export const EDITOR_KINDS: { kind: QuestionKind; label: string; help: string }[] = [
  { kind: 'single', label: 'Single choice', help: 'one answer from a list' },
  { kind: 'multiple', label: 'Multiple choice', help: 'any answers from a list' },
  { kind: 'text', label: 'Free text', help: 'a written answer' },
  { kind: 'tool-picker', label: 'Tool picker', help: 'tools from the catalog' },
  { kind: 'likert', label: 'Likert scale', help: '5 or 7 points with labelled ends' },
  { kind: 'matrix', label: 'Matrix', help: 'several items rated on one scale' },
  { kind: 'number', label: 'Number', help: 'a number with its unit, e.g. hours per week' },
  { kind: 'ranking', label: 'Ranking', help: 'options put in order' },
  { kind: 'nps', label: 'NPS (0–10)', help: 'how likely, from 0 to 10' },
  { kind: 'scale', label: 'Numeric scale', help: 'a point from min to max' },
];

export function isEditorKind(value: unknown): value is QuestionKind {
  return EDITOR_KINDS.some((k) => k.kind === value);
}

export function kindLabel(kind: QuestionKind): string {
  return EDITOR_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

const KINDS_WITH_OPTIONS: QuestionKind[] = ['single', 'multiple', 'ranking'];
const KEY = /^[A-Za-z][\w.-]{0,63}$/;

/** What the question page's fields hold (all text, as the browser shows and posts them). */
export interface QuestionFormValues {
  key: string;
  text: string;
  help: string;
  required: boolean;
  /** one option per line: "label", or "value | label" when the value is not derived from it */
  options: string;
  items: string;
  points: '5' | '7';
  min: string;
  max: string;
  minLabel: string;
  maxLabel: string;
  /** matrix: its columns come from a scale or from the options */
  columns: 'scale' | 'options';
  unit: string;
  integer: boolean;
  /** tool-picker: catalog tool ids, one per line (none: the whole catalog) */
  tools: string;
  several: boolean;
  showIfQuestion: string;
  showIfValue: string;
  /** a condition the simple editor cannot show (set through the API), kept unless removed */
  showIfOther: string;
}

/** The fields for an existing question, or blank ones for a new question of `kind`. */
export function questionFormValues(
  q: QuestionDefinition | undefined,
  kind: QuestionKind,
): QuestionFormValues {
  const scale = q?.scale ?? null;
  const simple = q?.showIf ? simpleCondition(q.showIf) : null;
  return {
    key: q?.key ?? '',
    text: q?.text ?? '',
    help: q?.help ?? '',
    required: q?.required ?? false,
    options: q?.kind === 'tool-picker' ? '' : optionLines(q?.options ?? []),
    items: optionLines(q?.items ?? []),
    points: scale?.max === 7 ? '7' : '5',
    min: scale ? String(scale.min) : '1',
    max: scale ? String(scale.max) : '5',
    minLabel: scale?.minLabel ?? (kind === 'likert' || !q ? defaultEnds(kind)[0] : ''),
    maxLabel: scale?.maxLabel ?? (kind === 'likert' || !q ? defaultEnds(kind)[1] : ''),
    columns: q?.kind === 'matrix' && !q.scale ? 'options' : 'scale',
    unit: q?.number?.unit ?? '',
    integer: q?.number?.integer ?? false,
    tools: q?.kind === 'tool-picker' ? (q.options ?? []).map((o) => o.value).join('\n') : '',
    several: q?.kind === 'tool-picker' ? q.multiple !== false : true,
    showIfQuestion: simple?.question ?? '',
    showIfValue: simple?.value ?? '',
    showIfOther: q?.showIf && !simple ? JSON.stringify(q.showIf) : '',
  };
}

function defaultEnds(kind: QuestionKind): [string, string] {
  if (kind === 'likert' || kind === 'matrix') return ['Strongly disagree', 'Strongly agree'];
  if (kind === 'nps') return ['Not at all likely', 'Extremely likely'];
  return ['', ''];
}

/** "show when X has answer Y" (or "when X is answered"), if that is all the condition says. */
export function simpleCondition(c: Condition): { question: string; value: string } | null {
  if (!('question' in c)) return null;
  if (c.op === 'answered' && c.value === undefined) return { question: c.question, value: '' };
  if ((c.op === 'equals' || c.op === 'includes') && c.value !== undefined)
    return { question: c.question, value: String(c.value) };
  return null;
}

export function slugOf(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

function optionLines(options: QuestionOption[]): string {
  return options
    .map((o) => (o.value === slugOf(o.label) ? o.label : `${o.value} | ${o.label}`))
    .join('\n');
}

/**
 * Lines of a list field into options: "value | label" keeps its value; "label" keeps the value of
 * the option that had that label before (so translations and conditions still fit), or takes one
 * derived from the label.
 */
export function parseOptionLines(
  text: string,
  before: QuestionOption[] = [],
): { options: QuestionOption[]; problem?: string } {
  const options: QuestionOption[] = [];
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  for (const [i, line] of lines.entries()) {
    const bar = line.indexOf('|');
    let value: string;
    let label: string;
    if (bar >= 0) {
      value = line.slice(0, bar).trim();
      label = line.slice(bar + 1).trim();
      if (!value || !label) return { options, problem: `line ${i + 1}: write "value | label"` };
    } else {
      label = line;
      value = before.find((o) => o.label === line)?.value ?? (slugOf(line) || `option-${i + 1}`);
    }
    if (value.length > 200 || label.length > 300)
      return { options, problem: `line ${i + 1}: a value up to 200, a label up to 300 characters` };
    let unique = value;
    for (let n = 2; options.some((o) => o.value === unique); n++) unique = `${value}-${n}`;
    options.push({ value: unique, label });
  }
  return { options };
}

/** A key for a new question from its text, not yet used by `taken`. */
export function keyFor(text: string, taken: string[]): string {
  const base = slugOf(text).replace(/-/g, '_').slice(0, 40).replace(/_+$/, '');
  const stem = /^[a-z]/.test(base) ? base : `q_${base}`.replace(/_+$/, '');
  let key = stem;
  for (let n = 2; taken.includes(key); n++) key = `${stem}_${n}`;
  return key;
}

function numberField(
  body: CoeFormBody,
  name: string,
  label: string,
  errors: CoeFieldError[],
  opts: { integer?: boolean } = {},
): number | undefined {
  const raw = formText(body, name);
  if (raw === '') return undefined;
  const n = Number(raw.replace(',', '.'));
  if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) {
    errors.push({
      field: name,
      message: `${label}: enter a ${opts.integer ? 'whole ' : ''}number`,
    });
    return undefined;
  }
  return n;
}

function scaleFields(body: CoeFormBody, errors: CoeFieldError[]): QuestionScale | undefined {
  const min = numberField(body, 'min', 'Lowest point', errors, { integer: true });
  const max = numberField(body, 'max', 'Highest point', errors, { integer: true });
  if (min === undefined || max === undefined) {
    if (!errors.some((e) => e.field === 'min' || e.field === 'max'))
      errors.push({ field: 'min', message: 'Scale: enter its lowest and highest point' });
    return undefined;
  }
  if (min < 0 || max > 10 || min >= max) {
    errors.push({
      field: 'min',
      message: 'Scale: points from 0 to 10, the lowest below the highest',
    });
    return undefined;
  }
  return withEnds({ min, max }, body);
}

function withEnds(scale: QuestionScale, body: CoeFormBody): QuestionScale {
  const minLabel = formText(body, 'minLabel');
  const maxLabel = formText(body, 'maxLabel');
  return { ...scale, ...(minLabel ? { minLabel } : {}), ...(maxLabel ? { maxLabel } : {}) };
}

/**
 * The posted question page as a definition of `kind`. `before` is the question being edited (its
 * key, section and translations are kept); `others` are the survey's other questions, for the key
 * of a new question and for the condition's value, which may be typed as an option's label.
 */
export function parseQuestionForm(
  body: CoeFormBody,
  kind: QuestionKind,
  before: QuestionDefinition | undefined,
  others: QuestionDefinition[],
): { question?: QuestionDefinition; errors: CoeFieldError[] } {
  const errors: CoeFieldError[] = [];
  const text = formText(body, 'text');
  if (text === '' || text.length > 500)
    errors.push({ field: 'text', message: 'Question: required, at most 500 characters' });
  const help = formText(body, 'help');
  if (help.length > 1000) errors.push({ field: 'help', message: 'Hint: at most 1000 characters' });

  let key = before?.key ?? formText(body, 'key');
  if (!before) {
    if (key === '' && text !== '')
      key = keyFor(
        text,
        others.map((o) => o.key),
      );
    if (!KEY.test(key))
      errors.push({
        field: 'key',
        message: 'Key: start with a letter; letters, digits, _ . - (at most 64)',
      });
    else if (others.some((o) => o.key === key))
      errors.push({ field: 'key', message: `Key: "${key}" is already a question of this survey` });
  }

  const q: QuestionDefinition = {
    key,
    text,
    kind,
    required: formFlag(body, 'required'),
    role: before?.kind === kind ? (before.role ?? null) : null,
    ...(help ? { help } : {}),
    ...(before?.section ? { section: before.section } : {}),
    ...(before?.translations ? { translations: before.translations } : {}),
  };

  const list = (name: 'options' | 'items', label: string, prior: QuestionOption[] = []) => {
    const parsed = parseOptionLines(formText(body, name), prior);
    if (parsed.problem) errors.push({ field: name, message: `${label}: ${parsed.problem}` });
    return parsed.options;
  };

  if (KINDS_WITH_OPTIONS.includes(kind)) {
    q.options = list('options', 'Options', before?.options);
    const least = kind === 'ranking' ? 2 : 1;
    if (q.options.length < least && !errors.some((e) => e.field === 'options'))
      errors.push({
        field: 'options',
        message: `Options: at least ${least}, one per line`,
      });
  }
  switch (kind) {
    case 'tool-picker':
      q.options = formText(body, 'tools')
        .split(/[\r\n,]+/)
        .map((t) => t.trim())
        .filter((t) => t !== '')
        .map((id) => ({ value: id, label: id }));
      q.multiple = formFlag(body, 'several');
      break;
    case 'likert': {
      const points = formText(body, 'points') === '7' ? 7 : 5;
      q.scale = withEnds({ min: 1, max: points }, body);
      break;
    }
    case 'nps':
      q.scale = withEnds({ min: 0, max: 10 }, body);
      break;
    case 'scale':
      q.scale = scaleFields(body, errors);
      break;
    case 'matrix':
      q.items = list('items', 'Items', before?.items);
      if (q.items.length === 0 && !errors.some((e) => e.field === 'items'))
        errors.push({ field: 'items', message: 'Items: at least one row, one per line' });
      if (formText(body, 'columns') === 'options') {
        q.options = list('options', 'Columns', before?.options);
        if (q.options.length < 2 && !errors.some((e) => e.field === 'options'))
          errors.push({ field: 'options', message: 'Columns: at least two, one per line' });
      } else q.scale = scaleFields(body, errors);
      break;
    case 'number': {
      const unit = formText(body, 'unit');
      if (unit.length > 60) errors.push({ field: 'unit', message: 'Unit: at most 60 characters' });
      const integer = formFlag(body, 'integer');
      const min = numberField(body, 'min', 'Smallest', errors, { integer });
      const max = numberField(body, 'max', 'Largest', errors, { integer });
      q.number = {
        unit,
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(integer ? { integer } : {}),
      };
      break;
    }
    case 'single':
    case 'multiple':
    case 'ranking':
    case 'text':
      break;
  }

  const showIf = parseShowIf(body, before, others);
  if (showIf) q.showIf = showIf;
  return errors.length ? { errors } : { question: q, errors };
}

/** The condition from "show when [question] has the answer [value]", or the one kept as it was. */
function parseShowIf(
  body: CoeFormBody,
  before: QuestionDefinition | undefined,
  others: QuestionDefinition[],
): Condition | null {
  const on = formText(body, 'showIfQuestion');
  if (on === '') {
    const kept = before?.showIf;
    return kept && !simpleCondition(kept) && !formFlag(body, 'showIfRemove') ? kept : null;
  }
  const read = others.find((o) => o.key === on);
  const typed = formText(body, 'showIfValue');
  if (typed === '') return { question: on, op: 'answered' };
  const value =
    read?.options?.find((o) => o.value === typed)?.value ??
    read?.options?.find((o) => o.label.toLowerCase() === typed.toLowerCase())?.value ??
    typed;
  const several =
    read?.kind === 'multiple' ||
    read?.kind === 'matrix' ||
    (read?.kind === 'tool-picker' && read.multiple !== false);
  return { question: on, op: several ? 'includes' : 'equals', value };
}

/** The fields as posted, to show the page again with what the author typed. */
export function postedFormValues(
  body: CoeFormBody,
  before?: QuestionDefinition,
): QuestionFormValues {
  return {
    key: before?.key ?? formText(body, 'key'),
    text: formText(body, 'text'),
    help: formText(body, 'help'),
    required: formFlag(body, 'required'),
    options: formText(body, 'options'),
    items: formText(body, 'items'),
    points: formText(body, 'points') === '7' ? '7' : '5',
    min: formText(body, 'min'),
    max: formText(body, 'max'),
    minLabel: formText(body, 'minLabel'),
    maxLabel: formText(body, 'maxLabel'),
    columns: formText(body, 'columns') === 'options' ? 'options' : 'scale',
    unit: formText(body, 'unit'),
    integer: formFlag(body, 'integer'),
    tools: formText(body, 'tools'),
    several: formFlag(body, 'several'),
    showIfQuestion: formText(body, 'showIfQuestion'),
    showIfValue: formText(body, 'showIfValue'),
    showIfOther: formFlag(body, 'showIfRemove') ? '' : formText(body, 'showIfOther'),
  };
}
